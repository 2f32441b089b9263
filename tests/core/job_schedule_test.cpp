#include "core/job_schedule.h"

#include <doctest/doctest.h>

#include "core/errors.h"

using namespace std::chrono;
using ces::JobRetryPolicy;
using ces::JobSchedule;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0, int s = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

}  // namespace

TEST_CASE("a schedule is every 1 minute to 7 days, or daily at a valid HH:MM") {
    CHECK(JobSchedule::interval(minutes(10)).every == minutes(10));
    CHECK_THROWS_AS(JobSchedule::interval(seconds(59)), ces::ValidationError);
    CHECK_THROWS_AS(JobSchedule::interval(days(8)), ces::ValidationError);
    CHECK(JobSchedule::daily("02:30").dailyAt == hours(2) + minutes(30));
    for (const char* bad : {"2:30", "24:00", "12:60", "ab:cd", "02-30", "", "02:300"}) {
        INFO(bad);
        try {
            JobSchedule::daily(bad);
            FAIL("accepted");
        } catch (const ces::ValidationError& e) {
            CHECK(e.field() == "schedule");
        }
    }
    CHECK(describeSchedule(JobSchedule::interval(minutes(10))) == "every 10 min");
    CHECK(describeSchedule(JobSchedule::interval(hours(2))) == "every 2 h");
    CHECK(describeSchedule(JobSchedule::interval(seconds(90))) == "every 90 s");
    CHECK(describeSchedule(JobSchedule::daily("02:05")) == "daily at 02:05");
}

TEST_CASE("a daily job runs next at its UK clock time, in GMT and in BST") {
    const auto nightly = JobSchedule::daily("02:00");
    // Winter: 02:00 UK is 02:00 UTC.
    CHECK(nextRegularRun(nightly, utc(2026, 12, 6, 1, 59)) == utc(2026, 12, 6, 2));
    CHECK(nextRegularRun(nightly, utc(2026, 12, 6, 2)) == utc(2026, 12, 7, 2));  // strictly after
    CHECK(nextRegularRun(nightly, utc(2026, 12, 6, 15)) == utc(2026, 12, 7, 2));
    // Summer: 02:00 BST is 01:00 UTC.
    CHECK(nextRegularRun(nightly, utc(2026, 6, 10, 0, 30)) == utc(2026, 6, 10, 1));
    CHECK(nextRegularRun(nightly, utc(2026, 6, 10, 1, 30)) == utc(2026, 6, 11, 1));
    // 23:30 UTC on 9 June is 00:30 BST on the 10th: that day's 02:00 BST comes next.
    CHECK(nextRegularRun(nightly, utc(2026, 6, 9, 23, 30)) == utc(2026, 6, 10, 1));
    // Across the change to BST (29 March 2026): the 29th's 02:00 is BST.
    CHECK(nextRegularRun(nightly, utc(2026, 3, 28, 3)) == utc(2026, 3, 29, 1));
}

TEST_CASE("an interval job runs its interval after it started, or after it ended if it overran") {
    const auto tenMinutes = JobSchedule::interval(minutes(10));
    const JobRetryPolicy retry;
    const auto start = utc(2026, 12, 6, 9);
    CHECK(nextJobRun(tenMinutes, start, start + seconds(3), true, 1, retry) == start + minutes(10));
    // A run of 12 minutes does not leave a missed run to catch up at once.
    CHECK(nextJobRun(tenMinutes, start, start + minutes(12), true, 1, retry) ==
          start + minutes(22));
    // A daily job run by hand at 14:00 still runs at its time the next night.
    CHECK(nextJobRun(JobSchedule::daily("02:00"), utc(2026, 12, 6, 14), utc(2026, 12, 6, 14, 1),
                     true, 1, retry) == utc(2026, 12, 7, 2));
}

TEST_CASE(
    "a failing job is retried after 1, 2, 4 ... minutes up to an hour, never past its next "
    "regular run") {
    const JobRetryPolicy retry;  // 60 s doubling to 3600 s
    CHECK(ces::jobRetryDelay(1, retry) == seconds(60));
    CHECK(ces::jobRetryDelay(2, retry) == seconds(120));
    CHECK(ces::jobRetryDelay(3, retry) == seconds(240));
    CHECK(ces::jobRetryDelay(6, retry) == seconds(1920));
    CHECK(ces::jobRetryDelay(7, retry) == seconds(3600));
    CHECK(ces::jobRetryDelay(100, retry) == seconds(3600));

    const auto nightly = JobSchedule::daily("02:00");
    const auto start = utc(2026, 12, 6, 2);
    const auto end = start + seconds(5);
    CHECK(nextJobRun(nightly, start, end, false, 1, retry) == end + minutes(1));
    CHECK(nextJobRun(nightly, start, end, false, 3, retry) == end + minutes(4));
    CHECK(nextJobRun(nightly, start, end, false, 30, retry) == end + hours(1));
    // Every 10 minutes: a retry after an hour would skip runs; the regular run comes first.
    const auto tenMinutes = JobSchedule::interval(minutes(10));
    CHECK(nextJobRun(tenMinutes, start, end, false, 30, retry) == start + minutes(10));
    CHECK(nextJobRun(tenMinutes, start, end, false, 1, retry) == end + minutes(1));
}
