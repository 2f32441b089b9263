#include <kainjow/mustache.hpp>

#include "core/store/dispatch/dispatch.h"
#include "warehouse/dispatch.h"
#include "warehouse/pick_list.h"
#include "warehouse/van_sign_on.h"
#include "web/api/pick_list_view.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

std::chrono::year_month_day dateParam(const std::string& text) {
    const auto date = parseDate(text);
    if (!date) throw ValidationError("date", "the date must be like 2026-03-02");
    return *date;
}

Poco::JSON::Object::Ptr visitJson(const store::VisitJob& v) {
    auto json = jsonObject();
    json->set("visit_id", v.id.value());
    json->set("kind", std::string(toString(v.kind)));
    json->set("status", std::string(toString(v.status)));
    json->set("order_reference", orNull(v.orderReference));
    json->set("barcode", orNull(v.barcode));
    json->set("resident_id", v.resident.value());
    json->set("resident_name", v.residentName);
    json->set("address", v.address);
    json->set("postcode", v.postcode);
    json->set("access_notes", v.accessNotes);
    json->set("due_date", formatDate(v.dueDate));
    if (v.slotStartSeconds && v.slotEndSeconds) {
        auto slot = jsonObject();
        slot->set("start", warehouse::clockTime(*v.slotStartSeconds));
        slot->set("end", warehouse::clockTime(*v.slotEndSeconds));
        json->set("slot", slot);
    } else {
        json->set("slot", Poco::Dynamic::Var());
    }
    json->set("two_person", (warehouse::skillsFor(v) & routing::kTwoPersonCrew) != 0);
    json->set("lifting_engineer", (warehouse::skillsFor(v) & routing::kLiftingEngineer) != 0);
    auto items = jsonArray();
    for (const auto& i : v.items) {
        auto item = jsonObject();
        item->set("item_code", i.itemCode);
        item->set("name", i.name);
        item->set("quantity", i.quantity);
        item->set("needs_fitting", i.needsFitting);
        auto barcodes = jsonArray();
        for (const auto& b : i.barcodes) barcodes->add(b);
        item->set("barcodes", barcodes);
        items->add(item);
    }
    json->set("items", items);
    return json;
}

Poco::JSON::Object::Ptr planJson(const store::StoredPlan& plan) {
    auto json = jsonObject();
    json->set("date", formatDate(plan.header.date));
    json->set("optimised_at", formatInstant(plan.header.optimisedAt));
    json->set("travel_times", plan.header.travelSource);
    json->set("vans_used", plan.header.vansUsed);
    json->set("distance_km", static_cast<double>(plan.header.distanceMetres) / 1000.0);
    double co2 = 0;
    auto routes = jsonArray();
    for (const auto& r : plan.routes) {
        auto route = jsonObject();
        route->set("van", r.van.code);
        route->set("depot", r.van.depotCode);
        route->set("crew", r.van.crewName);
        route->set("crew_size", r.van.people);
        route->set("lifting_engineer", r.van.liftingEngineer);
        route->set("start", warehouse::clockTime(r.route.startSeconds));
        route->set("end", warehouse::clockTime(r.route.endSeconds));
        route->set("distance_km", static_cast<double>(r.route.distanceMetres) / 1000.0);
        const double kg = warehouse::co2Kilograms(r.route.distanceMetres, r.van.co2GramsPerKm);
        co2 += kg;
        route->set("co2_kg", kg);
        auto stops = jsonArray();
        for (std::size_t s = 0; s < r.visits.size() && s < r.route.stops.size(); ++s) {
            auto stop = visitJson(r.visits[s]);
            stop->set("sequence", static_cast<std::int64_t>(s + 1));
            stop->set("arrival", warehouse::clockTime(r.route.stops[s].arrivalSeconds));
            stop->set("start", warehouse::clockTime(r.route.stops[s].startSeconds));
            stop->set("departure", warehouse::clockTime(r.route.stops[s].departureSeconds));
            stops->add(stop);
        }
        route->set("stops", stops);
        routes->add(route);
    }
    json->set("co2_kg", co2);
    json->set("routes", routes);
    auto unplaced = jsonArray();
    for (const auto& [visit, reason] : plan.unplaced) {
        auto u = visitJson(visit);
        u->set("reason", reason);
        unplaced->add(u);
    }
    json->set("unassigned", unplaced);
    return json;
}

Response optimise(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::planner});
    const auto date = dateParam(request.pathParams["date"]);
    const auto plan = timedSolver(*app.metrics, "day", [&] {
        return warehouse::optimiseDay(app.db, date, actor, app.now(), app.workingDays(),
                                      app.dispatch);
    });
    return jsonResponse(200, planJson(plan));
}

