
#include <sstream>

#include "core/errors.h"
#include "core/store/admin/competences.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/catalogue_changes.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "web/api/routes.h"
#include "web/http/errors.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

const std::initializer_list<Role> kStaff = {
    Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner,
    Role::driver,     Role::commissioner,  Role::admin};

Poco::JSON::Object::Ptr itemJson(const CatalogueItem& item) {
    auto json = jsonObject();
    json->set("code", item.code);
    json->set("name", item.name);
    json->set("category", item.category);
    json->set("price_pence", item.pricePence);
    json->set("serialised", item.serialised);
    json->set("returnable", item.returnable);
    json->set("credit_eligible", item.creditEligible);
    json->set("inspection_regime", item.inspectionRegime);
    json->set("maintenance_regime", std::string(toString(item.maintenance.regime)));
    json->set("maintenance_interval_months", item.maintenance.intervalMonths);
    json->set("van_space", item.vanSpace);
    json->set("two_person", item.twoPerson);
    json->set("needs_fitting", item.needsFitting);
    json->set("retired", item.retired);
    json->set("competence", item.competence);
    return json;
}

Poco::JSON::Object::Ptr retailJson(const RetailAlternative& alternative) {
    auto json = jsonObject();
    json->set("product", alternative.product);
    json->set("typical_price_pence", alternative.typicalPricePence);
    json->set("where_to_buy", alternative.whereToBuy);
    json->set("safety_note", alternative.safetyNote);
    return json;
}

Poco::JSON::Array::Ptr codesJson(const std::vector<std::string>& codes) {
    auto array = jsonArray();
    for (const auto& code : codes) array->add(code);
    return array;
}

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
    const bool prescribing = actor.role == Role::prescriber;
    std::vector<HeldCompetence> held;
    std::map<std::string, RetailAlternative> retail;
    auto entries = app.db.read([&](store::Connection& c) {
        if (prescribing) held = store::heldCompetences(c, actor.id);
        retail = store::retailAlternatives(c);
        return store::searchCatalogue(c, query);
    });
    const auto today = ukDateOf(app.now());
    auto items = jsonArray();
    for (const auto& entry : entries) {
        auto item = itemJson(entry.item);
        // Whether the signed-in prescriber may order it alone (else a colleague countersigns).
        if (prescribing)
            item->set("may_order", holdsCompetence(held, entry.item.competence, today));
        item->set("available", entry.available);
        item->set("equivalents", codesJson(entry.equivalents));
        const auto alternative = retail.find(entry.item.code);
        item->set("retail_alternative", alternative == retail.end()
                                            ? Poco::Dynamic::Var()
                                            : Poco::Dynamic::Var(retailJson(alternative->second)));
        items->add(item);
    }
    auto answer = jsonObject();
    answer->set("items", items);
    return jsonResponse(200, answer);
}

// A JSON body's item fields laid over `item` (a new item's defaults, or the item as it is).
class ItemBody {
  public:
    explicit ItemBody(const std::string& body) : fields_(JsonFields::parse(body)) {}

    const JsonFields& fields() const { return fields_; }

    /// BadRequest naming a field that is not an item's.
    void allowOnlyItemFields() const {
        fields_.allowOnly({"code", "name", "category", "price_pence", "serialised", "returnable",
                           "credit_eligible", "inspection_regime", "maintenance_regime",
                           "maintenance_interval_months", "van_space", "needs_fitting",
                           "two_person", "retired", "competence"});
    }

    void layOver(CatalogueItem& item) const {
        if (fields_.has("name")) item.name = fields_.text("name");
        if (fields_.has("category")) item.category = fields_.text("category");
        if (fields_.has("price_pence")) item.pricePence = fields_.integer("price_pence");
        if (fields_.has("inspection_regime")) {
            item.inspectionRegime = fields_.text("inspection_regime");
        }
        if (fields_.has("maintenance_regime")) {
            store::setMaintenanceRegime(item, fields_.text("maintenance_regime"));
        }
        if (fields_.has("maintenance_interval_months")) {
            item.maintenance.intervalMonths =
                bounded(fields_.integer("maintenance_interval_months"));
        }
        if (fields_.has("van_space")) item.vanSpace = bounded(fields_.integer("van_space"));
        flag("serialised", item.serialised);
        flag("returnable", item.returnable);
        flag("credit_eligible", item.creditEligible);
        flag("needs_fitting", item.needsFitting);
        flag("two_person", item.twoPerson);
        flag("retired", item.retired);
        if (fields_.has("competence")) item.competence = fields_.text("competence");
    }

  private:
    // Out of int's range becomes -1: checkItem then refuses it with the rule's own message.
    static int bounded(std::int64_t value) {
        return value < 0 || value > 1'000'000 ? -1 : static_cast<int>(value);
    }

    void flag(const char* name, bool& value) const {
        value = fields_.optionalBoolean(name).value_or(value);
    }

    JsonFields fields_;
};

// An audited write by the admin, replayed under an Idempotency-Key.
template <typename Work>
Response adminWrite(App& app, Request& request, const Actor& actor, int status, Work work) {
    const store::CatalogueChange change{actor.id, app.now()};
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(status, work(c, change));
    });
}

Response addItem(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const ItemBody body(request.body);
    body.allowOnlyItemFields();
    CatalogueItem item;
    item.code = body.fields().text("code");
    for (const char* required : {"name", "category", "price_pence", "serialised"}) {
        if (!body.fields().has(required)) {
            throw BadRequest(required, std::string(required) + " is required");
        }
    }
    body.layOver(item);
    return adminWrite(app, request, actor, 201, [&](store::Connection& c, const auto& change) {
        store::addItem(c, item, change);
        auto json = itemJson(item);
        json->set("equivalents", jsonArray());
        return json;
    });
}

Response changeItem(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const std::string code = request.pathParams.at("code");
    const ItemBody body(request.body);
    body.allowOnlyItemFields();
    if (body.fields().has("code") && body.fields().text("code") != code) {
        throw ValidationError("code", "an item's code cannot change: add a new item instead");
    }
    return adminWrite(app, request, actor, 200, [&](store::Connection& c, const auto& change) {
        auto item = store::findItem(c, code);
        if (!item) throw NotFound("no catalogue item has the code " + code);
        body.layOver(*item);
        store::changeItem(c, *item, change);
        auto json = itemJson(*item);
        json->set("equivalents", codesJson(store::equivalentsOf(c, code)));
        return json;
    });
}

Response replaceEquivalents(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const std::string code = request.pathParams.at("code");
    const auto fields = JsonFields::parse(request.body);
    fields.allowOnly({"codes"});
    const auto codes = fields.texts("codes");
    return adminWrite(app, request, actor, 200, [&](store::Connection& c, const auto& change) {
        store::replaceEquivalents(c, code, codes, change);
        auto answer = jsonObject();
        answer->set("code", code);
        answer->set("equivalents", codesJson(store::equivalentsOf(c, code)));
        return answer;
    });
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
    router.add("POST", "/api/v1/catalogue/items", [&app](Request& r) { return addItem(app, r); });
    router.add("PATCH", "/api/v1/catalogue/items/{code}",
               [&app](Request& r) { return changeItem(app, r); });
    router.add("PUT", "/api/v1/catalogue/items/{code}/equivalents",
               [&app](Request& r) { return replaceEquivalents(app, r); });
}

}  // namespace ces::web
