#include "core/calendar.h"

#include <doctest/doctest.h>

#include <vector>

using namespace std::chrono;
using ces::WorkingDayCalendar;
using Days = std::vector<year_month_day>;

namespace {

year_month_day ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

}  // namespace

TEST_CASE("easterSunday matches known dates") {
    CHECK(ces::easterSunday(2024) == ymd(2024, 3, 31));
    CHECK(ces::easterSunday(2025) == ymd(2025, 4, 20));
    CHECK(ces::easterSunday(2026) == ymd(2026, 4, 5));
    CHECK(ces::easterSunday(2027) == ymd(2027, 3, 28));
    CHECK(ces::easterSunday(2038) == ymd(2038, 4, 25));  // latest possible
    CHECK(ces::easterSunday(2285) == ymd(2285, 3, 22));  // earliest possible
    CHECK(ces::easterSunday(2000) == ymd(2000, 4, 23));
    CHECK(ces::easterSunday(1961) == ymd(1961, 4, 2));
}

TEST_CASE("bank holidays match the published gov.uk dates for 2024 to 2027") {
    const WorkingDayCalendar calendar;
    CHECK(calendar.bankHolidays(2024) == Days{ymd(2024, 1, 1), ymd(2024, 3, 29), ymd(2024, 4, 1),
                                              ymd(2024, 5, 6), ymd(2024, 5, 27), ymd(2024, 8, 26),
                                              ymd(2024, 12, 25), ymd(2024, 12, 26)});
    CHECK(calendar.bankHolidays(2025) == Days{ymd(2025, 1, 1), ymd(2025, 4, 18), ymd(2025, 4, 21),
                                              ymd(2025, 5, 5), ymd(2025, 5, 26), ymd(2025, 8, 25),
                                              ymd(2025, 12, 25), ymd(2025, 12, 26)});
    CHECK(calendar.bankHolidays(2026) == Days{ymd(2026, 1, 1), ymd(2026, 4, 3), ymd(2026, 4, 6),
                                              ymd(2026, 5, 4), ymd(2026, 5, 25), ymd(2026, 8, 31),
                                              ymd(2026, 12, 25), ymd(2026, 12, 28)});
    CHECK(calendar.bankHolidays(2027) == Days{ymd(2027, 1, 1), ymd(2027, 3, 26), ymd(2027, 3, 29),
                                              ymd(2027, 5, 3), ymd(2027, 5, 31), ymd(2027, 8, 30),
                                              ymd(2027, 12, 27), ymd(2027, 12, 28)});
}

TEST_CASE("weekend fixed holidays get substitute days") {
    const WorkingDayCalendar calendar;
    // 2022: New Year's Day Saturday -> Monday 3 Jan; Christmas Sunday -> Boxing Day Monday 26
    // and Christmas substitute Tuesday 27.
    const Days y2022 = calendar.bankHolidays(2022);
    CHECK(y2022.front() == ymd(2022, 1, 3));
    CHECK(y2022[y2022.size() - 2] == ymd(2022, 12, 26));
    CHECK(y2022.back() == ymd(2022, 12, 27));
    // 2023: New Year's Day Sunday -> Monday 2 Jan.
    CHECK(calendar.bankHolidays(2023).front() == ymd(2023, 1, 2));
    CHECK_FALSE(calendar.isBankHoliday(ymd(2023, 1, 1)));  // a Sunday, not a working day anyway
    CHECK_FALSE(calendar.isWorkingDay(ymd(2023, 1, 1)));
}

TEST_CASE("one-off changes: 2020 VE day, 2022 jubilee and state funeral, 2023 coronation") {
    const WorkingDayCalendar calendar;
    CHECK(calendar.bankHolidays(2020) == Days{ymd(2020, 1, 1), ymd(2020, 4, 10), ymd(2020, 4, 13),
                                              ymd(2020, 5, 8), ymd(2020, 5, 25), ymd(2020, 8, 31),
                                              ymd(2020, 12, 25), ymd(2020, 12, 28)});
    CHECK(calendar.isWorkingDay(ymd(2020, 5, 4)));
    CHECK(calendar.bankHolidays(2022) == Days{ymd(2022, 1, 3), ymd(2022, 4, 15), ymd(2022, 4, 18),
                                              ymd(2022, 5, 2), ymd(2022, 6, 2), ymd(2022, 6, 3),
                                              ymd(2022, 8, 29), ymd(2022, 9, 19), ymd(2022, 12, 26),
                                              ymd(2022, 12, 27)});
    CHECK(calendar.isWorkingDay(ymd(2022, 5, 30)));
    CHECK(calendar.bankHolidays(2023) ==
          Days{ymd(2023, 1, 2), ymd(2023, 4, 7), ymd(2023, 4, 10), ymd(2023, 5, 1), ymd(2023, 5, 8),
               ymd(2023, 5, 29), ymd(2023, 8, 28), ymd(2023, 12, 25), ymd(2023, 12, 26)});
}

