#include "core/postcode.h"

#include <array>

namespace ces {

namespace {

constexpr std::size_t kInwardLength = 3;

/// Outward code shapes: 'A' a letter, '9' a digit.
constexpr std::array<std::string_view, 6> kOutwardShapes{"A9", "A99", "AA9", "AA99", "A9A", "AA9A"};

/// Girobank's historic postcode, the one valid postcode outside the usual shapes.
constexpr std::string_view kGirobank = "GIR0AA";

bool isUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char toUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool matchesShape(std::string_view text, std::string_view shape) {
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool ok = shape[i] == 'A' ? isUpperLetter(text[i]) : isDigit(text[i]);
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> normalisePostcode(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if (!isSpace(c)) compact += toUpper(c);
    }
    if (compact.size() <= kInwardLength) return std::nullopt;

    const std::string_view outward =
        std::string_view(compact).substr(0, compact.size() - kInwardLength);
    const std::string_view inward = std::string_view(compact).substr(outward.size());

    bool valid = compact == kGirobank;
    if (!valid && matchesShape(inward, "9AA")) {
        for (std::string_view shape : kOutwardShapes) valid = valid || matchesShape(outward, shape);
    }
    if (!valid) return std::nullopt;
    return std::string(outward) + ' ' + std::string(inward);
}

}  // namespace ces
