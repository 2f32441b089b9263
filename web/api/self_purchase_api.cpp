// Self-purchase choices over the API: a prescriber records what a resident chose when offered an
// item's retail alternative (the order flow does the same from its check page).
#include "core/store/orders/self_purchase.h"
#include "core/store/residents/residents.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

std::vector<store::SelfPurchaseChoice> parseChoices(const JsonFields& body) {
    std::vector<store::SelfPurchaseChoice> choices;
    std::size_t i = 0;
    for (const auto& each : body.objects("choices")) {
        each.allowOnly({"item_code", "quantity", "outcome", "reason"});
        const std::string at = "choices[" + std::to_string(i++) + "]";
        const auto outcome = parseSelfPurchaseOutcome(each.text("outcome"));
        if (!outcome) {
            throw ValidationError(at + ".outcome",
                                  "outcome must be self_purchase, declined or not_appropriate");
        }
        choices.push_back({each.text("item_code"), each.optionalInteger("quantity").value_or(1),
                           *outcome, each.optionalText("reason")});
    }
    if (choices.empty()) throw ValidationError("choices", "record at least one choice");
    return choices;
}

Response record(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    const std::string& text = request.pathParams["id"];
    const ResidentId resident(parsePathId(text, "no resident has the id " + text.substr(0, 40)));
    app.db.read([&](store::Connection& c) {
        store::requireResidentChanger(c, resident, actor);  // before the body is read
        return 0;
    });
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"choices", "order_reference"});
    const auto choices = parseChoices(body);
    std::optional<std::string> order;
    if (body.has("order_reference")) order = body.text("order_reference");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::recordSelfPurchaseChoices(c, resident, order, choices, actor, app.now());
        auto answer = jsonObject();
        answer->set("resident_id", resident.value());
        answer->set("recorded", static_cast<std::int64_t>(choices.size()));
        return jsonResponse(201, answer);
    });
}

}  // namespace

void addSelfPurchaseRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/residents/{id}/self-purchase",
               [&app](Request& r) { return record(app, r); });
}

}  // namespace ces::web
