#include "core/phone.h"

namespace ces {

namespace {

constexpr std::string_view kCountryCode = "+44";
constexpr std::size_t kFewestDigits = 9;  // after the trunk 0 or +44
constexpr std::size_t kMostDigits = 10;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<std::string> normaliseUkPhone(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text.empty() || text.size() > kMaxPhoneLength) return std::nullopt;

    const bool international = text.substr(0, kCountryCode.size()) == kCountryCode;
    std::string tidy = international ? std::string(kCountryCode) : std::string();
    std::string digits;
    for (char c : text.substr(tidy.size())) {
        if (isDigit(c)) {
            digits += c;
            tidy += c;
        } else if (isSpace(c)) {
            if (!tidy.empty() && tidy.back() != ' ') tidy += ' ';
        } else {
            return std::nullopt;
        }
    }
    if (international) {
        if (digits.empty() || digits.front() == '0') return std::nullopt;
    } else {
        if (digits.empty() || digits.front() != '0') return std::nullopt;
        digits.erase(0, 1);
    }
    if (digits.size() < kFewestDigits || digits.size() > kMostDigits) return std::nullopt;
    return tidy;
}

}  // namespace ces
