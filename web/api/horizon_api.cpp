// Planning the week: POST /api/v1/plans/optimise {from, days} plans every working day of the
// horizon at once (the planner's "Plan the next N working days"); GET /api/v1/plans/capacity
// says what the vans can do and how many more would meet every due date.
#include <cmath>

#include "core/store/dispatch/dispatch.h"
#include "warehouse/capacity.h"
#include "warehouse/horizon.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"

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
        l->set("reason", visit.reason);
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
    const auto plan = timedSolver(*app.metrics, "horizon", [&] {
        return warehouse::optimiseHorizon(app.db, *from, static_cast<int>(days), actor, app.now(),
                                          app.workingDays(), app.dispatch);
    });
    return jsonResponse(200, horizonJson(plan));
}

double hours(double value) { return static_cast<double>(std::lround(value * 10)) / 10; }

Poco::JSON::Object::Ptr capacityJson(const warehouse::CapacityView& view) {
    auto json = jsonObject();
    auto days = jsonArray();
    for (const auto& day : view.days) {
        auto d = jsonObject();
        d->set("date", formatDate(day.date));
        d->set("visits_due", day.visitsDue);
        d->set("visits_planned", day.visitsPlanned);
        d->set("van_hours_needed", hours(day.vanHoursNeeded));
        d->set("vans_available", day.vansAvailable);
        d->set("van_hours_available", hours(day.vanHoursAvailable));
        days->add(d);
    }
    json->set("days", days);
    auto extra = jsonArray();
    for (const auto& vans : view.extraVans) {
        auto e = jsonObject();
        e->set("date", formatDate(vans.date));
        e->set("depot", vans.depotCode);
        e->set("two_person", vans.twoPerson);
        e->set("lifting_engineer", vans.liftingEngineer);
        e->set("count", vans.count);
        extra->add(e);
    }
    json->set("extra_vans", extra);
    auto unmet = jsonArray();
    for (const auto& visit : view.unmet) {
        auto u = jsonObject();
        u->set("visit_id", visit.visit.value());
        u->set("reason", visit.reason);
        unmet->add(u);
    }
    json->set("unmet", unmet);
    json->set("advice", view.advice);
    return json;
}

Response capacity(App& app, Request& request) {
    requireRole(app, request, {Role::planner});
    const auto from = parseDate(request.queryValue("from").substr(0, 20));
    if (!from) throw ValidationError("from", "from must be a date like 2026-03-02");
    const std::string daysText = request.queryValue("days");
    const auto days =
        daysText.empty() ? std::optional<std::int64_t>(5) : plainDecimal(daysText.substr(0, 3));
    if (!days || *days < 1 || *days > warehouse::kMostHorizonDays) {
        throw ValidationError(
            "days", "days must be between 1 and " + std::to_string(warehouse::kMostHorizonDays));
    }
    const auto view = timedSolver(*app.metrics, "capacity", [&] {
        return warehouse::capacityOf(app.db, *from, static_cast<int>(*days), app.now(),
                                     app.workingDays(), app.dispatch);
    });
    return jsonResponse(200, capacityJson(view));
}

}  // namespace

void addHorizonRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/plans/capacity", [&app](Request& r) { return capacity(app, r); });
    router.add("POST", "/api/v1/plans/optimise",
               [&app](Request& r) { return optimiseHorizon(app, r); });
}

}  // namespace ces::web
