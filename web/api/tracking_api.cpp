#include <Poco/JSONString.h>

#include "core/store/orders/tracking.h"
#include "warehouse/delivery_slots.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

// The answer is written straight to text (the same JSON Poco's condensed stringifier gives):
// building it as Poco objects cost as much as the lookup itself, and this is the hottest read.
void appendText(std::string& json, const std::string& text) { json.append(Poco::toJSON(text)); }

void appendWindow(std::string& json, std::chrono::year_month_day date, int start, int end) {
    json.append("{\"date\":");
    appendText(json, formatDate(date));
    json.append(",\"start\":");
    appendText(json, warehouse::clockTime(start));
    json.append(",\"end\":");
    appendText(json, warehouse::clockTime(end));
    json.append("}");
}

Response trackingAnswer(const store::TrackingView& view, Instant now) {
    std::string json;
    if (view.closed) {
        json.append("{\"status\":\"closed\",\"status_text\":");
        appendText(json, view.statusText);
        json.append("}");
        Response response;
        response.body = std::move(json);
        return response;
    }
    json.reserve(512);
    json.append("{\"reference\":");
    appendText(json, view.reference);
    json.append(",\"status\":");
    appendText(json, view.status);
    json.append(",\"status_text\":");
    appendText(json, view.statusText);
    json.append(",\"due_by\":");
    if (view.dueBy) {
        appendText(json, *view.dueBy);
    } else {
        json.append("null");
    }
    json.append(",\"slot\":");
    const auto arrival = warehouse::arrivalWindowOf(view);
    if (view.slot) {
        appendWindow(json, view.slot->date, view.slot->startSeconds, view.slot->endSeconds);
    } else {
        json.append("null");
    }
    json.append(",\"arrival_window\":");
    if (arrival) {
        appendWindow(json, view.slot ? view.slot->date : *view.plannedDay, arrival->startSeconds,
                     arrival->endSeconds);
    } else {
        json.append("null");
    }
    json.append(",\"stops_before\":");
    if (view.stopsBefore && view.plannedDay && *view.plannedDay == ukDateOf(now)) {
        json.append(std::to_string(*view.stopsBefore));
    } else {
        json.append("null");
    }
    json.append(",\"items\":[");
    for (std::size_t i = 0; i < view.items.size(); ++i) {
        if (i > 0) json.append(",");
        appendText(json, view.items[i].name);
    }
    json.append("],\"contact\":{\"team\":");
    appendText(json, view.contactTeam);
    json.append(",\"phone\":");
    appendText(json, view.contactPhone);
    json.append("}}");
    Response response;
    response.body = std::move(json);
    return response;
}

void refuseIfBlocked(App& app, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (int wait = trackingLimiterInForce(app).blockedFor(key, app.now()); wait > 0) {
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
    return trackingAnswer(*view, app.now());
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
    return trackingAnswer(*view, app.now());
}

}  // namespace

void addTrackingRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/track", [&app](Request& r) { return trackByDetails(app, r); });
    router.add("GET", "/api/v1/track/{token}", [&app](Request& r) { return trackByToken(app, r); });
}

}  // namespace ces::web
