#include <cctype>

#include "core/store/orders/order_access.h"
#include "core/store/orders/tracking.h"
#include "warehouse/delivery_slots.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/policies.h"

namespace ces::web {

namespace {

int parseClock(const std::string& text) {
    if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
        !std::isdigit(static_cast<unsigned char>(text[1])) ||
        !std::isdigit(static_cast<unsigned char>(text[3])) ||
        !std::isdigit(static_cast<unsigned char>(text[4]))) {
        throw ValidationError("start", "start is a time such as 10:00");
    }
    return std::stoi(text.substr(0, 2)) * 3600 + std::stoi(text.substr(3, 2)) * 60;
}

/// How a resident proves the order: their tracking token, or postcode + date of birth.
struct ResidentProof {
    std::string token;
    std::string postcode;
    std::string dateOfBirth;
};

/// A signed-in prescriber (the order's team, checked in the transaction), or a resident whose
/// proof matches the order in the path (rate-limited like /track).
struct SlotCaller {
    std::optional<Actor> prescriber;
};

bool signedIn(const Request& request) {
    return !request.header("authorization").empty() || !request.cookie("ces_session").empty();
}

SlotCaller callerOf(App& app, const Request& request, const std::string& reference,
                    const std::optional<ResidentProof>& proof) {
    if (signedIn(request) || !proof) return {requireRole(app, request, {Role::prescriber})};
    const std::vector<std::string> keys = {"ip:" + request.clientAddress, "ref:" + reference};
    for (const auto& key : keys) {
        if (int wait = trackingLimiterInForce(app).blockedFor(key, app.now()); wait > 0) {
            throw RateLimited("too many tries; please wait before trying again, or call us", wait);
        }
    }
    if (reference.size() > 40 || proof->token.size() > 200 || proof->postcode.size() > 20 ||
        proof->dateOfBirth.size() > 20) {
        throw ValidationError("reference", "these details are longer than any we issue");
    }
    const auto view = app.db.read([&](store::Connection& c) {
        return proof->token.empty()
                   ? store::trackByDetails(c, reference, proof->postcode, proof->dateOfBirth)
                   : store::trackByToken(c, proof->token);
    });
    if (!view || view->reference != reference) {
        for (const auto& key : keys) app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound("we could not find an order with those details");
    }
    return {};
}

// The prescriber may only see their own team's orders (NotFound otherwise).
void checkAccess(store::Connection& c, const SlotCaller& caller, const std::string& reference) {
    if (caller.prescriber) {
        store::loadOrderFor(c, reference, *caller.prescriber, store::OrderAccess::read);
    }
}

Poco::JSON::Object::Ptr slotJson(const warehouse::DeliverySlot& slot) {
    auto json = jsonObject();
    json->set("date", formatDate(slot.date));
    json->set("start", warehouse::clockTime(slot.startSeconds));
    json->set("end", warehouse::clockTime(slot.endSeconds));
    return json;
}

std::optional<ResidentProof> proofFromQuery(const Request& request) {
    ResidentProof proof{request.queryValue("tracking_token"), request.queryValue("postcode"),
                        request.queryValue("date_of_birth")};
    if (proof.token.empty() && proof.postcode.empty() && proof.dateOfBirth.empty()) {
        return std::nullopt;
    }
    return proof;
}

Response listSlots(App& app, Request& request) {
    const std::string reference = request.pathParams["ref"];
    const auto caller = callerOf(app, request, reference, proofFromQuery(request));
    const auto slots = app.db.read([&](store::Connection& c) {
        checkAccess(c, caller, reference);
        return warehouse::offerDeliverySlots(c, reference, app.now(), app.workingDays(),
                                             app.dispatch, slotPolicyOf(app.settings()));
    });
    auto list = jsonArray();
    for (const auto& slot : slots) list->add(slotJson(slot));
    auto answer = jsonObject();
    answer->set("slots", list);
    return jsonResponse(200, answer);
}

Response bookSlot(App& app, Request& request) {
    const std::string reference = request.pathParams["ref"];
    // A signed-in caller's role is checked before the body is read: 403 comes before 400.
    std::optional<SlotCaller> staff;
    if (signedIn(request)) staff = callerOf(app, request, reference, std::nullopt);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"date", "start", "tracking_token", "postcode", "date_of_birth"});
    std::optional<ResidentProof> proof;
    if (body.has("tracking_token") || body.has("postcode") || body.has("date_of_birth")) {
        proof = ResidentProof{body.optionalText("tracking_token"), body.optionalText("postcode"),
                              body.optionalText("date_of_birth")};
    }
    const std::string date = body.text("date");
    const int start = parseClock(body.text("start"));
    const auto caller = staff ? *staff : callerOf(app, request, reference, proof);
    auto work = [&](store::Connection& c) {
        checkAccess(c, caller, reference);
        const auto booked = warehouse::bookDeliverySlot(
            c, reference, date, start,
            caller.prescriber ? std::optional<UserId>(caller.prescriber->id) : std::nullopt,
            app.now(), app.workingDays(), app.dispatch, slotPolicyOf(app.settings()));
        auto answer = jsonObject();
        answer->set("reference", reference);
        answer->set("status", "scheduled");
        answer->set("slot", slotJson(booked));
        return jsonResponse(200, answer);
    };
    if (caller.prescriber) return idempotentWrite(app, request, *caller.prescriber, work);
    return app.db.write(work);
}

}  // namespace

void addSlotRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/orders/{ref}/slots",
               [&app](Request& r) { return listSlots(app, r); });
    router.add("POST", "/api/v1/orders/{ref}/slot",
               [&app](Request& r) { return bookSlot(app, r); });
}

}  // namespace ces::web
