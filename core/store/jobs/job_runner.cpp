#include "core/store/jobs/job_runner.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <iostream>

#include "core/credentials.h"
#include "core/store/jobs/jobs.h"

namespace ces::store {

std::string instanceIdentity() {
    char host[HOST_NAME_MAX + 1] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    return std::string(host[0] ? host : "localhost") + ":" + std::to_string(getpid()) + ":" +
           randomHex(4);
}

JobRunner::JobRunner(Database& db, std::string owner, JobRunnerSettings settings,
                     std::function<Instant()> clock)
    : db_(db), owner_(std::move(owner)), settings_(settings), clock_(std::move(clock)) {}

JobRunner::~JobRunner() { stop(); }

void JobRunner::add(BackgroundJob job) {
    names_.push_back(job.name);
    jobs_.push_back(std::move(job));
}

void JobRunner::registerJobs() {
    const Instant now = clock_();
    db_.write([&](Connection& c) {
        for (const auto& job : jobs_) {
            const bool daily = job.schedule.kind == JobSchedule::Kind::daily;
            registerJob(c, job.name, job.description, job.schedule,
                        daily ? nextRegularRun(job.schedule, now) : now);
        }
        return 0;
    });
}

const BackgroundJob* JobRunner::find(const std::string& name) const {
    for (const auto& job : jobs_) {
        if (job.name == name) return &job;
    }
    return nullptr;
}

std::optional<JobRun> JobRunner::runOnce() {
    const auto claimed = db_.write(
        [&](Connection& c) { return claimDueJob(c, names_, owner_, clock_(), settings_.lease); });
    if (!claimed) return std::nullopt;
    const BackgroundJob* job = find(claimed->name);
    JobRun run{claimed->name, false, "", false};
    const Instant startedAt = *claimed->lastStartedAt;
    const auto started = std::chrono::steady_clock::now();
    try {
        run.message = job->work();
        run.succeeded = true;
    } catch (const std::exception& e) {
        run.message = e.what();
    }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    JobOutcome outcome;
    outcome.succeeded = run.succeeded;
    outcome.message = run.message;
    outcome.startedAt = startedAt;
    outcome.finishedAt = std::max(clock_(), startedAt);
    outcome.durationMs = took.count();
    outcome.nextRunAt = nextJobRun(job->schedule, startedAt, outcome.finishedAt, run.succeeded,
                                   claimed->attempts, settings_.retry);
    run.recorded =
        db_.write([&](Connection& c) { return finishJob(c, run.name, owner_, outcome); });
    if (!run.succeeded) {
        std::cerr << "ces: job " << run.name << " failed (attempt " << claimed->attempts
                  << "): " << run.message << std::endl;
    }
    return run;
}

void JobRunner::start(std::chrono::milliseconds poll) {
    registerJobs();
    task_.start(poll);
}

void JobRunner::stop() { task_.stop(); }

}  // namespace ces::store
