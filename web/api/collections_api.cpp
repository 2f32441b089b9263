
#include "core/store/collections/collections.h"
#include "core/store/orders/tracking.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/policies.h"

namespace ces::web {

namespace {

using Poco::Dynamic::Var;

std::string clock(int seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", seconds / 3600 % 100, seconds / 60 % 60);
    return buffer;
}

// The text of a vocabulary value, as the JSON shows it.
template <class Enum>
std::string text(Enum value) {
    return std::string(toString(value));
}

Poco::JSON::Object::Ptr collectionJson(const store::Collection& k) {
    auto json = jsonObject();
    json->set("reference", k.reference);
    json->set("status", text(k.status));
    json->set("order_reference", orNull(k.orderReference));
    json->set("district", k.district);
    json->set("requested_by", text(k.requestedBy));
    json->set("reason", text(k.reason));
    json->set("urgent", k.urgent);
    json->set("method", text(k.method));
    json->set("collection_point", orNull(k.collectionPoint));
    json->set("requested_at", formatInstant(k.requestedAt));
    json->set("due_by", formatInstant(k.dueBy));
    if (k.slotDate && k.slotStartSeconds && k.slotEndSeconds) {
        auto slot = jsonObject();
        slot->set("date", formatDate(*k.slotDate));
        slot->set("start", clock(*k.slotStartSeconds));
        slot->set("end", clock(*k.slotEndSeconds));
        json->set("slot", slot);
    } else {
        json->set("slot", Var());
    }
    json->set("completed_at", k.completedAt ? Var(formatInstant(*k.completedAt)) : Var());
    auto items = jsonArray();
    for (const auto& item : k.items) {
        auto i = jsonObject();
        i->set("item_code", item.itemCode);
        i->set("name", item.itemName);
        i->set("barcode", orNull(item.barcode));
        i->set("quantity", item.quantity);
        i->set("order_reference", item.orderReference);
        i->set("outstanding", item.outstanding);
        items->add(i);
    }
    json->set("items", items);
    return json;
}

void refuseIfBlocked(App& app, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (int wait = trackingLimiterInForce(app).blockedFor(key, app.now()); wait > 0) {
            throw RateLimited("too many tries; please wait before trying again, or call us", wait);
        }
    }
}

bool signedIn(const Request& request) {
    return !request.header("authorization").empty() || !request.cookie("ces_session").empty();
}

store::CollectionCaller staffCaller(App& app, const Request& request,
                                    std::initializer_list<Role> roles) {
    const Actor actor = requireRole(app, request, roles);
    return {actor.role == Role::prescriber ? CollectionRequester::prescriber
                                           : CollectionRequester::warehouse,
            actor, std::nullopt};
}

// A signed-in prescriber or warehouse user, or a resident proving an order by its tracking
// token, or by reference + postcode + date of birth (rate-limited like /track).
store::CollectionCaller callerOf(App& app, const Request& request, const JsonFields* body) {
    if (signedIn(request) || !body) {
        return staffCaller(app, request, {Role::prescriber, Role::warehouse, Role::planner});
    }
    const std::vector<std::string> keys = {"ip:" + request.clientAddress};
    refuseIfBlocked(app, keys);
    std::optional<store::TrackingView> view;
    if (body->has("tracking_token")) {
        const std::string token = body->text("tracking_token");
        view = app.db.read([&](store::Connection& c) { return store::trackByToken(c, token); });
    } else {
        const std::string reference = body->text("order_reference");
        const std::string postcode = body->text("postcode");
        const std::string dateOfBirth = body->text("date_of_birth");
        view = app.db.read([&](store::Connection& c) {
            return store::trackByDetails(c, reference, postcode, dateOfBirth);
        });
    }
    if (!view) {
        for (const auto& key : keys) app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound("we could not find an order with those details");
    }
    return {CollectionRequester::resident, std::nullopt, view->reference};
}

Response requestCollection(App& app, Request& request) {
    // A signed-in caller's role is checked before the body is read: 403 comes before 400.
    std::optional<store::CollectionCaller> staff;
    if (signedIn(request)) staff = staffCaller(app, request, {Role::prescriber, Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"order_reference", "barcodes", "reason", "urgent", "collection_point", "notes",
                    "tracking_token", "postcode", "date_of_birth"});
    const auto caller = staff ? *staff : callerOf(app, request, &body);
    store::CollectionRequest wanted;
    if (body.has("order_reference")) wanted.orderReference = body.text("order_reference");
    if (caller.kind == CollectionRequester::resident && !wanted.orderReference &&
        !body.has("barcodes")) {
        wanted.orderReference = caller.residentOrder;
    }
    if (body.has("barcodes")) wanted.barcodes = body.texts("barcodes");
    const std::string reason = body.text("reason");
    const auto parsed = parseCollectionReason(reason);
    if (!parsed) {
        throw ValidationError("reason",
                              "reason must be no_longer_needed, moved, deceased, faulty, "
                              "care_home or end_of_loan");
    }
    wanted.reason = *parsed;
    wanted.urgent = body.optionalBoolean("urgent").value_or(false);
    wanted.collectionPoint = body.optionalText("collection_point");
    wanted.notes = body.optionalText("notes");
    const auto rules = collectionRulesOf(app.settings());
    auto work = [&](store::Connection& c) {
        const auto k =
            store::requestCollection(c, wanted, caller, app.now(), app.workingDays(), rules);
        return jsonResponse(201, collectionJson(k));
    };
    if (caller.actor) return idempotentWrite(app, request, *caller.actor, work);
    return app.db.write(work);
}

Response getCollection(App& app, Request& request) {
    const auto caller = callerOf(app, request, nullptr);
    const std::string reference = request.pathParams["ref"];
    const auto k = app.db.read(
        [&](store::Connection& c) { return store::findCollection(c, reference, caller); });
    return jsonResponse(200, collectionJson(k));
}

Response listCollections(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner});
    const bool overdue = request.queryValue("overdue") == "true";
    const auto page = pageRequest(request);
    auto answer = jsonObject();
    auto list = jsonArray();
    std::optional<std::int64_t> next;
    if (overdue) {
        const auto rows = app.db.read(
            [&](store::Connection& c) { return store::overdueCollections(c, app.now(), page); });
        next = rows.next;
        for (const auto& o : rows.items) {
            auto json = jsonObject();
            json->set("reference", o.reference);
            json->set("order_reference", orNull(o.orderReference));
            json->set("district", o.district);
            json->set("postcode", o.postcode);
            json->set("reason", text(o.reason));
            json->set("method", text(o.method));
            json->set("requested_at", formatInstant(o.requestedAt));
            json->set("due_by", formatInstant(o.dueBy));
            json->set("days_overdue", o.daysOverdue);
            json->set("items_outstanding", o.itemsOutstanding);
            list->add(json);
        }
    } else {
        const auto rows =
            app.db.read([&](store::Connection& c) { return store::openCollections(c, {}, page); });
        next = rows.next;
        for (const auto& k : rows.items) list->add(collectionJson(k));
    }
    answer->set("collections", list);
    setNext(answer, request, next);
    return jsonResponse(200, answer);
}

