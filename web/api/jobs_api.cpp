// The background jobs as the admin sees them: each job's schedule, last run and next run, and
// "run now".
#include "core/store/jobs/jobs.h"
#include "web/api/routes.h"

namespace ces::web {

namespace {

Poco::Dynamic::Var instantOrNull(const std::optional<Instant>& at) {
    return at ? Poco::Dynamic::Var(formatInstant(*at)) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr jobJson(const store::JobRecord& job, Instant now) {
    auto json = jsonObject();
    json->set("name", job.name);
    json->set("description", job.description);
    json->set("schedule", describeSchedule(job.schedule));
    json->set("next_run_at", formatInstant(job.nextRunAt));
    json->set("running", job.runningAt(now));
    json->set("lease_owner", job.runningAt(now) ? orNull(job.leaseOwner) : Poco::Dynamic::Var());
    json->set("lease_until",
              job.runningAt(now) ? instantOrNull(job.leaseUntil) : Poco::Dynamic::Var());
    json->set("attempts", job.attempts);
    json->set("runs", job.runs);
    json->set("failures", job.failures);
    json->set("last_started_at", instantOrNull(job.lastStartedAt));
    json->set("last_finished_at", instantOrNull(job.lastFinishedAt));
    json->set("last_duration_ms", orNull(job.lastDurationMs));
    json->set("last_result", orNull(job.lastResult));
    json->set("last_message", job.lastMessage);
    json->set("last_instance", orNull(job.lastOwner));
    json->set("run_requested_at", instantOrNull(job.runRequestedAt));
    return json;
}

Response listJobs(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    const auto jobs = app.db.read([](store::Connection& c) { return store::listJobs(c); });
    const Instant now = app.now();
    auto list = jsonArray();
    for (const auto& job : jobs) list->add(jobJson(job, now));
    auto answer = jsonObject();
    answer->set("jobs", list);
    return jsonResponse(200, answer);
}

Response runJobNow(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const std::string& name = request.pathParams["name"];
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::requestJobRun(c, name, actor.id, app.now());
        return jsonResponse(202, jobJson(*store::findJob(c, name), app.now()));
    });
}

}  // namespace

void addJobRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/jobs", [&app](Request& r) { return listJobs(app, r); });
    router.add("POST", "/api/v1/jobs/{name}/run", [&app](Request& r) { return runJobNow(app, r); });
}

}  // namespace ces::web
