#include "core/store/tracking.h"
#include "warehouse/delivery_slots.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Poco::Dynamic::Var window(const std::string& date, int start, int end) {
    auto json = jsonObject();
    json->set("date", date);
    json->set("start", warehouse::clockTime(start));
    json->set("end", warehouse::clockTime(end));
    return json;
}

Response trackingAnswer(const store::TrackingView& view) {
    auto json = jsonObject();
    json->set("reference", view.reference);
    json->set("status", view.status);
    json->set("status_text", view.statusText);
    json->set("due_by", view.dueBy ? Poco::Dynamic::Var(*view.dueBy) : Poco::Dynamic::Var());
    const auto arrival = view.slot ? warehouse::arrivalWindowOf(*view.slot) : std::nullopt;
    json->set("slot", view.slot
                          ? window(view.slot->date, view.slot->startSeconds, view.slot->endSeconds)
                          : Poco::Dynamic::Var());
    json->set("arrival_window",
              arrival ? window(view.slot->date, arrival->startSeconds, arrival->endSeconds)
                      : Poco::Dynamic::Var());
    auto items = jsonArray();
    for (const auto& item : view.items) items->add(item);
    json->set("items", items);
    auto contact = jsonObject();
    contact->set("team", view.contactTeam);
    contact->set("phone", view.contactPhone);
    json->set("contact", contact);
    return jsonResponse(200, json);
}

void refuseIfBlocked(App& app, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (int wait = app.trackingLimiter.blockedFor(key, app.now()); wait > 0) {
            throw RateLimited("too many tries; please wait before trying again, or call us", wait);
        }
    }
}

Response trackByDetails(App& app, Request& request) {
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"reference", "postcode", "date_of_birth"});
    const std::string reference = body.text("reference");
    const std::string postcode = body.text("postcode");
    const std::string dateOfBirth = body.text("date_of_birth");
    if (reference.size() > 40 || postcode.size() > 20 || dateOfBirth.size() > 20) {
        throw ValidationError("reference", "these details are longer than any we issue");
    }
    const std::vector<std::string> keys = {"ip:" + request.clientAddress, "ref:" + reference};
    refuseIfBlocked(app, keys);
    auto view = app.db.read([&](store::Connection& c) {
        return store::trackByDetails(c, reference, postcode, dateOfBirth);
    });
    if (!view) {
        for (const auto& key : keys) app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound("we could not find an order with those details");
    }
    return trackingAnswer(*view);
}

Response trackByToken(App& app, Request& request) {
    const std::string key = "ip:" + request.clientAddress;
    refuseIfBlocked(app, {key});
    const std::string& token = request.pathParams["token"];
    auto view = app.db.read([&](store::Connection& c) { return store::trackByToken(c, token); });
    if (!view) {
        app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound("this tracking link is not valid");
    }
    return trackingAnswer(*view);
}

}  // namespace

void addTrackingRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/track", [&app](Request& r) { return trackByDetails(app, r); });
    router.add("GET", "/api/v1/track/{token}", [&app](Request& r) { return trackByToken(app, r); });
}

}  // namespace ces::web
