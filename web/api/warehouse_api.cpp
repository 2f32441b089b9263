#include <algorithm>
#include <array>

#include "core/store/warehouse/assets.h"
#include "warehouse/allocation.h"
#include "warehouse/recycling.h"
#include "web/api/routes.h"
#include "web/api/warehouse_routes.h"
#include "web/http/errors.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/policies.h"

namespace ces::web {

namespace {

std::string barcodeParam(Request& request) {
    const std::string barcode = request.pathParams["barcode"];
    if (barcode.empty() || barcode.size() > 64) {
        throw ValidationError("barcode", "a barcode has 1 to 64 characters");
    }
    return barcode;
}

JsonFields bodyOrEmpty(const std::string& body) {
    return JsonFields::parse(body.empty() ? std::string("{}") : body);
}

Response returns(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"barcode", "item_code", "quantity", "order_reference", "depot", "condition"});
    const std::string depot = body.optionalText("depot");
    const std::string condition = body.optionalText("condition");
    if (condition.size() > 500) throw ValidationError("condition", "at most 500 characters");
    if (body.has("barcode")) {
        if (body.has("item_code") || body.has("quantity")) {
            throw ValidationError("barcode",
                                  "give a barcode or an item_code and quantity, not both");
        }
        const std::string barcode = body.text("barcode");
        return idempotentWrite(app, request, actor, [&](store::Connection& c) {
            return jsonResponse(201, assetJson(warehouse::returnAsset(c, barcode, depot, condition,
                                                                      actor, app.now())));
        });
    }
    const std::string item = body.text("item_code");
    const std::int64_t quantity = body.integer("quantity");
    const std::string reference = body.text("order_reference");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto back = warehouse::returnCountedItems(c, reference, item, quantity, depot,
                                                        condition, actor, app.now());
        auto json = jsonObject();
        json->set("order_reference", back.orderReference);
        json->set("item_code", back.itemCode);
        json->set("quantity", back.quantity);
        json->set("depot", back.depotCode);
        json->set("state", "returned");
        json->set("still_on_loan", back.stillOnLoan);
        return jsonResponse(201, json);
    });
}

Response readAsset(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner, Role::driver});
    const std::string barcode = barcodeParam(request);
    const auto detail = app.db.read(
        [&](store::Connection& c) { return warehouse::describeAsset(c, barcode, app.now()); });
    return jsonResponse(200, assetJson(detail));
}

Response decontaminate(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const std::string barcode = barcodeParam(request);
    auto body = bodyOrEmpty(request.body);
    body.allowOnly({"stage", "notes"});
    const std::string stage = body.optionalText("stage", "completed");
    if (stage != "started" && stage != "completed") {
        throw ValidationError("stage", "stage must be started or completed");
    }
    const std::string notes = body.optionalText("notes");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, assetJson(warehouse::decontaminateAsset(
                                     c, barcode, stage == "completed", notes, actor, app.now())));
    });
}

Response inspect(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse, Role::driver});
    const std::string barcode = barcodeParam(request);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"result", "notes"});
    const auto result = parseInspectionResult(body.text("result"));
    if (!result) throw ValidationError("result", "result must be pass, repair or scrap");
    const std::string notes = body.optionalText("notes");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(
            200, assetJson(warehouse::inspectAsset(c, barcode, *result, notes,
                                                   maintenancePolicy(app), actor, app.now())));
    });
}

// A step of an asset taking only `{notes?}`: repaired, or released from a recall.
using NotedStep = warehouse::AssetDetail (*)(store::Connection&, const std::string&,
                                             const std::string&, const Actor&, Instant);
Response notedStep(App& app, Request& request, NotedStep step) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const std::string barcode = barcodeParam(request);
    auto body = bodyOrEmpty(request.body);
    body.allowOnly({"notes"});
    const std::string notes = body.optionalText("notes");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, assetJson(step(c, barcode, notes, actor, app.now())));
    });
}

Response lost(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const std::string barcode = barcodeParam(request);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"reason"});
    const std::string reason = body.text("reason");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200,
                            assetJson(warehouse::reportLost(c, barcode, reason, actor, app.now())));
    });
}

Response pick(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const std::string barcode = barcodeParam(request);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"order_reference"});
    const std::string reference = body.text("order_reference");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(
            200, assetJson(warehouse::pickAsset(c, barcode, reference, actor, app.now())));
    });
}