TEST_CASE("one-off changes before 2020: 2011 royal wedding, 2012 diamond jubilee") {
    const WorkingDayCalendar calendar;
    CHECK(calendar.isBankHoliday(ymd(2011, 4, 29)));
    CHECK(calendar.bankHolidays(2011).size() == 9);
    CHECK(calendar.bankHolidays(2012) ==
          Days{ymd(2012, 1, 2), ymd(2012, 4, 6), ymd(2012, 4, 9), ymd(2012, 5, 7), ymd(2012, 6, 4),
               ymd(2012, 6, 5), ymd(2012, 8, 27), ymd(2012, 12, 25), ymd(2012, 12, 26)});
}

TEST_CASE("configured extra holidays are bank holidays") {
    const WorkingDayCalendar calendar{{ymd(2026, 7, 3), ymd(2026, 7, 3), ymd(2027, 1, 1)}};
    CHECK(calendar.isBankHoliday(ymd(2026, 7, 3)));
    CHECK_FALSE(calendar.isWorkingDay(ymd(2026, 7, 3)));
    CHECK(WorkingDayCalendar{}.isWorkingDay(ymd(2026, 7, 3)));
    const Days y2026 = calendar.bankHolidays(2026);
    CHECK(y2026.size() == 9);
    CHECK(y2026[5] == ymd(2026, 7, 3));
    CHECK(calendar.bankHolidays(2027).size() == 8);  // duplicate of New Year's Day ignored
}

TEST_CASE("isWorkingDay excludes weekends and bank holidays") {
    const WorkingDayCalendar calendar;
    CHECK(calendar.isWorkingDay(ymd(2026, 3, 2)));        // Monday
    CHECK(calendar.isWorkingDay(ymd(2026, 3, 6)));        // Friday
    CHECK_FALSE(calendar.isWorkingDay(ymd(2026, 3, 7)));  // Saturday
    CHECK_FALSE(calendar.isWorkingDay(ymd(2026, 3, 8)));  // Sunday
    CHECK_FALSE(calendar.isWorkingDay(ymd(2026, 4, 3)));  // Good Friday
    CHECK_FALSE(calendar.isWorkingDay(ymd(2026, 12, 28)));
    CHECK(calendar.isWorkingDay(ymd(2026, 12, 29)));
    CHECK_FALSE(calendar.isBankHoliday(ymd(2026, 3, 7)));
}

TEST_CASE("addWorkingDays and nextWorkingDay skip weekends and bank holidays") {
    const WorkingDayCalendar calendar;
    CHECK(calendar.addWorkingDays(ymd(2026, 3, 2), 0) == ymd(2026, 3, 2));
    CHECK(calendar.addWorkingDays(ymd(2026, 3, 2), 1) == ymd(2026, 3, 3));
    CHECK(calendar.addWorkingDays(ymd(2026, 3, 5), 3) == ymd(2026, 3, 10));  // over a weekend
    CHECK(calendar.addWorkingDays(ymd(2026, 3, 7), 1) == ymd(2026, 3, 9));   // from a Saturday
    CHECK(calendar.addWorkingDays(ymd(2026, 4, 2), 1) == ymd(2026, 4, 7));   // over Easter
    CHECK(calendar.addWorkingDays(ymd(2026, 12, 24), 1) == ymd(2026, 12, 29));
    CHECK(calendar.addWorkingDays(ymd(2026, 12, 24), 5) == ymd(2027, 1, 5));  // over New Year
    CHECK(calendar.addWorkingDays(ymd(2027, 12, 24), 1) == ymd(2027, 12, 29));
    CHECK(calendar.addWorkingDays(ymd(2026, 3, 10), -3) == ymd(2026, 3, 5));
    CHECK(calendar.addWorkingDays(ymd(2026, 4, 7), -1) == ymd(2026, 4, 2));
    CHECK(calendar.nextWorkingDay(ymd(2026, 3, 6)) == ymd(2026, 3, 9));
    CHECK(calendar.nextWorkingDay(ymd(2026, 3, 9)) == ymd(2026, 3, 10));
    CHECK(calendar.nextWorkingDay(ymd(2026, 12, 24)) == ymd(2026, 12, 29));
    CHECK(calendar.nextWorkingDay(ymd(2026, 5, 22)) == ymd(2026, 5, 26));  // spring holiday
}

TEST_CASE("every year has eight usual bank holidays on working weekdays") {
    const WorkingDayCalendar calendar;
    for (int y = 2024; y <= 2060; ++y) {
        CAPTURE(y);
        const Days holidays = calendar.bankHolidays(y);
        CHECK(holidays.size() == 8);
        for (const year_month_day& d : holidays) {
            const weekday wd{sys_days{d}};
            CHECK(wd != Saturday);
            CHECK(wd != Sunday);
            CHECK(d.year() == year{y});
        }
    }
}