Response collectionSlots(App& app, Request& request) {
    const auto caller = callerOf(app, request, nullptr);
    const std::string reference = request.pathParams["ref"];
    const auto slots = app.db.read([&](store::Connection& c) {
        return store::collectionSlots(c, reference, caller, app.now(), app.workingDays());
    });
    auto list = jsonArray();
    for (const auto& s : slots) {
        auto json = jsonObject();
        json->set("date", formatDate(s.date));
        json->set("start", clock(s.startSeconds));
        json->set("end", clock(s.endSeconds));
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("slots", list);
    return jsonResponse(200, answer);
}

int parseClock(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') {
        throw ValidationError("start", "start is a time such as 10:00");
    }
    const auto hours = plainDecimal(std::string_view(text).substr(0, 2));
    const auto minutes = plainDecimal(std::string_view(text).substr(3, 2));
    if (!hours || !minutes) throw ValidationError("start", "start is a time such as 10:00");
    return static_cast<int>(*hours * 3600 + *minutes * 60);
}

Response bookSlot(App& app, Request& request) {
    const auto caller = callerOf(app, request, nullptr);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"date", "start"});
    const std::string reference = request.pathParams["ref"];
    // An unreadable date is a window not offered, refused after the collection's own checks.
    const auto date = parseDate(body.text("date")).value_or(std::chrono::year_month_day{});
    store::CollectionSlot slot{date, parseClock(body.text("start")), 0};
    return idempotentWrite(app, request, *caller.actor, [&](store::Connection& c) {
        return jsonResponse(200, collectionJson(store::bookCollectionSlot(
                                     c, reference, slot, caller, app.now(), app.workingDays())));
    });
}

