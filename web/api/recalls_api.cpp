// Safety recall campaigns: raised by the admin or the warehouse from a field safety notice;
// followed by them, the planners (who route the visits) and the commissioners; the units as a
// CSV for the regulator.
#include "core/store/infrastructure/audit.h"
#include "warehouse/recall_replacements.h"
#include "warehouse/recalls.h"
#include "web/api/recall_body.h"
#include "web/api/recall_csv.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

Poco::Dynamic::Var dateOrNull(const std::optional<std::chrono::year_month_day>& date) {
    return date ? Poco::Dynamic::Var(formatDate(*date)) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr summaryJson(const store::RecallSummary& r) {
    auto json = jsonObject();
    json->set("id", r.id.value());
    json->set("reference", r.reference);
    json->set("title", r.title);
    json->set("action", std::string(toString(r.action)));
    auto items = jsonArray();
    std::size_t start = 0;
    while (start <= r.itemCodes.size()) {
        const auto comma = r.itemCodes.find(',', start);
        items->add(r.itemCodes.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    json->set("item_codes", items);
    json->set("made_from", dateOrNull(r.madeFrom));
    json->set("made_to", dateOrNull(r.madeTo));
    json->set("batch", r.batch ? Poco::Dynamic::Var(*r.batch) : Poco::Dynamic::Var());
    json->set("barcodes_named", r.barcodesNamed);
    json->set("deadline", formatDate(r.deadline));
    json->set("raised_by", r.raisedBy);
    json->set("raised_at", formatInstant(r.raisedAt));
    json->set("found", r.found);
    json->set("visited", r.visited);
    json->set("resolved", r.resolved);
    json->set("remaining", r.remaining);
    json->set("overdue", r.overdue);
    json->set("awaiting_replacement", r.awaitingReplacement);
    return json;
}

RecallId recallIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return RecallId(parsePathId(text, "no recall has the id " + text.substr(0, 40)));
}

Response raise(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin, Role::warehouse});
    const store::NewRecall notice = parseRecallNotice(request.body);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto raised = warehouse::raiseRecall(c, notice, actor, app.now());
        auto answer = summaryJson(store::requireRecall(c, raised.id, ukDateOf(app.now())));
        answer->set("held", raised.held);
        answer->set("visits", raised.visits);
        answer->set("orders_resupplied", raised.ordersResupplied);
        answer->set("orders_waiting", raised.ordersWaiting);
        answer->set("replacements_reserved", raised.replacementsReserved);
        return jsonResponse(201, answer);
    });
}

constexpr std::initializer_list<Role> kFollowers = {Role::admin, Role::warehouse, Role::planner,
                                                    Role::commissioner};

Response list(App& app, Request& request) {
    requireRole(app, request, kFollowers);
    const auto recalls = app.db.read(
        [&](store::Connection& c) { return store::listRecalls(c, ukDateOf(app.now())); });
    auto items = jsonArray();
    for (const auto& r : recalls) items->add(summaryJson(r));
    auto answer = jsonObject();
    answer->set("recalls", items);
    return jsonResponse(200, answer);
}

Response one(App& app, Request& request) {
    requireRole(app, request, kFollowers);
    const RecallId id = recallIdOf(request);
    return app.db.read([&](store::Connection& c) {
        const auto recall = store::requireRecall(c, id, ukDateOf(app.now()));
        auto answer = summaryJson(recall);
        auto districts = jsonArray();
        for (const auto& d : store::recallProgressByDistrict(c, id)) {
            auto json = jsonObject();
            json->set("district",
                      d.district.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(d.district));
            json->set("found", d.found);
            json->set("visited", d.visited);
            json->set("resolved", d.resolved);
            json->set("remaining", d.remaining);
            districts->add(json);
        }
        answer->set("by_district", districts);
        return jsonResponse(200, answer);
    });
}

// Reserves replacements for the campaign's homes still waiting for one (after goods in, say).
Response reserveReplacements(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin, Role::warehouse});
    const RecallId id = recallIdOf(request);
    return app.db.write([&](store::Connection& c) {
        const auto recall = store::requireRecall(c, id, ukDateOf(app.now()));
        if (recall.action != RecallAction::replace) {
            throw Conflict("not_a_replacement",
                           "campaign " + recall.reference + " does not replace units");
        }
        const auto done = warehouse::reserveRecallReplacements(c, id, actor, app.now());
        store::audit(c, actor.id, "recall.replacements", "recall", std::to_string(id.value()),
                     app.now(), std::to_string(done.reserved) + " reserved");
        auto answer = jsonObject();
        answer->set("reserved", done.reserved);
        answer->set("awaiting_replacement", done.waiting);
        return jsonResponse(200, answer);
    });
}

Response unitsCsv(App& app, Request& request) {
    requireRole(app, request, kFollowers);
    const RecallId id = recallIdOf(request);
    return app.db.read([&](store::Connection& c) {
        const auto recall = store::requireRecall(c, id, ukDateOf(app.now()));
        return recallUnitsCsv(recall.reference, store::recallUnits(c, id));
    });
}

}  // namespace

void addRecallRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/recalls", [&app](Request& r) { return raise(app, r); });
    router.add("GET", "/api/v1/recalls", [&app](Request& r) { return list(app, r); });
    router.add("GET", "/api/v1/recalls/{id}", [&app](Request& r) { return one(app, r); });
    router.add("POST", "/api/v1/recalls/{id}/replacements",
               [&app](Request& r) { return reserveReplacements(app, r); });
    router.add("GET", "/api/v1/recalls/{id}/units.csv",
               [&app](Request& r) { return unitsCsv(app, r); });
}

}  // namespace ces::web
