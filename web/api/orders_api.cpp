#include "core/store/dispatch/delivery_slots.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/order_queries.h"
#include "core/store/orders/orders.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/order_cancellation.h"
#include "web/api/order_body.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/policies.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr clockWindow(std::chrono::year_month_day date, int start, int end) {
    auto json = jsonObject();
    json->set("date", formatDate(date));
    json->set("start", warehouse::clockTime(start));
    json->set("end", warehouse::clockTime(end));
    return json;
}

Poco::JSON::Object::Ptr outcomeJson(const store::OrderOutcome& outcome) {
    auto json = jsonObject();
    json->set("reference", outcome.reference);
    json->set("status", std::string(toString(outcome.status)));
    json->set("due_by", outcome.dueBy ? Poco::Dynamic::Var(formatInstant(*outcome.dueBy))
                                      : Poco::Dynamic::Var());
    return json;
}

Response createdOrderJson(const store::OrderOutcome& outcome) {
    auto answer = outcomeJson(outcome);
    answer->set("tracking_token", outcome.trackingToken);
    return jsonResponse(201, answer);
}

Response createOrder(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    const store::NewOrder order = parseOrderBody(request.body);
    if (!request.header("idempotency-key").empty()) {
        // A retry must get the first answer even if the checks would now say otherwise: the
        // checks run after the key is looked up, in the write.
        return idempotentWrite(app, request, actor, [&](store::Connection& c) {
            return createdOrderJson(store::createOrder(
                c, order, actor, app.now(), app.workingDays(), emergencyPolicyOf(app.settings())));
        });
    }
    // The checks read on a reader; the single writer, the bottleneck of order taking, only
    // writes (and answers once its transaction has committed).
    const auto plan =
        app.db.read([&](store::Connection& c) { return store::planOrder(c, order, actor); });
    const auto emergency = emergencyPolicyOf(app.settings());
    return createdOrderJson(app.db.write([&](store::Connection& c) {
        return store::placeOrder(c, plan, actor, app.now(), app.workingDays(), emergency);
    }));
}

Response readOrder(App& app, Request& request) {
    const Actor actor = requireRole(
        app, request, {Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner});
    std::optional<store::BookedDeliverySlot> booked;
    const auto d = app.db.write([&](store::Connection& c) {
        auto detail = store::readOrder(c, request.pathParams["ref"], actor, app.now());
        booked = store::bookedDeliverySlot(c, store::findOrderRow(c, detail.reference).id);
        return detail;
    });
    auto json = jsonObject();
    json->set("reference", d.reference);
    json->set("status", std::string(toString(d.status)));
    json->set("speed", std::string(toString(d.speed)));
    json->set("due_by", orNull(d.dueBy));
    json->set("created_at", formatInstant(d.createdAt));
    json->set("total_pence", d.totalPence);
    json->set("notes", d.notes);
    auto resident = jsonObject();
    resident->set("id", d.residentId.value());
    resident->set("name", d.residentName);
    resident->set("postcode", d.residentPostcode);
    resident->set("district", d.residentDistrict);
    json->set("resident", resident);
    auto lines = jsonArray();
    for (const auto& l : d.lines) {
        auto line = jsonObject();
        line->set("item_code", l.itemCode);
        line->set("name", l.name);
        line->set("quantity", l.quantity);
        line->set("unit_price_pence", l.unitPricePence);
        line->set("depot", orNull(l.depotCode));
        lines->add(line);
    }
    json->set("lines", lines);
    auto specials = jsonArray();
    for (const auto& s : d.specials) {
        auto special = jsonObject();
        special->set("description", s.description);
        special->set("estimated_price_pence", s.estimatedPricePence);
        special->set("status", s.status);
        specials->add(special);
    }
    json->set("specials", specials);
    auto history = jsonArray();
    for (const auto& e : d.history) {
        auto event = jsonObject();
        event->set("from", orNull(e.from));
        event->set("to", e.to);
        event->set("at", formatInstant(e.at));
        event->set("by", e.by);
        event->set("note", e.note);
        history->add(event);
    }
    json->set("history", history);
    auto visits = jsonArray();
    if (booked) {
        auto visit = jsonObject();
        visit->set("kind", "delivery");
        visit->set("slot", clockWindow(booked->date, booked->startSeconds, booked->endSeconds));
        const auto arrival = warehouse::arrivalWindowOf(*booked);
        visit->set("arrival_window",
                   arrival ? Poco::Dynamic::Var(clockWindow(booked->date, arrival->startSeconds,
                                                            arrival->endSeconds))
                           : Poco::Dynamic::Var());
        visits->add(visit);
    }
    json->set("visits", visits);
    if (actor.role == Role::prescriber) {
        json->set("tracking_token", d.trackingToken);
    }
    return jsonResponse(200, json);
}

Response listOrders(App& app, Request& request) {
    const Actor actor = requireRole(
        app, request, {Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner});
    std::optional<OrderStatus> status;
    if (const auto text = request.queryValue("status"); !text.empty()) {
        status = parseOrderStatus(text);
        if (!status) throw ValidationError("status", "status " + text + " is not an order status");
    }
    const auto page = pageRequest(request);
    const auto orders = app.db.read(
        [&](store::Connection& c) { return store::listOrders(c, actor, status, page); });
    auto list = jsonArray();
    for (const auto& o : orders.items) {
        auto json = jsonObject();
        json->set("reference", o.reference);
        json->set("status", std::string(toString(o.status)));
        json->set("speed", std::string(toString(o.speed)));
        json->set("due_by", orNull(o.dueBy));
        json->set("created_at", formatInstant(o.createdAt));
        json->set("resident_id", o.residentId.value());
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("orders", list);
    setNext(answer, request, orders.next);
    return jsonResponse(200, answer);
}

Response approveOrder(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::budget_holder});
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, outcomeJson(store::approveOrder(
                                     c, request.pathParams["ref"], actor, app.now(),
                                     app.workingDays(), emergencyPolicyOf(app.settings()))));
    });
}

Response countersignOrder(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, outcomeJson(store::countersignOrder(
                                     c, request.pathParams["ref"], actor, app.now(),
                                     app.workingDays(), emergencyPolicyOf(app.settings()))));
    });
}

Response cancelOrder(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber, Role::budget_holder});
    std::string reason;
    if (!request.body.empty()) {
        auto body = JsonFields::parse(request.body);
        body.allowOnly({"reason"});
        reason = body.optionalText("reason");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, outcomeJson(warehouse::cancelOrder(c, request.pathParams["ref"],
                                                                    actor, app.now(), reason)));
    });
}

}  // namespace

void addOrderRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/orders", [&app](Request& r) { return createOrder(app, r); });
    router.add("GET", "/api/v1/orders", [&app](Request& r) { return listOrders(app, r); });
    router.add("GET", "/api/v1/orders/{ref}", [&app](Request& r) { return readOrder(app, r); });
    router.add("POST", "/api/v1/orders/{ref}/approve",
               [&app](Request& r) { return approveOrder(app, r); });
    router.add("POST", "/api/v1/orders/{ref}/countersign",
               [&app](Request& r) { return countersignOrder(app, r); });
    router.add("POST", "/api/v1/orders/{ref}/cancel",
               [&app](Request& r) { return cancelOrder(app, r); });
}

}  // namespace ces::web
