#include "core/date_words.h"

#include <array>

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

}  // namespace ces
