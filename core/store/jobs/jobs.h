#pragma once
// The job table (migration 033): which background jobs there are, when each runs next, who holds
// it now (a lease) and how its last run went. A claim leases one due job to one instance; only
// the holder of the lease records the outcome, so a job taken over after its instance died is
// recorded once, by the instance that finished it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/iso_time.h"
#include "core/job_schedule.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// A job's row.
struct JobRecord {
    std::string name;
    std::string description;  ///< What it is for, in the admin's words.
    JobSchedule schedule;
    Instant nextRunAt;
    std::optional<std::string> leaseOwner;  ///< The instance running it ("host:pid:random").
    std::optional<Instant> leaseUntil;
    int attempts = 0;  ///< Claims since the last success.
    std::int64_t runs = 0;
    std::int64_t failures = 0;
    std::optional<Instant> lastStartedAt;
    std::optional<Instant> lastFinishedAt;
    std::optional<std::int64_t> lastDurationMs;
    std::optional<std::string> lastResult;  ///< "ok" or "failed".
    std::string lastMessage;                ///< What the run did, or why it failed.
    std::optional<std::string> lastOwner;
    std::optional<Instant> runRequestedAt;  ///< An admin's "Run now" not yet taken up.

    /// Leased to an instance at `now` (its lease not yet run out).
    bool runningAt(Instant now) const { return leaseUntil && *leaseUntil > now; }
};

/// Adds the job if the table does not have it, first running at `firstRun`; a job whose schedule
/// changed takes the new one and runs next at `firstRun`. Several instances starting at once
/// register it once.
void registerJob(Connection& c, const std::string& name, const std::string& description,
                 const JobSchedule& schedule, Instant firstRun);

/// Leases to `owner` until now + lease the job among `names` that has been due longest at `now`
/// and is not leased (or whose lease has run out), counting an attempt; none when nothing is due.
/// On PostgreSQL a row another instance is claiming is skipped (FOR UPDATE SKIP LOCKED). Call in
/// a write transaction.
std::optional<JobRecord> claimDueJob(Connection& c, const std::vector<std::string>& names,
                                     const std::string& owner, Instant now,
                                     std::chrono::seconds lease);

/// How a run ended.
struct JobOutcome {
    bool succeeded = true;
    std::string message;  ///< What it did ("3 visits booked") or why it failed.
    Instant startedAt;
    Instant finishedAt;
    std::int64_t durationMs = 0;
    Instant nextRunAt;  ///< Its next run (an admin's pending "Run now" comes first).
};

/// Records the outcome of `owner`'s run and frees the job: false (nothing written) when `owner`
/// no longer holds the lease (it ran out and another instance took the job over).
bool finishJob(Connection& c, const std::string& name, const std::string& owner,
               const JobOutcome& outcome);

/// Every job, by name.
std::vector<JobRecord> listJobs(Connection& c);
std::optional<JobRecord> findJob(Connection& c, const std::string& name);

/// The admin's "Run now": the job is due at once (or as soon as its run in hand ends), audited
/// as `job.run_now`. NotFound for an unknown job.
void requestJobRun(Connection& c, const std::string& name, UserId by, Instant now);

}  // namespace ces::store
