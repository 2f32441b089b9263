#include <sstream>

#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/catalogue_import.h"
#include "web/api/routes.h"
#include "web/http/errors.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

const std::initializer_list<Role> kStaff = {
    Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner,
    Role::driver,     Role::commissioner,  Role::admin};

Response searchCatalogue(App& app, Request& request) {
    const Actor actor = requireRole(app, request, kStaff);
    store::CatalogueQuery query;
    query.text = request.queryValue("q");
    query.category = request.queryValue("category");
    const std::string inStock = request.queryValue("in_stock", "false");
    if (inStock != "true" && inStock != "false") {
        throw BadRequest("in_stock", "in_stock must be true or false");
    }
    query.inStockOnly = inStock == "true";
    query.includeRetired = actor.role == Role::admin;
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
        item->set("retired", entry.item.retired);
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

Poco::JSON::Object::Ptr reportJson(const store::CatalogueImportReport& report) {
    auto answer = jsonObject();
    answer->set("created", report.created);
    answer->set("updated", report.updated);
    answer->set("unchanged", report.unchanged);
    auto errors = jsonArray();
    for (const auto& each : report.errors) {
        auto error = jsonObject();
        error->set("line", each.line);
        error->set("field", each.field);
        error->set("message", each.message);
        errors->add(error);
    }
    answer->set("errors", errors);
    return answer;
}

// A dry run answers 200 with its report; an import with errors writes nothing and answers 422
// with the report beside the usual error naming the first bad field.
Response importCatalogue(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const std::string dryRun = request.queryValue("dry_run", "false");
    if (dryRun != "true" && dryRun != "false") {
        throw BadRequest("dry_run", "dry_run must be true or false");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        std::istringstream csv(request.body);
        const auto report = store::importCatalogue(c, csv, dryRun == "true", actor.id, app.now());
        auto answer = reportJson(report);
        if (dryRun == "true" || report.errors.empty()) return jsonResponse(200, answer);
        auto error = jsonObject();
        error->set("code", "validation");
        error->set("message", "line " + std::to_string(report.errors.front().line) + ": " +
                                  report.errors.front().message);
        error->set("field", report.errors.front().field);
        answer->set("error", error);
        return jsonResponse(422, answer);
    });
}

}  // namespace

void addCatalogueRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/catalogue", [&app](Request& r) { return searchCatalogue(app, r); });
    router.add("POST", "/api/v1/catalogue/import",
               [&app](Request& r) { return importCatalogue(app, r); });
}

}  // namespace ces::web