Response cancel(App& app, Request& request) {
    const auto caller = callerOf(app, request, nullptr);
    auto body = request.body.empty() ? JsonFields::parse("{}") : JsonFields::parse(request.body);
    body.allowOnly({"reason"});
    const std::string reference = request.pathParams["ref"];
    const std::string reason = body.optionalText("reason");
    return idempotentWrite(app, request, *caller.actor, [&](store::Connection& c) {
        return jsonResponse(
            200, collectionJson(store::cancelCollection(c, reference, caller, reason, app.now())));
    });
}

Response collectionPoints(App& app, Request&) {
    const auto points =
        app.db.read([](store::Connection& c) { return store::listCollectionPoints(c); });
    auto list = jsonArray();
    for (const auto& p : points) {
        auto json = jsonObject();
        json->set("code", p.code);
        json->set("name", p.name);
        json->set("operator", p.operatorName);
        json->set("district", p.district);
        json->set("address", p.address);
        json->set("postcode", orNull(p.postcode));
        json->set("lat", orNull(p.lat));
        json->set("lon", orNull(p.lon));
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("collection_points", list);
    return jsonResponse(200, answer);
}

Response stillNeeded(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse, Role::admin});
    auto body = request.body.empty() ? JsonFields::parse("{}") : JsonFields::parse(request.body);
    body.allowOnly({"min_age_days", "repeat_after_days", "limit", "dry_run"});
    const int minAge = static_cast<int>(body.optionalInteger("min_age_days").value_or(182));
    const int repeat = static_cast<int>(body.optionalInteger("repeat_after_days").value_or(90));
    const auto limit = body.optionalInteger("limit").value_or(100);
    if (limit < 1 || limit > 10000) throw ValidationError("limit", "limit must be 1 to 10000");
    const bool dryRun = body.optionalBoolean("dry_run").value_or(false);
    auto work = [&](store::Connection& c) {
        const auto due = store::stillNeededCount(c, app.now(), minAge, repeat);
        const auto checks = store::stillNeededChecks(c, app.now(), minAge, repeat,
                                                     static_cast<std::size_t>(limit), !dryRun);
        auto list = jsonArray();
        for (const auto& k : checks) {
            auto json = jsonObject();
            json->set("loan_id", k.loanId.value());
            json->set("order_reference", k.orderReference);
            json->set("item_code", k.itemCode);
            json->set("item_name", k.itemName);
            json->set("quantity_out", k.quantityOut);
            json->set("value_pence", k.value);
            json->set("on_loan_since", formatInstant(k.startedAt));
            json->set("district", k.district);
            json->set("prescriber_message_id",
                      k.prescriberMessageId ? Var(k.prescriberMessageId->value()) : Var());
            json->set("resident_message_id",
                      k.residentMessageId ? Var(k.residentMessageId->value()) : Var());
            list->add(json);
        }
        auto answer = jsonObject();
        answer->set("checks", list);
        answer->set("due", due);
        answer->set("left_for_later", due - static_cast<std::int64_t>(checks.size()));
        return jsonResponse(dryRun ? 200 : 201, answer);
    };
    if (dryRun) return app.db.read(work);
    return idempotentWrite(app, request, actor, work);
}

}  // namespace

void addCollectionRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/collections",
               [&app](Request& r) { return requestCollection(app, r); });
    router.add("GET", "/api/v1/collections",
               [&app](Request& r) { return listCollections(app, r); });
    router.add("POST", "/api/v1/collections/still-needed",
               [&app](Request& r) { return stillNeeded(app, r); });
    router.add("GET", "/api/v1/collections/{ref}",
               [&app](Request& r) { return getCollection(app, r); });
    router.add("GET", "/api/v1/collections/{ref}/slots",
               [&app](Request& r) { return collectionSlots(app, r); });
    router.add("POST", "/api/v1/collections/{ref}/slot",
               [&app](Request& r) { return bookSlot(app, r); });
    router.add("POST", "/api/v1/collections/{ref}/cancel",
               [&app](Request& r) { return cancel(app, r); });
    router.add("GET", "/api/v1/collection-points",
               [&app](Request& r) { return collectionPoints(app, r); });
}

}  // namespace ces::web
