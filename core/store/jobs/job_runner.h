#pragma once
// Runs the background jobs of one `ces serve` instance: registers them in the job table, then
// polls for a due one, leases it, runs it and records how it went (design.md "Background jobs").
// Several instances on one PostgreSQL database share the jobs: each due run is taken by one of
// them, and a run whose instance died is taken over once its lease has run out. Every job must
// be idempotent: a run taken over after its instance died may repeat part of what it did.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/job_schedule.h"
#include "core/periodic_task.h"
#include "core/store/infrastructure/database.h"

namespace ces::store {

/// One job: its name (the job table's key), when it runs, and the work, which answers in a few
/// words what it did and throws when it failed.
struct BackgroundJob {
    std::string name;
    JobSchedule schedule;
    std::function<std::string()> work;
    std::string description;  ///< What it is for, for the admin's page.
};

struct JobRunnerSettings {
    /// How long a claimed run is the claimer's alone: longer than any job takes (a horizon
    /// re-plan is 30 s, a county's backup a few seconds), short enough that a dead instance's
    /// job is soon taken over.
    std::chrono::seconds lease{15 * 60};
    JobRetryPolicy retry{};
};

/// "host:pid:random": who holds a lease, unique per running instance.
std::string instanceIdentity();

/// A job that was claimed and run.
struct JobRun {
    std::string name;
    bool succeeded = false;
    std::string message;
    bool recorded = false;  ///< False when the lease ran out meanwhile and another took it over.
};

class JobRunner {
  public:
    JobRunner(Database& db, std::string owner, JobRunnerSettings settings,
              std::function<Instant()> clock);
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    /// Adds a job (before start()).
    void add(BackgroundJob job);
    const std::vector<BackgroundJob>& jobs() const { return jobs_; }
    const std::string& owner() const { return owner_; }

    /// Writes the jobs into the job table: a new job's first run is now for an interval job,
    /// its next time of day for a daily one (so restarting the service does not repeat it).
    void registerJobs();
    /// Claims one due job, runs it and records the outcome; nothing when none is due.
    std::optional<JobRun> runOnce();
    /// Registers the jobs, then a thread that runs due jobs, looking every `poll`, until stop()
    /// (the destructor stops it too).
    void start(std::chrono::milliseconds poll);
    void stop();

  private:
    const BackgroundJob* find(const std::string& name) const;

    Database& db_;
    std::string owner_;
    JobRunnerSettings settings_;
    std::function<Instant()> clock_;
    std::vector<BackgroundJob> jobs_;
    std::vector<std::string> names_;
    // A job run means another may be due too: the next look goes at once.
    PeriodicTask task_{"the job runner", [this] { return runOnce().has_value(); }};
};

}  // namespace ces::store
