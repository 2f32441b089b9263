#include "core/due_dates.h"

#include <doctest/doctest.h>

#include <optional>

#include "core/calendar.h"

using namespace std::chrono;
using ces::dueBy;
using ces::Speed;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0, int s = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

/// The same reading in BST (summer) expressed in UTC.
sys_seconds bst(int y, unsigned m, unsigned d, int h, int min = 0) {
    return utc(y, m, d, h, min) - hours{1};
}

}  // namespace

TEST_CASE("parseSpeed accepts exactly the four API names and toString gives them back") {
    CHECK(ces::parseSpeed("emergency") == std::optional{Speed::emergency});
    CHECK(ces::parseSpeed("next_day") == std::optional{Speed::next_day});
    CHECK(ces::parseSpeed("3_day") == std::optional{Speed::three_day});
    CHECK(ces::parseSpeed("5_day") == std::optional{Speed::five_day});
    for (const char* bad : {"", "Emergency", "three_day", "five_day", " 3_day", "3_day ", "3day",
                            "next-day", "1_day"}) {
        CAPTURE(bad);
        CHECK_FALSE(ces::parseSpeed(bad).has_value());
    }
    for (Speed speed : ces::allSpeeds)
        CHECK(ces::parseSpeed(ces::toString(speed)) == std::optional{speed});
    CHECK(ces::toString(Speed::three_day) == "3_day");
}

TEST_CASE("emergency approved by 14:00 on a working day is due within four hours") {
    const ces::WorkingDayCalendar calendar;
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 10), calendar) == utc(2026, 3, 2, 14));
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 14), calendar) == utc(2026, 3, 2, 18));
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 7, 15), calendar) == utc(2026, 3, 2, 11, 15));
    // In BST the cut-off is 14:00 local: 13:59 BST is in time.
    CHECK(dueBy(Speed::emergency, bst(2026, 6, 1, 13, 59), calendar) == bst(2026, 6, 1, 17, 59));
    // Sunday 23:30 UTC is already Monday 00:30 in the UK, a working day.
    CHECK(dueBy(Speed::emergency, utc(2026, 5, 31, 23, 30), calendar) == utc(2026, 6, 1, 3, 30));
}

TEST_CASE("emergency approved after 14:00 or on a non-working day is due 12:00 next working day") {
    const ces::WorkingDayCalendar calendar;
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 14, 0, 1), calendar) == utc(2026, 3, 3, 12));
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 6, 15), calendar) == utc(2026, 3, 9, 12));  // Fri
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 7, 9), calendar) == utc(2026, 3, 9, 12));   // Sat
    // 13:30 UTC is 14:30 BST: after the cut-off.
    CHECK(dueBy(Speed::emergency, utc(2026, 6, 1, 13, 30), calendar) == bst(2026, 6, 2, 12));
    // Easter 2026: Thursday afternoon and Good Friday both roll to Tuesday 7 April.
    CHECK(dueBy(Speed::emergency, bst(2026, 4, 2, 16), calendar) == bst(2026, 4, 7, 12));
    CHECK(dueBy(Speed::emergency, bst(2026, 4, 3, 10), calendar) == bst(2026, 4, 7, 12));
    // Christmas 2026: Friday 25 and the substitute Monday 28 December are holidays.
    CHECK(dueBy(Speed::emergency, utc(2026, 12, 24, 15), calendar) == utc(2026, 12, 29, 12));
    CHECK(dueBy(Speed::emergency, utc(2026, 12, 28, 9), calendar) == utc(2026, 12, 29, 12));
    // A configured extra holiday counts too.
    const ces::WorkingDayCalendar withClosure{{year{2026} / 3 / 3}};
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 15), withClosure) == utc(2026, 3, 4, 12));
}

TEST_CASE("emergency across the BST changes") {
    const ces::WorkingDayCalendar calendar;
    // Approved Saturday before clocks go forward: due Monday 12:00 BST.
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 28, 11), calendar) == bst(2026, 3, 30, 12));
    // Approved on the Sunday the clocks go back: due Monday 12:00 GMT.
    CHECK(dueBy(Speed::emergency, utc(2026, 10, 25, 9), calendar) == utc(2026, 10, 26, 12));
}