Poco::JSON::Object::Ptr levelsJson(const store::StateLevels& l) {
    auto json = jsonObject();
    json->set("depot", l.depotCode);
    json->set("item_code", l.itemCode);
    json->set("name", l.itemName);
    json->set("serialised", l.serialised);
    json->set("available", l.available);
    json->set("reserved", l.reserved);
    json->set("on_loan", l.onLoan);
    json->set("returned", l.returned);
    json->set("in_decontamination", l.inDecontamination);
    json->set("awaiting_inspection", l.awaitingInspection);
    json->set("in_repair", l.inRepair);
    json->set("scrapped", l.scrapped);
    json->set("lost", l.lost);
    json->set("quarantined", l.quarantined);
    json->set("reorder_level", l.reorderLevel);
    return json;
}

Response countedStep(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"depot", "item_code", "quantity", "step", "notes"});
    const std::string depot = body.text("depot");
    const std::string item = body.text("item_code");
    const std::int64_t quantity = body.integer("quantity");
    const auto step = parseAssetStep(body.text("step"));
    const std::string notes = body.optionalText("notes");
    constexpr std::array kCountedSteps{AssetStep::finish_decontamination,
                                       AssetStep::pass_inspection, AssetStep::fail_inspection,
                                       AssetStep::scrap, AssetStep::finish_repair};
    if (!step ||
        std::find(kCountedSteps.begin(), kCountedSteps.end(), *step) == kCountedSteps.end()) {
        throw ValidationError("step",
                              "step must be decontaminate, inspect_pass, "
                              "inspect_repair, inspect_scrap or repair");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, levelsJson(warehouse::processCountedItems(
                                     c, depot, item, quantity, *step, notes, actor, app.now())));
    });
}

Response stockStates(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner});
    const std::string depot = request.queryValue("depot");
    const auto levels =
        app.db.read([&](store::Connection& c) { return store::stateLevels(c, depot); });
    auto list = jsonArray();
    for (const auto& level : levels) list->add(levelsJson(level));
    auto answer = jsonObject();
    answer->set("levels", list);
    return jsonResponse(200, answer);
}

Response replenishment(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse});
    const auto suggestions =
        app.db.read([&](store::Connection& c) { return store::replenishmentSuggestions(c); });
    const auto today = std::chrono::floor<std::chrono::days>(app.now());
    auto list = jsonArray();
    for (const auto& s : suggestions) {
        auto json = jsonObject();
        json->set("depot", s.depotCode);
        json->set("item_code", s.itemCode);
        json->set("name", s.itemName);
        json->set("available", s.available);
        json->set("reorder_level", s.reorderLevel);
        json->set("suggested_quantity", s.suggestedQuantity);
        json->set("supplier", s.supplier);
        json->set("lead_time_days", s.leadTimeDays);
        json->set(
            "expected_by",
            formatDate(std::chrono::year_month_day(today + std::chrono::days(s.leadTimeDays))));
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("suggestions", list);
    return jsonResponse(200, answer);
}

Response maintenanceDue(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner});
    const std::string text = request.queryValue("within_days", "30");
    const auto days = parseFieldNumber("within_days", text, 0, 366,
                                       "within_days is a whole number of days from 0 to 366");
    const Instant now = app.now();
    const Instant until = now + std::chrono::days(days);
    const auto page = pageRequest(request);
    store::Page<store::DueInspection> due;
    const auto counts = app.db.read([&](store::Connection& c) {
        due = store::inspectionsDueBy(c, until, page);
        return store::countInspectionsDue(c, until, now);
    });
    auto list = jsonArray();
    for (const auto& d : due.items) {
        auto json = jsonObject();
        json->set("barcode", d.barcode);
        json->set("item_code", d.itemCode);
        json->set("description", d.description);
        json->set("depot", d.depotCode);
        json->set("resident_id", d.resident.value());
        json->set("postcode", d.postcode);
        json->set("district", d.district);
        json->set("last_inspected_at", nullableInstant(d.lastInspectedAt));
        json->set("next_inspection_due", formatInstant(d.nextInspectionDue));
        json->set("overdue", warehouse::isOverdue(d.nextInspectionDue, now));
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("within_days", days);
    answer->set("due", counts.due);
    answer->set("overdue", counts.overdue);
    answer->set("assets", list);
    setNext(answer, request, due.next);
    return jsonResponse(200, answer);
}

Response orderShortages(App& app, Request& request) {
    const Actor actor = requireRole(
        app, request, {Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner});
    const auto lines = app.db.read([&](store::Connection& c) {
        return warehouse::shortages(c, request.pathParams["ref"], actor);
    });
    auto list = jsonArray();
    for (const auto& line : lines) {
        auto json = jsonObject();
        json->set("item_code", line.itemCode);
        json->set("quantity", line.quantity);
        json->set("equivalents", equivalentsJson(line.equivalents));
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("unreserved_lines", list);
    return jsonResponse(200, answer);
}

Response acceptEquivalent(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber, Role::budget_holder});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"item_code", "equivalent_code"});
    const std::string item = body.text("item_code");
    const std::string equivalent = body.text("equivalent_code");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto outcome = warehouse::acceptEquivalent(c, request.pathParams["ref"], item,
                                                         equivalent, actor, app.now());
        auto json = jsonObject();
        json->set("reference", outcome.reference);
        json->set("status", std::string(toString(outcome.status)));
        json->set("due_by", nullableInstant(outcome.dueBy));
        return jsonResponse(200, json);
    });
}

}  // namespace

