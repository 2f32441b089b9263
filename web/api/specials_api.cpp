#include "warehouse/specials.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/policies.h"

namespace ces::web {

namespace {

warehouse::SpecialsPolicy specialsPolicy(App& app) { return specialsPolicyOf(app.settings()); }

Poco::JSON::Object::Ptr specialJson(const warehouse::SpecialView& view) {
    const auto& s = view.record;
    auto json = jsonObject();
    json->set("id", s.id.value());
    json->set("order_reference", s.orderReference);
    json->set("description", s.description);
    json->set("estimated_price_pence", s.estimatedPricePence);
    json->set("status", std::string(toString(s.status)));
    json->set("approval_needed", view.approvalNeeded);
    json->set("requested_at", formatInstant(s.requestedAt));
    json->set("approved_at", nullableInstant(s.approvedAt));
    json->set("supplier", orNull(s.supplier));
    json->set("quote_pence",
              s.quotePence ? Poco::Dynamic::Var(*s.quotePence) : Poco::Dynamic::Var());
    json->set("quoted_at", nullableInstant(s.quotedAt));
    json->set("purchase_order", orNull(s.purchaseOrder));
    json->set("ordered_at", nullableInstant(s.orderedAt));
    json->set("received_at", nullableInstant(s.receivedAt));
    json->set("delivered_at", nullableInstant(s.deliveredAt));
    json->set("barcode", orNull(s.barcode));
    json->set("target_arrival", formatInstant(view.targetArrival));
    json->set("days_open", view.daysOpen);
    json->set("breached", view.breached);
    return json;
}

std::int64_t idParam(Request& request) {
    const std::string& text = request.pathParams["id"];
    return parsePathId(text, "no special has the id " + text.substr(0, 40));
}

Response list(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::budget_holder, Role::commissioner});
    const auto policy = specialsPolicy(app);
    const bool breached = request.queryValue("breached") == "true";
    const bool all = request.queryValue("all") == "true";
    const auto page = pageRequest(request);
    const auto views = app.db.read([&](store::Connection& c) {
        return warehouse::listSpecials(c, breached, all, app.now(), policy, page);
    });
    auto items = jsonArray();
    for (const auto& v : views.items) items->add(specialJson(v));
    auto answer = jsonObject();
    answer->set("specials", items);
    setNext(answer, request, views.next);
    return jsonResponse(200, answer);
}

Response approve(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::budget_holder});
    const auto policy = specialsPolicy(app);
    const SpecialId id(idParam(request));
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(
            200, specialJson(warehouse::approveSpecial(c, id, actor, app.now(), policy)));
    });
}

Response quote(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const auto policy = specialsPolicy(app);
    const SpecialId id(idParam(request));
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"supplier", "price_pence"});
    const std::string supplier = body.text("supplier");
    const std::int64_t price = body.integer("price_pence");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, specialJson(warehouse::quoteSpecial(c, id, supplier, price, actor,
                                                                     app.now(), policy)));
    });
}

Response order(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const auto policy = specialsPolicy(app);
    const SpecialId id(idParam(request));
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"purchase_order"});
    const std::string purchaseOrder = body.text("purchase_order");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, specialJson(warehouse::orderSpecial(c, id, purchaseOrder, actor,
                                                                     app.now(), policy)));
    });
}

Response receive(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const auto policy = specialsPolicy(app);
    const SpecialId id(idParam(request));
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"depot", "inspection_interval_months"});
    const std::string depot = body.text("depot");
    const auto months = body.optionalInteger("inspection_interval_months").value_or(0);
    if (months < 0 || months > 60) {
        throw ValidationError("inspection_interval_months", "between 0 and 60 months");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(
            201, specialJson(warehouse::receiveSpecial(c, id, depot, static_cast<int>(months),
                                                       actor, app.now(), policy)));
    });
}

}  // namespace

void addSpecialsRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/specials", [&app](Request& r) { return list(app, r); });
    router.add("POST", "/api/v1/specials/{id}/approve",
               [&app](Request& r) { return approve(app, r); });
    router.add("POST", "/api/v1/specials/{id}/quote", [&app](Request& r) { return quote(app, r); });
    router.add("POST", "/api/v1/specials/{id}/order", [&app](Request& r) { return order(app, r); });
    router.add("POST", "/api/v1/specials/{id}/receive",
               [&app](Request& r) { return receive(app, r); });
}

}  // namespace ces::web
