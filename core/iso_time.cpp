#include "core/iso_time.h"

#include <charconv>
#include <cstdio>

namespace ces {

namespace {

bool readNumber(std::string_view text, std::size_t at, std::size_t width, int& out) {
    if (at + width > text.size()) return false;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    std::from_chars(text.data() + at, text.data() + at + width, out);
    return true;
}

}  // namespace

std::string formatDate(std::chrono::year_month_day date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::string formatMonth(std::chrono::year_month month) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    return buffer;
}

std::chrono::year_month utcMonth(Instant instant) {
    const std::chrono::year_month_day day(std::chrono::floor<std::chrono::days>(instant));
    return day.year() / day.month();
}

std::string formatInstant(Instant instant) {
    const auto day = std::chrono::floor<std::chrono::days>(instant);
    const std::chrono::hh_mm_ss time(instant - day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ",
                  formatDate(std::chrono::year_month_day(day)).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::optional<std::chrono::year_month_day> parseDate(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!readNumber(text, 0, 4, year) || !readNumber(text, 5, 2, month) ||
        !readNumber(text, 8, 2, day)) {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year(year),
                                     std::chrono::month(static_cast<unsigned>(month)),
                                     std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::optional<Instant> parseInstant(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z') {
        return std::nullopt;
    }
    auto date = parseDate(text.substr(0, 10));
    int hours = 0, minutes = 0, seconds = 0;
    if (!date || !readNumber(text, 11, 2, hours) || !readNumber(text, 14, 2, minutes) ||
        !readNumber(text, 17, 2, seconds) || hours > 23 || minutes > 59 || seconds > 59) {
        return std::nullopt;
    }
    return std::chrono::sys_days(*date) + std::chrono::hours(hours) +
           std::chrono::minutes(minutes) + std::chrono::seconds(seconds);
}

}  // namespace ces
