#include "core/calendar.h"

#include <algorithm>
#include <array>
#include <optional>

namespace ces {

namespace chr = std::chrono;
using chr::days;
using chr::sys_days;
using chr::weekday;
using chr::year_month_day;

namespace {

/// A one-off change to the usual bank holidays, as proclaimed for that year.
struct OneOffChange {
    year_month_day day;                       ///< The bank holiday that year.
    std::optional<year_month_day> movedFrom;  ///< The usual day it replaces, if moved.
};

using chr::April;
using chr::August;
using chr::June;
using chr::May;
using chr::September;
using chr::year;

// Known one-off changes in England and Wales since 2011 (gov.uk). A new announcement can be
// passed to WorkingDayCalendar as an extra holiday until it is added here.
constexpr std::array kOneOffChanges{
    OneOffChange{year{2011} / April / 29, std::nullopt},         // Royal wedding.
    OneOffChange{year{2012} / June / 4, year{2012} / May / 28},  // Spring moved for jubilee.
    OneOffChange{year{2012} / June / 5, std::nullopt},           // Diamond jubilee.
    OneOffChange{year{2020} / May / 8, year{2020} / May / 4},    // Early May moved to VE day.
    OneOffChange{year{2022} / June / 2, year{2022} / May / 30},  // Spring moved for jubilee.
    OneOffChange{year{2022} / June / 3, std::nullopt},           // Platinum jubilee.
    OneOffChange{year{2022} / September / 19, std::nullopt},     // State funeral of Elizabeth II.
    OneOffChange{year{2023} / May / 8, std::nullopt},            // Coronation of Charles III.
};

bool isWeekend(sys_days day) {
    const weekday wd{day};
    return wd == chr::Saturday || wd == chr::Sunday;
}

sys_days firstMonday(year y, chr::month m) { return sys_days{y / m / chr::Monday[1]}; }

sys_days lastMonday(year y, chr::month m) { return sys_days{y / m / chr::Monday[chr::last]}; }

/// Moves a fixed-date holiday that falls at a weekend, or on a day already taken by an
/// earlier holiday, to the next free weekday (the substitute day) and records it.
void addWithSubstitute(std::vector<sys_days>& holidays, sys_days day) {
    while (isWeekend(day) || std::find(holidays.begin(), holidays.end(), day) != holidays.end()) {
        day += days{1};
    }
    holidays.push_back(day);
}

/// The usual eight England and Wales bank holidays of `y`, with one-off changes applied.
std::vector<sys_days> statutoryHolidays(year y) {
    std::vector<sys_days> holidays;
    addWithSubstitute(holidays, sys_days{y / chr::January / 1});
    const sys_days easter{easterSunday(static_cast<int>(y))};
    holidays.push_back(easter - days{2});                           // Good Friday
    holidays.push_back(easter + days{1});                           // Easter Monday
    holidays.push_back(firstMonday(y, May));                        // Early May bank holiday
    holidays.push_back(lastMonday(y, May));                         // Spring bank holiday
    holidays.push_back(lastMonday(y, August));                      // Summer bank holiday
    addWithSubstitute(holidays, sys_days{y / chr::December / 25});  // Christmas Day
    addWithSubstitute(holidays, sys_days{y / chr::December / 26});  // Boxing Day

    for (const OneOffChange& change : kOneOffChanges) {
        if (change.day.year() != y) continue;
        if (change.movedFrom) std::erase(holidays, sys_days{*change.movedFrom});
        holidays.push_back(sys_days{change.day});
    }
    std::sort(holidays.begin(), holidays.end());
    return holidays;
}

constexpr int kFirstCachedYear = 1950;
constexpr int kLastCachedYear = 2150;

/// The holidays of the years a service can meet, computed once: every due date walks the
/// calendar day by day, so this sits on the order path. Null outside those years.
const std::vector<sys_days>* cachedHolidays(year y) {
    static const std::vector<std::vector<sys_days>> cached = [] {
        std::vector<std::vector<sys_days>> years;
        for (int each = kFirstCachedYear; each <= kLastCachedYear; ++each) {
            years.push_back(statutoryHolidays(year{each}));
        }
        return years;
    }();
    const int wanted = static_cast<int>(y);
    if (wanted < kFirstCachedYear || wanted > kLastCachedYear) return nullptr;
    return &cached[static_cast<std::size_t>(wanted - kFirstCachedYear)];
}

}  // namespace

year_month_day easterSunday(int y) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return year{y} / chr::month{static_cast<unsigned>(month)} /
           chr::day{static_cast<unsigned>(day)};
}

WorkingDayCalendar::WorkingDayCalendar(std::vector<year_month_day> extraHolidays) {
    extraHolidays_.reserve(extraHolidays.size());
    for (const year_month_day& day : extraHolidays) extraHolidays_.push_back(sys_days{day});
    std::sort(extraHolidays_.begin(), extraHolidays_.end());
    extraHolidays_.erase(std::unique(extraHolidays_.begin(), extraHolidays_.end()),
                         extraHolidays_.end());
}

bool WorkingDayCalendar::isBankHoliday(year_month_day day) const {
    const sys_days when{day};
    if (std::binary_search(extraHolidays_.begin(), extraHolidays_.end(), when)) return true;
    if (const std::vector<sys_days>* holidays = cachedHolidays(day.year())) {
        return std::binary_search(holidays->begin(), holidays->end(), when);
    }
    const std::vector<sys_days> holidays = statutoryHolidays(day.year());
    return std::binary_search(holidays.begin(), holidays.end(), when);
}

bool WorkingDayCalendar::isWorkingDay(year_month_day day) const {
    return !isWeekend(sys_days{day}) && !isBankHoliday(day);
}

std::vector<year_month_day> WorkingDayCalendar::bankHolidays(int y) const {
    std::vector<sys_days> holidays = statutoryHolidays(year{y});
    for (sys_days extra : extraHolidays_) {
        if (year_month_day{extra}.year() == year{y}) holidays.push_back(extra);
    }
    std::sort(holidays.begin(), holidays.end());
    holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
    return {holidays.begin(), holidays.end()};
}

year_month_day WorkingDayCalendar::addWorkingDays(year_month_day from, int n) const {
    const days step{n < 0 ? -1 : 1};
    sys_days day{from};
    for (long long remaining = n < 0 ? -static_cast<long long>(n) : n; remaining > 0;) {
        day += step;
        if (isWorkingDay(day)) --remaining;
    }
    return day;
}

year_month_day WorkingDayCalendar::nextWorkingDay(year_month_day day) const {
    return addWorkingDays(day, 1);
}

}  // namespace ces
