#pragma once
// NHS numbers: ten digits, the last a modulus 11 check digit. Written 3-3-4 ("943 476 5919").
#include <optional>
#include <string>
#include <string_view>

namespace ces {

/// The check digit for the first nine digits of an NHS number: weights 10 down to 2, then
/// 11 - (sum mod 11), where 11 means 0; nullopt when that is 10 (no valid number starts so).
/// Throws std::invalid_argument unless `nineDigits` is nine digits.
std::optional<int> nhsCheckDigit(std::string_view nineDigits);

/// True for ten digits, bare or grouped 3-3-4 with spaces or dashes (one kind throughout),
/// whose last digit is the modulus 11 check digit of the first nine.
bool isValidNhsNumber(std::string_view text);

/// The ten bare digits of a valid NHS number; throws ValidationError(field) saying whether
/// the shape or the check digit is wrong.
std::string normaliseNhsNumber(std::string_view text, const std::string& field);

}  // namespace ces
