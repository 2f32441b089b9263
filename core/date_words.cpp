#include "core/date_words.h"

#include <array>
#include <cstdio>

namespace ces {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

}  // namespace

std::string dayMonthYear(std::chrono::year_month_day date) {
    std::string text = std::to_string(static_cast<unsigned>(date.day()));
    return text.append(" ")
        .append(kMonths[static_cast<unsigned>(date.month()) - 1])
        .append(" ")
        .append(std::to_string(static_cast<int>(date.year())));
}

std::string weekdayDate(std::chrono::year_month_day date) {
    const std::chrono::weekday weekday{std::chrono::sys_days(date)};
    return std::string(kWeekdays[weekday.c_encoding()]).append(" ").append(dayMonthYear(date));
}

std::string clockWords(int secondsAfterMidnight) {
    const int hour = secondsAfterMidnight / 3600;
    const int minute = secondsAfterMidnight / 60 % 60;
    if (hour == 12 && minute == 0) return "midday";
    char buffer[16];
    const int twelve = hour % 12 == 0 ? 12 : hour % 12;
    const char* half = hour < 12 ? "am" : "pm";
    if (minute == 0) {
        std::snprintf(buffer, sizeof buffer, "%d%s", twelve, half);
    } else {
        std::snprintf(buffer, sizeof buffer, "%d:%02d%s", twelve, minute, half);
    }
    return buffer;
}

}  // namespace ces