store::StoredPlan loadPlanOrThrow(App& app, std::chrono::year_month_day date) {
    auto plan = app.db.read([&](store::Connection& c) { return store::loadPlan(c, date); });
    if (!plan) throw NotFound("no plan for " + formatDate(date) + " yet: optimise it first");
    return *plan;
}

Response readPlan(App& app, Request& request) {
    requireRole(app, request, {Role::planner, Role::driver, Role::warehouse});
    return jsonResponse(200, planJson(loadPlanOrThrow(app, dateParam(request.pathParams["date"]))));
}

const char* const kPickListPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pick list {{van}} {{date}}</title>
<style>
body { font-family: Arial, sans-serif; margin: 2em; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b1b4b6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
.flag { font-weight: bold; }
@media print { body { margin: 0; } a { display: none; } }
</style>
</head>
<body>
<h1>Pick list: van {{van}}, {{date}}</h1>
<p>Depot {{depot}}; crew {{crew}}. Load in <strong>load order</strong> (the last stop first);
the list reads in stop order.</p>
<table>
<caption>Items to load</caption>
<thead><tr><th scope="col">Stop</th><th scope="col">Load order</th><th scope="col">Arrival</th>
<th scope="col">Order</th><th scope="col">Resident</th><th scope="col">Postcode</th>
<th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Barcodes</th>
<th scope="col">Two-person</th><th scope="col">Fitting</th></tr></thead>
<tbody>
{{#lines}}<tr><td>{{stop}}</td><td>{{load_order}}</td><td>{{arrival}}</td><td>{{order}}</td>
<td>{{resident}}</td><td>{{postcode}}</td><td>{{item_code}} {{item_name}}</td><td>{{quantity}}</td>
<td>{{barcodes}}</td><td class="flag">{{#two_person}}Yes{{/two_person}}</td>
<td class="flag">{{#fitting}}Yes{{/fitting}}</td></tr>
{{/lines}}{{^lines}}<tr><td colspan="11">Nothing to load: this route has no deliveries.</td></tr>{{/lines}}
</tbody>
</table>
</body>
</html>
)";

std::string pickListHtml(const warehouse::PickList& list) {
    using kainjow::mustache::data;
    data page;
    page.set("van", list.vanCode);
    page.set("date", formatDate(list.date));
    page.set("depot", list.depotCode);
    page.set("crew", list.crewName);
    data lines{data::type::list};
    for (const auto& l : list.lines) lines.push_back(pickLineData(l));
    page.set("lines", lines);
    kainjow::mustache::mustache tmpl{std::string(kPickListPage)};
    return tmpl.render(page);
}

Response pickList(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner, Role::driver});
    std::string dateText = request.pathParams["date"];
    std::string format = "json";
    for (const char* suffix : {".csv", ".html"}) {
        if (dateText.ends_with(suffix)) {
            format = suffix + 1;
            dateText.resize(dateText.size() - std::strlen(suffix));
        }
    }
    const std::string van = request.queryValue("van");
    if (van.empty()) throw ValidationError("van", "say which van (?van=CODE)");
    const auto list = warehouse::pickListFor(loadPlanOrThrow(app, dateParam(dateText)), van);
    Response response;
    if (format == "csv") {
        response.contentType = "text/csv; charset=utf-8";
        response.body = warehouse::pickListCsv(list);
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"picklist-" +
                                                                 list.vanCode + "-" +
                                                                 formatDate(list.date) + ".csv\"");
        return response;
    }
    if (format == "html") {
        response.contentType = "text/html; charset=utf-8";
        response.body = pickListHtml(list);
        return response;
    }
    auto json = jsonObject();
    json->set("date", formatDate(list.date));
    json->set("van", list.vanCode);
    json->set("depot", list.depotCode);
    json->set("crew", list.crewName);
    auto lines = jsonArray();
    for (const auto& l : list.lines) {
        auto line = jsonObject();
        line->set("stop", l.stop);
        line->set("load_order", l.loadOrder);
        line->set("arrival", l.arrival);
        line->set("visit_id", l.visitId.value());
        line->set("order_reference", l.orderReference);
        line->set("resident_name", l.residentName);
        line->set("postcode", l.postcode);
        line->set("item_code", l.itemCode);
        line->set("item_name", l.itemName);
        line->set("quantity", l.quantity);
        line->set("barcodes", l.barcodes);
        line->set("two_person", l.twoPerson);
        line->set("fitting", l.needsFitting);
        lines->add(line);
    }
    json->set("lines", lines);
    return jsonResponse(200, json);
}

// A message as the outbox holds it: waiting until the sender sends it, then sent (or failed).
Poco::JSON::Object::Ptr outboxState(const store::OutboxMessage& message) {
    auto json = jsonObject();
    json->set("id", message.id.value());
    json->set("status", std::string(store::messageStatus(message)));
    json->set("sent_at", orNull(message.sentAt));
    return json;
}

Response outcome(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::driver, Role::planner});
    const std::int64_t id = parsePathId(
        request.pathParams["id"], "no visit has the id " + request.pathParams["id"].substr(0, 40));
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"outcome", "reason", "notes"});
    const auto what = parseVisitOutcome(body.text("outcome"));
    if (!what) {
        throw ValidationError("outcome",
                              "outcome must be installed_demonstrated, "
                              "left_with_consent, collected, repaired, inspected or "
                              "failed");
    }
    std::optional<FailureReason> reason;
    if (body.has("reason")) {
        reason = parseFailureReason(body.text("reason"));
        if (!reason) {
            throw ValidationError("reason",
                                  "reason must be no_access, wrong_item, refused, unsafe or other");
        }
    }
    const std::string notes = body.optionalText("notes");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto receipt =
            warehouse::recordVisitOutcome(c, VisitId(id), *what, reason, notes, actor, app.now(),
                                          app.workingDays(), maintenancePolicy(app));
        auto json = jsonObject();
        json->set("visit_id", receipt.visitId.value());
        json->set("status", std::string(toString(receipt.status)));
        json->set("order_reference", orNull(receipt.orderReference));
        json->set("order_status", orNull(receipt.orderStatus));
        json->set("rescheduled_visit_id",
                  receipt.rescheduledVisitId
                      ? Poco::Dynamic::Var(receipt.rescheduledVisitId->value())
                      : Poco::Dynamic::Var());
        const auto message = receipt.messageId ? store::findMessage(c, *receipt.messageId)
                                               : std::optional<store::OutboxMessage>();
        // True only once the message has gone (the sender drains the outbox after this).
        json->set("prescriber_notified", message && message->sentAt.has_value());
        json->set("prescriber_message",
                  message ? Poco::Dynamic::Var(outboxState(*message)) : Poco::Dynamic::Var());
        return jsonResponse(200, json);
    });
}

