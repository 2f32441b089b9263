#include "core/nhs_number.h"

#include <optional>
#include <stdexcept>

#include "core/errors.h"

namespace ces {

namespace {

constexpr std::size_t kDigits = 10;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) return false;
    }
    return true;
}

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

/// The ten digits of `text` if it is shaped like an NHS number ("9434765919",
/// "943 476 5919" or "943-476-5919"), whatever its check digit.
std::optional<std::string> digitsOf(std::string_view text) {
    text = trimSpaces(text);
    if (text.size() == kDigits) {
        if (!allDigits(text)) return std::nullopt;
        return std::string(text);
    }
    if (text.size() != kDigits + 2) return std::nullopt;
    const char separator = text[3];
    if ((separator != ' ' && separator != '-') || text[7] != separator) return std::nullopt;
    const std::string digits = std::string(text.substr(0, 3)) + std::string(text.substr(4, 3)) +
                               std::string(text.substr(8));
    if (!allDigits(digits)) return std::nullopt;
    return digits;
}

bool hasValidCheckDigit(const std::string& digits) {
    return nhsCheckDigit(std::string_view(digits).substr(0, kDigits - 1)) ==
           digits[kDigits - 1] - '0';
}

}  // namespace

std::optional<int> nhsCheckDigit(std::string_view nineDigits) {
    if (nineDigits.size() != kDigits - 1 || !allDigits(nineDigits)) {
        throw std::invalid_argument("an NHS check digit needs nine digits");
    }
    int sum = 0;
    for (std::size_t i = 0; i < nineDigits.size(); ++i) {
        sum += (nineDigits[i] - '0') * static_cast<int>(kDigits - i);
    }
    const int check = 11 - sum % 11;
    if (check == 10) return std::nullopt;
    return check == 11 ? 0 : check;
}

bool isValidNhsNumber(std::string_view text) {
    const std::optional<std::string> digits = digitsOf(text);
    return digits && hasValidCheckDigit(*digits);
}

std::string normaliseNhsNumber(std::string_view text, const std::string& field) {
    std::optional<std::string> digits = digitsOf(text);
    if (!digits) {
        throw ValidationError(field,
                              "an NHS number is 10 digits, written bare or as 3-3-4 with spaces or "
                              "dashes (e.g. 943 476 5919)");
    }
    if (!hasValidCheckDigit(*digits)) {
        throw ValidationError(field,
                              "'" + std::string(text) +
                                  "' is not a valid NHS number: its check digit does not match; "
                                  "please check it for a typing error");
    }
    return std::move(*digits);
}

}  // namespace ces
