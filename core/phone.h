#pragma once
// UK telephone numbers as residents and prescribers write them: "01622 123456",
// "07700 900123", "+44 7700 900123".
#include <optional>
#include <string>
#include <string_view>

namespace ces {

/// Longest phone number accepted as typed (spaces included).
inline constexpr std::size_t kMaxPhoneLength = 20;

/// The number trimmed with each run of spaces made one space, or nullopt unless it is a UK
/// number: digits and spaces only, after an optional leading "+44"; nationally 0 then 9 or 10
/// digits (10 or 11 in all), internationally +44 then those 9 or 10 digits without the 0; at
/// most kMaxPhoneLength characters once trimmed. Checks the shape only, not that it is in use.
std::optional<std::string> normaliseUkPhone(std::string_view text);

}  // namespace ces