std::optional<int> clockParam(const JsonFields& body, const char* name) {
    if (!body.has(name)) return std::nullopt;
    const std::string text = body.text(name);
    int hours = 0, minutes = 0;
    char colon = 0;
    if (text.size() != 5 || std::sscanf(text.c_str(), "%2d%c%2d", &hours, &colon, &minutes) != 3 ||
        colon != ':' || hours > 24 || minutes > 59) {
        throw ValidationError(name, std::string(name) + " must be a time like 10:00");
    }
    return hours * 3600 + minutes * 60;
}

Response requestVisit(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::planner, Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"kind", "barcode", "due_date", "slot_start", "slot_end", "notes"});
    const auto kind = parseVisitKind(body.text("kind"));
    if (!kind) throw ValidationError("kind", "kind must be collection, repair or inspection");
    const std::string barcode = body.text("barcode");
    const auto due = parseDate(body.text("due_date"));
    if (!due) throw ValidationError("due_date", "due_date must be like 2026-03-02");
    const auto start = clockParam(body, "slot_start");
    const auto end = clockParam(body, "slot_end");
    const std::string notes = body.optionalText("notes");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto id = warehouse::requestAssetVisit(c, *kind, barcode, *due, start, end, notes,
                                                     actor, app.now());
        auto json = jsonObject();
        json->set("visit_id", id.value());
        json->set("status", "pending");
        return jsonResponse(201, json);
    });
}

// A driver starts the day on the van they drive; its crew alone sees what only the crew may.
Response signOn(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::driver});
    const std::string code = request.pathParams["code"].substr(0, 60);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto signedOn = warehouse::signOnToVan(c, code, actor, app.now());
        auto json = jsonObject();
        json->set("van", signedOn.van);
        json->set("date", formatDate(signedOn.day));
        auto drivers = jsonArray();
        for (const auto& name : signedOn.drivers) drivers->add(name);
        json->set("drivers", drivers);
        return jsonResponse(200, json);
    });
}

}  // namespace

void addDispatchRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/plans/{date}/optimise",
               [&app](Request& r) { return optimise(app, r); });
    router.add("GET", "/api/v1/plans/{date}", [&app](Request& r) { return readPlan(app, r); });
    router.add("GET", "/api/v1/picklists/{date}", [&app](Request& r) { return pickList(app, r); });
    router.add("POST", "/api/v1/visits", [&app](Request& r) { return requestVisit(app, r); });
    router.add("POST", "/api/v1/visits/{id}/outcome",
               [&app](Request& r) { return outcome(app, r); });
    router.add("POST", "/api/v1/vans/{code}/sign-on",
               [&app](Request& r) { return signOn(app, r); });
}

}  // namespace ces::web
