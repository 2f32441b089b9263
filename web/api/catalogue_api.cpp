#include "core/store/catalogue/catalogue.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

const std::initializer_list<Role> kStaff = {
    Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner,
    Role::driver,     Role::commissioner,  Role::admin};

Response searchCatalogue(App& app, Request& request) {
    requireRole(app, request, kStaff);
    store::CatalogueQuery query;
    query.text = request.queryValue("q");
    query.category = request.queryValue("category");
    const std::string inStock = request.queryValue("in_stock", "false");
    if (inStock != "true" && inStock != "false") {
        throw BadRequest("in_stock", "in_stock must be true or false");
    }
    query.inStockOnly = inStock == "true";
    if (query.text.size() > 200 || query.category.size() > 200) {
        throw BadRequest("q", "search text is too long");
    }
    auto entries =
        app.db.read([&](store::Connection& c) { return store::searchCatalogue(c, query); });
    auto items = jsonArray();
    for (const auto& entry : entries) {
        auto item = jsonObject();
        item->set("code", entry.item.code);
        item->set("name", entry.item.name);
        item->set("category", entry.item.category);
        item->set("price_pence", entry.item.pricePence);
        item->set("serialised", entry.item.serialised);
        item->set("two_person", entry.item.twoPerson);
        item->set("needs_fitting", entry.item.needsFitting);
        item->set("available", entry.available);
        auto equivalents = jsonArray();
        for (const auto& code : entry.equivalents) equivalents->add(code);
        item->set("equivalents", equivalents);
        items->add(item);
    }
    auto answer = jsonObject();
    answer->set("items", items);
    return jsonResponse(200, answer);
}

}  // namespace

void addCatalogueRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/catalogue", [&app](Request& r) { return searchCatalogue(app, r); });
}

}  // namespace ces::web
