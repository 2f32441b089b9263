#include "core/store/warehouse/stock.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Response stockLevels(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner});
    const std::string depot = request.queryValue("depot");
    const auto levels =
        app.db.read([&](store::Connection& c) { return store::stockLevels(c, depot); });
    auto depots = jsonArray();
    Poco::JSON::Object::Ptr current;
    Poco::JSON::Array::Ptr items;
    for (const auto& level : levels) {
        if (!current || current->getValue<std::string>("code") != level.depotCode) {
            current = jsonObject();
            items = jsonArray();
            current->set("code", level.depotCode);
            current->set("name", level.depotName);
            current->set("items", items);
            depots->add(current);
        }
        auto item = jsonObject();
        item->set("item_code", level.itemCode);
        item->set("available", level.available);
        item->set("reserved", level.reserved);
        item->set("on_loan", level.onLoan);
        item->set("reorder_level", level.reorderLevel);
        items->add(item);
    }
    auto answer = jsonObject();
    answer->set("depots", depots);
    return jsonResponse(200, answer);
}

Response adjustStock(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"depot", "item_code", "delta", "reason"});
    const std::string depot = body.text("depot");
    const std::string item = body.text("item_code");
    const std::int64_t delta = body.integer("delta");
    const std::string reason = body.text("reason");
    if (delta < -1'000'000 || delta > 1'000'000) {
        throw ValidationError("delta", "delta must be between -1000000 and 1000000");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto available = store::adjustStock(c, depot, item, delta, reason, actor, app.now());
        auto answer = jsonObject();
        answer->set("depot", depot);
        answer->set("item_code", item);
        answer->set("available", available);
        return jsonResponse(201, answer);
    });
}

}  // namespace

void addStockRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/stock", [&app](Request& r) { return stockLevels(app, r); });
    router.add("POST", "/api/v1/stock/adjustments",
               [&app](Request& r) { return adjustStock(app, r); });
}

}  // namespace ces::web
