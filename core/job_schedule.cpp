#include "core/job_schedule.h"

#include <algorithm>

#include "core/errors.h"
#include "core/uk_time.h"

namespace ces {

namespace chr = std::chrono;

namespace {

// A job more often than a minute is a busy loop in disguise; less often than weekly is no
// longer a background job of a daily service.
constexpr chr::seconds kShortestInterval = chr::minutes(1);
constexpr chr::seconds kLongestInterval = chr::days(7);

std::string twoDigits(long value) {
    std::string text = std::to_string(value);
    if (text.size() < 2) text.insert(text.begin(), '0');
    return text;
}

}  // namespace

JobSchedule JobSchedule::interval(chr::seconds every) {
    if (every < kShortestInterval || every > kLongestInterval) {
        throw ValidationError("schedule", "a job runs every 1 minute to 7 days");
    }
    JobSchedule schedule;
    schedule.kind = Kind::interval;
    schedule.every = every;
    return schedule;
}

JobSchedule JobSchedule::daily(std::string_view hoursMinutes) {
    const auto digit = [&](std::size_t i) {
        return hoursMinutes[i] >= '0' && hoursMinutes[i] <= '9';
    };
    if (hoursMinutes.size() != 5 || hoursMinutes[2] != ':' || !digit(0) || !digit(1) || !digit(3) ||
        !digit(4)) {
        throw ValidationError("schedule", "a daily job's time is HH:MM, like 02:30");
    }
    const int hours = (hoursMinutes[0] - '0') * 10 + (hoursMinutes[1] - '0');
    const int minutes = (hoursMinutes[3] - '0') * 10 + (hoursMinutes[4] - '0');
    if (hours > 23 || minutes > 59) {
        throw ValidationError("schedule", "a daily job's time is 00:00 to 23:59");
    }
    JobSchedule schedule;
    schedule.kind = Kind::daily;
    schedule.dailyAt = chr::hours(hours) + chr::minutes(minutes);
    return schedule;
}

std::string describeSchedule(const JobSchedule& schedule) {
    if (schedule.kind == JobSchedule::Kind::daily) {
        const auto minutes = chr::duration_cast<chr::minutes>(schedule.dailyAt).count();
        return "daily at " + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60);
    }
    const auto seconds = schedule.every.count();
    if (seconds % 3600 == 0) return "every " + std::to_string(seconds / 3600) + " h";
    if (seconds % 60 == 0) return "every " + std::to_string(seconds / 60) + " min";
    return "every " + std::to_string(seconds) + " s";
}

Instant nextRegularRun(const JobSchedule& schedule, Instant after) {
    if (schedule.kind == JobSchedule::Kind::interval) return after + schedule.every;
    const UkLocalTime local = toUkLocal(after);
    const Instant today = fromUkLocal(local.date, schedule.dailyAt);
    if (today > after) return today;
    const chr::year_month_day tomorrow{chr::sys_days(local.date) + chr::days(1)};
    return fromUkLocal(tomorrow, schedule.dailyAt);
}

chr::seconds jobRetryDelay(int failuresInARow, const JobRetryPolicy& policy) {
    auto delay = policy.firstRetry;
    for (int i = 1; i < failuresInARow && delay < policy.longestRetry; ++i) delay *= 2;
    return std::min(delay, policy.longestRetry);
}

Instant nextJobRun(const JobSchedule& schedule, Instant startedAt, Instant finishedAt,
                   bool succeeded, int failuresInARow, const JobRetryPolicy& policy) {
    // A run that overran its interval does not queue up the runs it missed: the next regular
    // run is then counted from its end.
    Instant next = nextRegularRun(schedule, startedAt);
    if (next <= finishedAt) next = nextRegularRun(schedule, finishedAt);
    if (succeeded) return next;
    return std::min(next, finishedAt + jobRetryDelay(failuresInARow, policy));
}

}  // namespace ces
