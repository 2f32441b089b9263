#pragma once
// Days and times in the words of each language the service writes to residents in.
#include <chrono>
#include <string>

#include "core/contact.h"

namespace ces::notify {

/// "Tuesday 8 December"; "wtorek, 8 grudnia"; "marți, 8 decembrie"; "मंगलबार, 8 डिसेम्बर".
/// Messages speak of the weeks ahead, so the year is left out.
std::string dayWords(std::chrono::year_month_day date, Language language);
/// With the year, for pages that may speak of a date months away: "Tuesday 8 December 2026".
std::string dateWords(std::chrono::year_month_day date, Language language);
/// "8 December" and its like: the shortest a text message needs.
std::string shortDayWords(std::chrono::year_month_day date, Language language);
/// "9am", "2:30pm" in English; "09:00", "14:30" in the others.
std::string timeWords(int secondsAfterMidnight, Language language);

}  // namespace ces::notify