TEST_CASE("next_day is due at 17:00 local on the next working day") {
    const ces::WorkingDayCalendar calendar;
    CHECK(dueBy(Speed::next_day, utc(2026, 3, 2, 9), calendar) == utc(2026, 3, 3, 17));
    CHECK(dueBy(Speed::next_day, utc(2026, 3, 2, 23), calendar) == utc(2026, 3, 3, 17));
    CHECK(dueBy(Speed::next_day, utc(2026, 3, 6, 16), calendar) == utc(2026, 3, 9, 17));  // Fri
    CHECK(dueBy(Speed::next_day, utc(2026, 3, 7, 9), calendar) == utc(2026, 3, 9, 17));   // Sat
    CHECK(dueBy(Speed::next_day, utc(2026, 12, 24, 9), calendar) == utc(2026, 12, 29, 17));
    CHECK(dueBy(Speed::next_day, bst(2026, 4, 2, 9), calendar) == bst(2026, 4, 7, 17));
    // Friday in GMT, due Monday in BST.
    CHECK(dueBy(Speed::next_day, utc(2026, 3, 27, 10), calendar) == bst(2026, 3, 30, 17));
    // 23:30 UTC on Monday 1 June is Tuesday locally, so the next working day is Wednesday.
    CHECK(dueBy(Speed::next_day, utc(2026, 6, 1, 23, 30), calendar) == bst(2026, 6, 3, 17));
}

TEST_CASE("3_day and 5_day are due at 17:00 local on the 3rd and 5th working day after") {
    const ces::WorkingDayCalendar calendar;
    CHECK(dueBy(Speed::three_day, utc(2026, 3, 2, 9), calendar) == utc(2026, 3, 5, 17));
    CHECK(dueBy(Speed::five_day, utc(2026, 3, 2, 9), calendar) == utc(2026, 3, 9, 17));
    CHECK(dueBy(Speed::three_day, utc(2026, 3, 5, 16), calendar) == utc(2026, 3, 10, 17));
    // Easter 2026: Wednesday 1 April -> Thu 2, Tue 7, Wed 8 (BST).
    CHECK(dueBy(Speed::three_day, bst(2026, 4, 1, 11), calendar) == bst(2026, 4, 8, 17));
    CHECK(dueBy(Speed::five_day, bst(2026, 4, 1, 11), calendar) == bst(2026, 4, 10, 17));
    // Christmas 2026: Wed 23 Dec -> 24, 29, 30 | 31, Mon 4 Jan 2027 (1 Jan is a holiday).
    CHECK(dueBy(Speed::three_day, utc(2026, 12, 23, 10), calendar) == utc(2026, 12, 30, 17));
    CHECK(dueBy(Speed::five_day, utc(2026, 12, 23, 10), calendar) == utc(2027, 1, 4, 17));
    // Christmas 2027: both Monday 27 and Tuesday 28 are substitute days.
    CHECK(dueBy(Speed::three_day, utc(2027, 12, 24, 10), calendar) == utc(2027, 12, 31, 17));
    // Approved in BST, due after the clocks go back: 17:00 GMT.
    CHECK(dueBy(Speed::five_day, bst(2026, 10, 23, 12), calendar) == utc(2026, 10, 30, 17));
    CHECK(dueBy(Speed::three_day, bst(2026, 10, 23, 12), calendar) == utc(2026, 10, 28, 17));
}

TEST_CASE("an emergency's cut-off, window and next-day time come from its policy") {
    const ces::WorkingDayCalendar calendar;
    ces::EmergencyPolicy policy;
    policy.cutOff = std::chrono::hours(12);
    policy.window = std::chrono::hours(3);
    policy.lateDueAt = std::chrono::hours(10);
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 11), calendar, policy) == utc(2026, 3, 2, 14));
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 12, 1), calendar, policy) == utc(2026, 3, 3, 10));
    CHECK(dueBy(Speed::emergency, utc(2026, 3, 2, 12, 1), calendar) == utc(2026, 3, 2, 16, 1));
}
