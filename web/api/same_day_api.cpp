// Same-day changes: POST /api/v1/plans/{date}/insert {visit_id | order, confirm?} puts a pending
// visit (or an emergency order's delivery) into the day's routes with vans on the road, and says
// which van, which stop, the resident's window and whose windows moved. A change that pushes a
// resident out of their booked slot answers 409 confirm_needed with the same proposal until the
// planner sends confirm: true.
#include <cmath>

#include "warehouse/same_day_insert.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr windowJson(const warehouse::ClockWindow& window) {
    auto json = jsonObject();
    json->set("from", warehouse::clockTime(window.startSeconds));
    json->set("to", warehouse::clockTime(window.endSeconds));
    return json;
}

Poco::JSON::Object::Ptr insertionJson(const warehouse::SameDayInsertion& insertion) {
    auto json = jsonObject();
    json->set("applied", insertion.applied);
    json->set("visit_id", insertion.visit.value());
    json->set("van", insertion.vanCode);
    json->set("van_id", insertion.van.value());
    json->set("position", insertion.position);
    json->set("fixed_stops", insertion.fixedStops);
    json->set("load_at_depot_first", insertion.loadAtDepotFirst);
    json->set("arrival", warehouse::clockTime(insertion.arrivalSeconds));
    json->set("window", windowJson(insertion.window));
    json->set("added_km", std::lround(static_cast<double>(insertion.addedMetres) / 100.0) / 10.0);
    auto moved = jsonArray();
    for (const auto& visit : insertion.moved) {
        auto m = jsonObject();
        m->set("visit_id", visit.visit.value());
        m->set("resident", visit.residentName);
        m->set("before", windowJson(visit.before));
        m->set("after", windowJson(visit.after));
        m->set("out_of_slot", visit.outOfSlot);
        moved->add(m);
    }
    json->set("moved", moved);
    json->set("slots_broken", insertion.slotsBroken);
    return json;
}

Response insertVisit(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::planner});
    const auto date = parseDate(request.pathParams["date"]);
    if (!date) throw ValidationError("date", "the date must be like 2026-03-02");
    const auto body = JsonFields::parse(request.body);
    body.allowOnly({"visit_id", "order", "confirm"});
    const bool byVisit = body.has("visit_id");
    if (byVisit == body.has("order")) {
        throw ValidationError("visit_id", "give either visit_id or order (an order's reference)");
    }
    const bool confirm = body.optionalBoolean("confirm").value_or(false);
    const VisitId visit = byVisit
                              ? VisitId(body.integer("visit_id"))
                              : warehouse::deliveryVisitOf(app.db, body.text("order"), app.now());
    const auto insertion = timedSolver(*app.metrics, "insert", [&] {
        return warehouse::insertIntoDay(app.db, *date, visit, confirm, actor, app.now(),
                                        app.dispatch);
    });
    if (insertion.applied) return jsonResponse(200, insertionJson(insertion));
    auto answer = insertionJson(insertion);
    auto error = jsonObject();
    error->set("code", "confirm_needed");
    error->set("message", std::to_string(insertion.slotsBroken) +
                              " resident(s) would be pushed out of their booked slot: send "
                              "confirm: true to go ahead");
    error->set("field", "confirm");
    answer->set("error", error);
    return jsonResponse(409, answer);
}

}  // namespace

void addSameDayRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/plans/{date}/insert",
               [&app](Request& r) { return insertVisit(app, r); });
}

}  // namespace ces::web
