#include "core/uk_time.h"

#include <doctest/doctest.h>

using namespace std::chrono;
using ces::fromUkLocal;
using ces::toUkLocal;

namespace {

year_month_day ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0, int s = 0) {
    return sys_days{ymd(y, m, d)} + hours{h} + minutes{min} + seconds{s};
}

seconds clock(int h, int min = 0, int s = 0) { return hours{h} + minutes{min} + seconds{s}; }

}  // namespace

TEST_CASE("BST starts and ends at 01:00 UTC on the last Sundays of March and October") {
    CHECK(ces::britishSummerTimeStart(year{2024}) == utc(2024, 3, 31, 1));
    CHECK(ces::britishSummerTimeEnd(year{2024}) == utc(2024, 10, 27, 1));
    CHECK(ces::britishSummerTimeStart(year{2025}) == utc(2025, 3, 30, 1));
    CHECK(ces::britishSummerTimeEnd(year{2025}) == utc(2025, 10, 26, 1));
    CHECK(ces::britishSummerTimeStart(year{2026}) == utc(2026, 3, 29, 1));
    CHECK(ces::britishSummerTimeEnd(year{2026}) == utc(2026, 10, 25, 1));
}

TEST_CASE("toUkLocal in winter and summer") {
    const ces::UkLocalTime winter = toUkLocal(utc(2026, 1, 15, 9, 30));
    CHECK(winter.date == ymd(2026, 1, 15));
    CHECK(winter.timeOfDay == clock(9, 30));
    CHECK_FALSE(winter.summerTime);

    const ces::UkLocalTime summer = toUkLocal(utc(2026, 7, 15, 9, 30));
    CHECK(summer.date == ymd(2026, 7, 15));
    CHECK(summer.timeOfDay == clock(10, 30));
    CHECK(summer.summerTime);

    // 23:30 UTC on a summer evening is already the next day in the UK.
    const ces::UkLocalTime lateEvening = toUkLocal(utc(2026, 5, 31, 23, 30));
    CHECK(lateEvening.date == ymd(2026, 6, 1));
    CHECK(lateEvening.timeOfDay == clock(0, 30));
}

TEST_CASE("toUkLocal around the start of BST (clocks go forward 01:00 -> 02:00)") {
    const ces::UkLocalTime before = toUkLocal(utc(2026, 3, 29, 0, 59, 59));
    CHECK(before.date == ymd(2026, 3, 29));
    CHECK(before.timeOfDay == clock(0, 59, 59));
    CHECK_FALSE(before.summerTime);

    const ces::UkLocalTime at = toUkLocal(utc(2026, 3, 29, 1));
    CHECK(at.timeOfDay == clock(2));
    CHECK(at.summerTime);
}

TEST_CASE("toUkLocal around the end of BST (clocks go back 02:00 -> 01:00)") {
    const ces::UkLocalTime before = toUkLocal(utc(2026, 10, 25, 0, 59, 59));
    CHECK(before.date == ymd(2026, 10, 25));
    CHECK(before.timeOfDay == clock(1, 59, 59));
    CHECK(before.summerTime);

    const ces::UkLocalTime at = toUkLocal(utc(2026, 10, 25, 1));
    CHECK(at.timeOfDay == clock(1));
    CHECK_FALSE(at.summerTime);

    CHECK(toUkLocal(utc(2026, 10, 24, 23, 30)).date == ymd(2026, 10, 25));
}

TEST_CASE("fromUkLocal inverts toUkLocal away from the changes") {
    CHECK(fromUkLocal(ymd(2026, 1, 15), clock(9, 30)) == utc(2026, 1, 15, 9, 30));
    CHECK(fromUkLocal(ymd(2026, 7, 15), clock(10, 30)) == utc(2026, 7, 15, 9, 30));
    CHECK(fromUkLocal(ymd(2026, 6, 1), clock(0, 30)) == utc(2026, 5, 31, 23, 30));
    CHECK(fromUkLocal(ymd(2026, 3, 29), clock(0, 59, 59)) == utc(2026, 3, 29, 0, 59, 59));
    CHECK(fromUkLocal(ymd(2026, 3, 29), clock(2)) == utc(2026, 3, 29, 1));
    CHECK(fromUkLocal(ymd(2026, 10, 25), clock(2)) == utc(2026, 10, 25, 2));
    CHECK(fromUkLocal(ymd(2026, 10, 25), clock(0, 59)) == utc(2026, 10, 24, 23, 59));

    // Every hour of the weeks around both changes round-trips through local time.
    for (sys_seconds t = utc(2026, 3, 25, 0); t < utc(2026, 4, 2, 0); t += minutes{30}) {
        const ces::UkLocalTime local = toUkLocal(t);
        CHECK(fromUkLocal(local.date, local.timeOfDay) == t);
    }
    for (sys_seconds t = utc(2026, 10, 21, 0); t < utc(2026, 10, 29, 0); t += minutes{30}) {
        const ces::UkLocalTime local = toUkLocal(t);
        if (local.date == ymd(2026, 10, 25) && local.timeOfDay >= clock(1) &&
            local.timeOfDay < clock(2) && !local.summerTime) {
            continue;  // second occurrence of the repeated hour: resolves to the first
        }
        CHECK(fromUkLocal(local.date, local.timeOfDay) == t);
    }
}

TEST_CASE("fromUkLocal in the skipped hour reads the time as GMT (an hour later in BST)") {
    const sys_seconds skipped = fromUkLocal(ymd(2026, 3, 29), clock(1, 30));
    CHECK(skipped == utc(2026, 3, 29, 1, 30));
    CHECK(toUkLocal(skipped).timeOfDay == clock(2, 30));
    CHECK(fromUkLocal(ymd(2026, 3, 29), clock(1)) == utc(2026, 3, 29, 1));
}

TEST_CASE("fromUkLocal in the repeated hour chooses the first (BST) occurrence") {
    CHECK(fromUkLocal(ymd(2026, 10, 25), clock(1, 30)) == utc(2026, 10, 25, 0, 30));
    CHECK(fromUkLocal(ymd(2026, 10, 25), clock(1)) == utc(2026, 10, 25, 0));
    CHECK(fromUkLocal(ymd(2026, 10, 25), clock(1, 59, 59)) == utc(2026, 10, 25, 0, 59, 59));
}

TEST_CASE("ukUtcOffset") {
    CHECK(ces::ukUtcOffset(utc(2026, 12, 31, 23, 59)) == seconds{0});
    CHECK(ces::ukUtcOffset(utc(2026, 6, 21, 12)) == hours{1});
    CHECK(ces::ukUtcOffset(utc(2026, 10, 25, 0, 59, 59)) == hours{1});
    CHECK(ces::ukUtcOffset(utc(2026, 10, 25, 1)) == seconds{0});
}
