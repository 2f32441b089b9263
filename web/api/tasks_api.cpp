// "Phone the prescriber" tasks raised when an emergency cannot be met: planners list the open
// ones and mark each done once they have phoned.
#include "core/store/dispatch/prescriber_tasks.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr taskJson(const store::PrescriberTask& t) {
    auto json = jsonObject();
    json->set("id", t.id.value());
    json->set("order_reference", t.orderReference);
    json->set("prescriber_user_id", t.prescriber.value());
    json->set("prescriber", t.prescriberName);
    json->set("team_phone", t.teamPhone);
    json->set("reason", t.reason);
    json->set("status", std::string(t.done ? "done" : "open"));
    json->set("created_at", formatInstant(t.createdAt));
    json->set("done_at", nullableInstant(t.doneAt));
    return json;
}

Response listTasks(App& app, Request& request) {
    requireRole(app, request, {Role::planner, Role::admin});
    const auto page = pageRequest(request);
    const auto tasks =
        app.db.read([&](store::Connection& c) { return store::openPrescriberTasks(c, page); });
    auto list = jsonArray();
    for (const auto& t : tasks.items) list->add(taskJson(t));
    auto answer = jsonObject();
    answer->set("tasks", list);
    setNext(answer, request, tasks.next);
    return jsonResponse(200, answer);
}

Response markDone(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::planner, Role::admin});
    const std::int64_t id = parsePathId(
        request.pathParams["id"], "no task has the id " + request.pathParams["id"].substr(0, 40));
    return app.db.write([&](store::Connection& c) {
        store::markPrescriberTaskDone(c, TaskId(id), actor.id, app.now());
        auto answer = jsonObject();
        answer->set("id", id);
        answer->set("status", "done");
        return jsonResponse(200, answer);
    });
}

}  // namespace

void addTaskRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/tasks", [&app](Request& r) { return listTasks(app, r); });
    router.add("POST", "/api/v1/tasks/{id}/done", [&app](Request& r) { return markDone(app, r); });
}

}  // namespace ces::web