Poco::Dynamic::Var nullableInstant(const std::optional<Instant>& at) {
    return at ? Poco::Dynamic::Var(formatInstant(*at)) : Poco::Dynamic::Var();
}

warehouse::MaintenancePolicy maintenancePolicy(App& app) {
    return maintenancePolicyOf(app.settings());
}

Poco::JSON::Object::Ptr assetJson(const warehouse::AssetDetail& detail) {
    const auto& a = detail.asset;
    auto json = jsonObject();
    json->set("barcode", a.barcode);
    json->set("item_code", orNull(a.itemCode));
    json->set("name", detail.itemName);
    json->set("special_id",
              a.specialId ? Poco::Dynamic::Var(a.specialId->value()) : Poco::Dynamic::Var());
    json->set("state", std::string(toString(a.state)));
    json->set("depot", a.depotCode);
    json->set("made_on",
              a.madeOn ? Poco::Dynamic::Var(formatDate(*a.madeOn)) : Poco::Dynamic::Var());
    json->set("batch", orNull(a.batch));
    json->set("resident_id",
              a.resident ? Poco::Dynamic::Var(a.resident->value()) : Poco::Dynamic::Var());
    json->set("inspection_interval_months", a.inspectionIntervalMonths);
    json->set("last_inspected_at", nullableInstant(a.lastInspectedAt));
    json->set("next_inspection_due", nullableInstant(a.nextInspectionDue));
    json->set("inspection_overdue", detail.inspectionOverdue);
    auto history = jsonArray();
    for (const auto& e : detail.history) {
        auto event = jsonObject();
        event->set("step", std::string(toString(e.step)));
        event->set("from", e.from ? Poco::Dynamic::Var(std::string(toString(*e.from)))
                                  : Poco::Dynamic::Var());
        event->set("to", std::string(toString(e.to)));
        event->set("at", formatInstant(e.at));
        event->set("by", e.by);
        event->set("depot", e.depotCode);
        event->set("resident_id",
                   e.resident ? Poco::Dynamic::Var(e.resident->value()) : Poco::Dynamic::Var());
        event->set("note", e.note);
        history->add(event);
    }
    json->set("history", history);
    return json;
}

void addWarehouseRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/returns", [&app](Request& r) { return returns(app, r); });
    router.add("GET", "/api/v1/assets/{barcode}", [&app](Request& r) { return readAsset(app, r); });
    router.add("POST", "/api/v1/assets/{barcode}/decontaminate",
               [&app](Request& r) { return decontaminate(app, r); });
    router.add("POST", "/api/v1/assets/{barcode}/inspect",
               [&app](Request& r) { return inspect(app, r); });
    router.add("POST", "/api/v1/assets/{barcode}/repair",
               [&app](Request& r) { return notedStep(app, r, warehouse::finishRepair); });
    router.add("POST", "/api/v1/assets/{barcode}/release-from-recall",
               [&app](Request& r) { return notedStep(app, r, warehouse::releaseFromRecall); });
    router.add("POST", "/api/v1/assets/{barcode}/lost",
               [&app](Request& r) { return lost(app, r); });
    router.add("POST", "/api/v1/assets/{barcode}/pick",
               [&app](Request& r) { return pick(app, r); });
    router.add("POST", "/api/v1/stock/recycling",
               [&app](Request& r) { return countedStep(app, r); });
    router.add("GET", "/api/v1/stock/states", [&app](Request& r) { return stockStates(app, r); });
    router.add("GET", "/api/v1/stock/replenishment",
               [&app](Request& r) { return replenishment(app, r); });
    router.add("GET", "/api/v1/maintenance/due",
               [&app](Request& r) { return maintenanceDue(app, r); });
    router.add("GET", "/api/v1/orders/{ref}/shortages",
               [&app](Request& r) { return orderShortages(app, r); });
    router.add("POST", "/api/v1/orders/{ref}/equivalent",
               [&app](Request& r) { return acceptEquivalent(app, r); });
    addDispatchRoutes(router, app);
    addMessageRoutes(router, app);
    addTaskRoutes(router, app);
    addSpecialsRoutes(router, app);
}

}  // namespace ces::web
