#include "core/money.h"

#include <limits>

#include "core/errors.h"

namespace ces {

namespace {

constexpr Pence kPencePerPound = 100;
constexpr int kMaxDecimals = 2;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

[[noreturn]] void refuse(const std::string& field, std::string_view pounds) {
    throw ValidationError(field, "'" + std::string(pounds) +
                                     "' is not an amount in pounds such as 5453.25, 20.0 or 400 "
                                     "(no sign, no £, at most 2 decimal places)");
}

}  // namespace

Pence parsePoundsToPence(std::string_view pounds, const std::string& field) {
    const std::string_view text = trimSpaces(pounds);
    const auto point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);

    if (whole.empty()) refuse(field, pounds);
    if (point != std::string_view::npos && (fraction.empty() || fraction.size() > kMaxDecimals)) {
        refuse(field, pounds);
    }

    constexpr Pence kMaxPounds = std::numeric_limits<Pence>::max() / kPencePerPound - 1;
    Pence poundsPart = 0;
    for (char c : whole) {
        if (!isDigit(c)) refuse(field, pounds);
        poundsPart = poundsPart * 10 + (c - '0');
        if (poundsPart > kMaxPounds) {
            throw ValidationError(field, "'" + std::string(pounds) + "' is too large an amount");
        }
    }

    Pence pencePart = 0;
    for (std::size_t i = 0; i < kMaxDecimals; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (!isDigit(c)) refuse(field, pounds);
        pencePart = pencePart * 10 + (c - '0');
    }
    return poundsPart * kPencePerPound + pencePart;
}

std::string formatPounds(Pence pence) {
    // Work in unsigned so that the most negative value formats without overflow.
    const bool negative = pence < 0;
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    const auto pounds = magnitude / kPencePerPound;
    const auto pennies = magnitude % kPencePerPound;

    const std::string digits = std::to_string(pounds);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }

    std::string text = negative ? "-£" : "£";
    text += grouped;
    text += '.';
    text += static_cast<char>('0' + pennies / 10);
    text += static_cast<char>('0' + pennies % 10);
    return text;
}

}  // namespace ces
