#pragma once
// Dates in the words people read them in: "7 December 2026", "Monday 7 December 2026".
#include <chrono>
#include <string>

namespace ces {

std::string dayMonthYear(std::chrono::year_month_day date);  ///< "7 December 2026"
std::string weekdayDate(std::chrono::year_month_day date);   ///< "Monday 7 December 2026"
/// "9am", "2:30pm", "midday": a time of day as people say it.
std::string clockWords(int secondsAfterMidnight);

}  // namespace ces
