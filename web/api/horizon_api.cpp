// Planning the week: POST /api/v1/plans/optimise {from, days} plans every working day of the
// horizon at once (the planner's "Plan the next N working days").
#include "core/store/dispatch/dispatch.h"
#include "warehouse/horizon.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr horizonJson(const warehouse::HorizonPlan& plan) {
    auto json = jsonObject();
    json->set("run_id", plan.run.value());
    auto days = jsonArray();
    for (const auto& day : plan.days) {
        auto d = jsonObject();
        d->set("date", formatDate(day.date));
        d->set("vans_used", day.vansUsed);
        d->set("visits", day.visits);
        d->set("distance_km", static_cast<double>(day.distanceMetres) / 1000.0);
        d->set("co2_kg", day.co2Kg);
        d->set("kept", day.kept);
        days->add(d);
    }
    json->set("days", days);
    auto late = jsonArray();
    for (const auto& visit : plan.late) {
        auto l = jsonObject();
        l->set("visit_id", visit.visit.value());
        l->set("due_by", formatDate(visit.dueBy));
        l->set("planned_date", formatDate(visit.planned));
        late->add(l);
    }
    json->set("late", late);
    auto leftOut = jsonArray();
    for (const auto& visit : plan.leftOut) {
        auto l = jsonObject();
        l->set("visit_id", visit.visit.value());
        l->set("reason", visit.reason);
        leftOut->add(l);
    }
    json->set("left_out", leftOut);
    json->set("time_ms", plan.timeMs);
    return json;
}

Response optimiseHorizon(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::planner});
    const auto body = JsonFields::parse(request.body);
    body.allowOnly({"from", "days"});
    const auto from = parseDate(body.text("from"));
    if (!from) throw ValidationError("from", "from must be a date like 2026-03-02");
    const auto days = body.integer("days");
    if (days < 1 || days > warehouse::kMostHorizonDays) {
        throw ValidationError(
            "days", "days must be between 1 and " + std::to_string(warehouse::kMostHorizonDays));
    }
    const auto plan = warehouse::optimiseHorizon(app.db, *from, static_cast<int>(days), actor,
                                                 app.now(), app.workingDays(), app.dispatch);
    return jsonResponse(200, horizonJson(plan));
}

}  // namespace

void addHorizonRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/plans/optimise",
               [&app](Request& r) { return optimiseHorizon(app, r); });
}

}  // namespace ces::web
