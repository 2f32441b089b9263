#include "core/store/jobs/jobs.h"

#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kColumns =
    "SELECT name, description, schedule_kind, every_seconds, daily_at_seconds, next_run_at, "
    "lease_owner, lease_until, attempts, runs, failures, last_started_at, last_finished_at, "
    "last_duration_ms, last_result, last_message, last_owner, run_requested_at FROM jobs ";
const char* const kInsertJob =
    "INSERT INTO jobs (name, schedule_kind, every_seconds, daily_at_seconds, next_run_at, "
    "description) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING";
const char* const kDescribe = "UPDATE jobs SET description = $1 WHERE name = $2";
const char* const kChangeSchedule =
    "UPDATE jobs SET schedule_kind = $1, every_seconds = $2, daily_at_seconds = $3, "
    "next_run_at = $4 WHERE name = $5";
// Due, and free: never leased, or its lease has run out (the instance holding it died).
const char* const kDueFree = "next_run_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)";
const char* const kLease =
    "UPDATE jobs SET lease_owner = $1, lease_until = $2, attempts = attempts + 1, "
    "last_started_at = $3, run_requested_at = NULL WHERE name = $4";
// Only the lease's holder records the outcome. A "Run now" asked for while it ran comes first.
const char* const kFinish =
    "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, last_started_at = $1, "
    "last_finished_at = $2, last_duration_ms = $3, last_result = $4, last_message = $5, "
    "last_owner = $6, runs = runs + 1, failures = failures + $7, "
    "attempts = CASE WHEN $4 = 'ok' THEN 0 ELSE attempts END, "
    "next_run_at = CASE WHEN run_requested_at IS NULL THEN $8 ELSE run_requested_at END, "
    "run_requested_at = NULL WHERE name = $9 AND lease_owner = $6";
const char* const kRequestRun =
    "UPDATE jobs SET run_requested_at = $1, next_run_at = CASE WHEN next_run_at < $1 THEN "
    "next_run_at ELSE $1 END WHERE name = $2";

constexpr const char* kInterval = "interval";
constexpr const char* kDaily = "daily";

JobSchedule scheduleAt(const Rows& rows, std::size_t i) {
    JobSchedule schedule;
    const std::string kind = rows.text(i, 2);
    if (kind == kInterval) {
        schedule.kind = JobSchedule::Kind::interval;
    } else if (kind == kDaily) {
        schedule.kind = JobSchedule::Kind::daily;
    } else {
        throw UnreadableColumn("a job schedule", kind);
    }
    schedule.every = std::chrono::seconds(rows.integer(i, 3));
    schedule.dailyAt = std::chrono::seconds(rows.integer(i, 4));
    return schedule;
}

std::vector<JobRecord> jobsFrom(const Rows& rows) {
    std::vector<JobRecord> jobs;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        JobRecord job;
        job.name = rows.text(i, 0);
        job.description = rows.text(i, 1);
        job.schedule = scheduleAt(rows, i);
        job.nextRunAt = instantAt(rows, i, 5, "a job's next run");
        job.leaseOwner = rows.optionalText(i, 6);
        job.leaseUntil = optionalInstantAt(rows, i, 7, "a job's lease");
        job.attempts = static_cast<int>(rows.integer(i, 8));
        job.runs = rows.integer(i, 9);
        job.failures = rows.integer(i, 10);
        job.lastStartedAt = optionalInstantAt(rows, i, 11, "a job's start");
        job.lastFinishedAt = optionalInstantAt(rows, i, 12, "a job's finish");
        if (!rows.isNull(i, 13)) job.lastDurationMs = rows.integer(i, 13);
        job.lastResult = rows.optionalText(i, 14);
        job.lastMessage = rows.text(i, 15);
        job.lastOwner = rows.optionalText(i, 16);
        job.runRequestedAt = optionalInstantAt(rows, i, 17, "a job's run request");
        jobs.push_back(std::move(job));
    }
    return jobs;
}

std::vector<SqlValue> scheduleValues(const JobSchedule& schedule) {
    return {std::string(schedule.kind == JobSchedule::Kind::daily ? kDaily : kInterval),
            std::int64_t{schedule.every.count()}, std::int64_t{schedule.dailyAt.count()}};
}

}  // namespace

void registerJob(Connection& c, const std::string& name, const std::string& description,
                 const JobSchedule& schedule, Instant firstRun) {
    auto values = scheduleValues(schedule);
    std::vector<SqlValue> insert = {name};
    insert.insert(insert.end(), values.begin(), values.end());
    insert.emplace_back(formatInstant(firstRun));
    insert.emplace_back(description);
    c.execute(kInsertJob, insert);
    const auto existing = findJob(c, name);
    if (existing && existing->description != description) {
        c.execute(kDescribe, {description, name});
    }
    if (existing && existing->schedule != schedule) {
        values.emplace_back(formatInstant(firstRun));
        values.emplace_back(name);
        c.execute(kChangeSchedule, values);
    }
}

std::optional<JobRecord> claimDueJob(Connection& c, const std::vector<std::string>& names,
                                     const std::string& owner, Instant now,
                                     std::chrono::seconds lease) {
    if (names.empty()) return std::nullopt;
    std::vector<SqlValue> params = {formatInstant(now)};
    std::string among;
    for (const auto& name : names) {
        params.emplace_back(name);
        among += (among.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    std::string sql = std::string(kColumns) + "WHERE " + kDueFree + " AND name IN (" + among +
                      ") ORDER BY next_run_at, name LIMIT 1";
    if (c.dialect() == Dialect::postgresql) sql += " FOR UPDATE SKIP LOCKED";
    auto jobs = jobsFrom(c.query(sql, params));
    if (jobs.empty()) return std::nullopt;
    JobRecord& job = jobs.front();
    const Instant until = now + lease;
    c.execute(kLease, {owner, formatInstant(until), formatInstant(now), job.name});
    job.leaseOwner = owner;
    job.leaseUntil = until;
    ++job.attempts;
    job.lastStartedAt = now;
    job.runRequestedAt.reset();
    return job;
}

bool finishJob(Connection& c, const std::string& name, const std::string& owner,
               const JobOutcome& outcome) {
    return c.executeCounting(kFinish,
                             {formatInstant(outcome.startedAt), formatInstant(outcome.finishedAt),
                              outcome.durationMs, std::string(outcome.succeeded ? "ok" : "failed"),
                              outcome.message, owner, std::int64_t{outcome.succeeded ? 0 : 1},
                              formatInstant(outcome.nextRunAt), name}) == 1;
}

std::vector<JobRecord> listJobs(Connection& c) {
    return jobsFrom(c.query(std::string(kColumns) + "ORDER BY name"));
}

std::optional<JobRecord> findJob(Connection& c, const std::string& name) {
    auto jobs = jobsFrom(c.query(std::string(kColumns) + "WHERE name = $1", {name}));
    if (jobs.empty()) return std::nullopt;
    return std::move(jobs.front());
}

void requestJobRun(Connection& c, const std::string& name, UserId by, Instant now) {
    if (c.executeCounting(kRequestRun, {formatInstant(now), name}) == 0) {
        throw NotFound("no background job is called " + name.substr(0, 60));
    }
    audit(c, by, "job.run_now", "job", name, now);
}

}  // namespace ces::store
