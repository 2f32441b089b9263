// The admin's view of the background jobs: what each does, when it ran, how long it took, how it
// went, when it runs next, and "Run now".
#include <algorithm>

#include "core/store/jobs/jobs.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

// Instances look for due jobs every few seconds and run them one after another: a job due for a
// quarter of an hour (a lease) has no instance that runs it.
constexpr std::chrono::minutes kStranded{15};

std::string durationWords(std::int64_t ms) {
    if (ms < 1000) return std::to_string(ms) + " ms";
    if (ms < 120'000) return std::to_string((ms + 500) / 1000) + " s";
    return std::to_string((ms + 30'000) / 60'000) + " min";
}

mustache::data jobRow(const store::JobRecord& job, Instant now) {
    mustache::data row;
    row.set("name", job.name);
    row.set("description", job.description);
    row.set("schedule", describeSchedule(job.schedule));
    const bool running = job.runningAt(now);
    row.set("running", running);
    row.set("leaseOwner", job.leaseOwner.value_or(""));
    row.set("lastRun", job.lastFinishedAt ? ukDateTime(*job.lastFinishedAt) : "Not yet");
    row.set("lastRunAt", job.lastFinishedAt ? formatInstant(*job.lastFinishedAt) : "");
    row.set("hasRun", job.lastFinishedAt.has_value());
    row.set("duration", job.lastDurationMs ? durationWords(*job.lastDurationMs) : "");
    row.set("failed", job.lastResult == std::optional<std::string>("failed"));
    row.set("succeeded", job.lastResult == std::optional<std::string>("ok"));
    row.set("message", job.lastMessage);
    row.set("attempts", std::to_string(job.attempts));
    row.set("counts", std::to_string(job.runs) + (job.runs == 1 ? " run, " : " runs, ") +
                          std::to_string(job.failures) + " failed");
    // A job no running instance takes (started without the option it needs, say) stays due.
    const bool stranded = !running && job.nextRunAt + kStranded < now;
    row.set("stranded", stranded);
    row.set("nextRun", job.runRequestedAt     ? "As soon as an instance is free (run now asked for)"
                       : stranded             ? "Overdue since " + ukDateTime(job.nextRunAt)
                       : job.nextRunAt <= now ? "Now"
                                              : ukDateTime(job.nextRunAt));
    row.set("nextRunAt", formatInstant(job.nextRunAt));
    return row;
}

Response jobsPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const auto jobs = site.app.db.read([](store::Connection& c) { return store::listJobs(c); });
    const Instant now = site.app.now();
    PageView view;
    view.title = "Background jobs";
    view.templateName = "admin_jobs";
    view.section = "jobs";
    mustache::data rows(mustache::data::type::list);
    for (const auto& job : jobs) rows.push_back(jobRow(job, now));
    view.data.set("jobs", rows);
    view.data.set("none", jobs.empty());
    const bool backups = std::any_of(
        jobs.begin(), jobs.end(), [](const store::JobRecord& job) { return job.name == "backup"; });
    view.data.set("noBackups", !backups);
    const std::string asked = request.queryValue("ran");
    for (const auto& job : jobs) {
        if (job.name == asked) view.data.set("banner", job.name + " will run within seconds.");
    }
    return site.render(request, actor, std::move(view));
}

Response runJobNow(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const std::string name = request.pathParams["name"];
    site.app.db.write([&](store::Connection& c) {
        store::requestJobRun(c, name, actor.id, site.app.now());
        return 0;
    });
    return Site::redirect("/admin/jobs?ran=" + name);
}

}  // namespace

void addJobPages(Router& router, Site& site) {
    site.get(router, "/admin/jobs", [&site](Request& r) { return jobsPage(site, r); });
    site.post(router, "/admin/jobs/{name}/run",
              [&site](Request& r, const FormFields&) { return runJobNow(site, r); });
}

}  // namespace ces::web
