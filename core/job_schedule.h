#pragma once
// When a background job runs (design.md "Background jobs"): every so often, or once a day at a
// UK clock time; after a failure it is tried again sooner, waiting twice as long after each
// failure in a row, but never later than its next regular run.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/iso_time.h"

namespace ces {

/// How often a job runs: every `every`, or daily at `dailyAt` (seconds after UK midnight).
struct JobSchedule {
    enum class Kind { interval, daily };
    Kind kind = Kind::interval;
    std::chrono::seconds every{0};    ///< interval: 60 s to 7 days.
    std::chrono::seconds dailyAt{0};  ///< daily: 0 to 86399 (UK local time).

    /// Every `every` (ValidationError "schedule" outside 1 minute to 7 days).
    static JobSchedule interval(std::chrono::seconds every);
    /// Daily at the UK clock time "HH:MM" (ValidationError "schedule" otherwise).
    static JobSchedule daily(std::string_view hoursMinutes);
    friend bool operator==(const JobSchedule&, const JobSchedule&) = default;
};

/// "every 10 min", "every 2 h", "daily at 02:30": what the admin's page shows.
std::string describeSchedule(const JobSchedule& schedule);

/// The first regular run after `after`: `after` + every, or the next `dailyAt` UK time strictly
/// after `after` (on a day the clocks change, the UK reading as fromUkLocal takes it).
Instant nextRegularRun(const JobSchedule& schedule, Instant after);

/// How a failing job is tried again.
struct JobRetryPolicy {
    std::chrono::seconds firstRetry{60};      ///< After the first failure; doubled after each...
    std::chrono::seconds longestRetry{3600};  ///< ...up to this.
};

/// The wait after `failuresInARow` (1 or more) failed runs.
std::chrono::seconds jobRetryDelay(int failuresInARow, const JobRetryPolicy& policy);

/// When a job that started at `startedAt` runs next: its next regular run after a success; after
/// a failure the retry delay from `finishedAt`, or the next regular run if that comes first.
Instant nextJobRun(const JobSchedule& schedule, Instant startedAt, Instant finishedAt,
                   bool succeeded, int failuresInARow, const JobRetryPolicy& policy);

}  // namespace ces
