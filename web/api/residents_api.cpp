#include "core/store/residents/residents.h"
#include "core/store/residents/subject_access.h"
#include "warehouse/key_safe.h"
#include "warehouse/resident_death.h"
#include "web/api/audit_json.h"
#include "web/api/contact_fields.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"
#include "web/policies.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr residentJson(const Resident& r) {
    auto json = jsonObject();
    json->set("id", r.id.value());
    json->set("nhs_number", r.nhsNumber);
    json->set("name", r.name);
    json->set("date_of_birth", r.dateOfBirth);
    json->set("address_line1", r.addressLine1);
    json->set("town", r.town);
    json->set("postcode", r.postcode);
    json->set("district", r.district);
    json->set("phone", r.phone);
    json->set("access_notes", r.accessNotes);
    json->set("email", r.contact.email);
    json->set("mobile", r.contact.mobile);
    json->set("contact_channel", std::string(toString(r.contact.channel)));
    json->set("language", std::string(toString(r.contact.language)));
    json->set("contact_name", r.contact.contactName);
    json->set("contact_relationship", r.contact.contactRelationship);
    return json;
}

Response registerResident(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"nhs_number", "name", "date_of_birth", "address_line1", "town", "postcode",
                    "phone", "access_notes", "email", "mobile", "contact_channel", "language",
                    "contact_name", "contact_relationship"});
    NewResident resident;
    resident.nhsNumber = body.text("nhs_number");
    resident.name = body.text("name");
    resident.dateOfBirth = body.text("date_of_birth");
    resident.addressLine1 = body.text("address_line1");
    resident.town = body.text("town");
    resident.postcode = body.text("postcode");
    resident.phone = body.optionalText("phone");
    resident.accessNotes = body.optionalText("access_notes");
    resident.contact = contactFields(body);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto registered = store::registerResident(c, resident, actor, app.now());
        auto answer = jsonObject();
        answer->set("id", registered.id.value());
        answer->set("district", registered.district);
        if (registered.existing) answer->set("existing", true);
        return jsonResponse(registered.existing ? 200 : 201, answer);
    });
}

Response findResidents(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    const std::string nhs = request.queryValue("nhs_number");
    if (nhs.empty()) throw BadRequest("nhs_number", "nhs_number is required");
    auto found = app.db.write([&](store::Connection& c) {
        return store::findResidentsByNhsNumber(c, nhs, actor, app.now());
    });
    auto list = jsonArray();
    for (const auto& r : found) list->add(residentJson(r));
    auto answer = jsonObject();
    answer->set("residents", list);
    return jsonResponse(200, answer);
}

std::optional<std::string> fieldIfGiven(const JsonFields& body, const std::string& name) {
    if (!body.has(name)) return std::nullopt;
    return body.optionalText(name);
}

// Whether the resident's key-safe code is kept (never the code itself: it is write-only).
Poco::Dynamic::Var keySafeJson(store::Connection& c, ResidentId resident) {
    const auto consent = warehouse::keySafeConsent(c, resident);
    if (!consent) return Poco::Dynamic::Var();
    auto json = jsonObject();
    json->set("consent_at", formatInstant(consent->consentAt));
    json->set("recorded_by", consent->recordedBy);
    return json;
}

Response readResident(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber});
    const std::string& text = request.pathParams["id"];
    const std::int64_t id = parsePathId(text, "no resident has the id " + text.substr(0, 40));
    auto json = app.db.write([&](store::Connection& c) {
        auto answer = residentJson(store::readResident(c, ResidentId(id), actor, app.now()));
        answer->set("key_safe", keySafeJson(c, ResidentId(id)));
        return answer;
    });
    return jsonResponse(200, json);
}

// A key-safe code given (with consent) is kept sealed; an empty code or consent withdrawn
// deletes it. Refused by name when the service has no secrets key to seal it with.
void changeKeySafe(store::Connection& c, App& app, const JsonFields& body, ResidentId resident,
                   const Actor& actor) {
    const auto code = fieldIfGiven(body, "key_safe_code");
    const auto consent = body.optionalBoolean("key_safe_consent");
    if ((code && code->empty()) || (!code && consent == false)) {
        warehouse::withdrawKeySafe(c, resident, actor.id, app.now());
        return;
    }
    if (!code) {
        if (consent) throw ValidationError("key_safe_code", "key_safe_code is required");
        return;
    }
    if (!app.secrets) {
        throw ValidationError("key_safe_code",
                              "this service keeps no key-safe codes: it was started without a "
                              "secrets key (--secrets-key-file)");
    }
    warehouse::recordKeySafe(c, resident, *code, consent.value_or(false), *app.secrets, actor,
                             app.now());
}

Response changeResident(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber, Role::admin});
    const std::string& text = request.pathParams["id"];
    const std::int64_t id = parsePathId(text, "no resident has the id " + text.substr(0, 40));
    app.db.read([&](store::Connection& c) {
        store::requireResidentChanger(c, ResidentId(id), actor);
        return 0;
    });
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"name", "address_line1", "town", "postcode", "phone", "access_notes", "email",
                    "mobile", "contact_channel", "language", "contact_name", "contact_relationship",
                    "key_safe_code", "key_safe_consent"});
    store::ResidentChanges changes;
    changes.name = fieldIfGiven(body, "name");
    changes.addressLine1 = fieldIfGiven(body, "address_line1");
    changes.town = fieldIfGiven(body, "town");
    changes.postcode = fieldIfGiven(body, "postcode");
    changes.phone = fieldIfGiven(body, "phone");
    changes.accessNotes = fieldIfGiven(body, "access_notes");
    changeContactFields(body, changes);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        auto answer =
            residentJson(store::changeResident(c, ResidentId(id), changes, actor, app.now()));
        changeKeySafe(c, app, body, ResidentId(id), actor);
        answer->set("key_safe", keySafeJson(c, ResidentId(id)));
        return jsonResponse(200, answer);
    });
}

ResidentId residentIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return ResidentId(parsePathId(text, "no resident has the id " + text.substr(0, 40)));
}

Poco::JSON::Array::Ptr referencesJson(const std::vector<std::string>& references) {
    auto list = jsonArray();
    for (const auto& r : references) list->add(r);
    return list;
}

Response recordDeath(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::prescriber, Role::admin});
    const ResidentId id = residentIdOf(request);
    app.db.read([&](store::Connection& c) {
        store::requireResidentChanger(c, id, actor);
        return 0;
    });
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"date"});
    const std::string date = body.text("date");
    const auto rules = collectionRulesOf(app.settings());
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto done =
            warehouse::recordDeath(c, id, date, actor, app.now(), app.workingDays(), rules);
        auto answer = jsonObject();
        answer->set("id", id.value());
        answer->set("deceased_on", done.date);
        answer->set("cancelled_orders", referencesJson(done.cancelledOrders));
        answer->set("out_for_delivery", referencesJson(done.outForDelivery));
        answer->set("collections", referencesJson(done.collections));
        answer->set("already_collecting", referencesJson(done.alreadyCollecting));
        answer->set("cancelled_visits", static_cast<std::int64_t>(done.cancelledVisits));
        return jsonResponse(200, answer);
    });
}

Poco::Dynamic::Var cellJson(const store::SqlValue& cell) {
    if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    return Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr rowJson(const store::RecordTable& table, std::size_t row) {
    auto json = jsonObject();
    for (std::size_t j = 0; j < table.columns.size(); ++j) {
        json->set(table.columns[j].name, cellJson(table.rows[row][j]));
    }
    return json;
}

Response subjectAccess(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const ResidentId id = residentIdOf(request);
    const auto found = app.db.write(
        [&](store::Connection& c) { return store::subjectAccess(c, id, actor, app.now()); });
    auto answer = jsonObject();
    answer->set("generated_at", formatInstant(app.now()));
    answer->set("resident", rowJson(found.details, 0));
    for (const auto& table : found.tables) {
        auto rows = jsonArray();
        for (std::size_t i = 0; i < table.rows.size(); ++i) rows->add(rowJson(table, i));
        answer->set(table.name, rows);
    }
    auto audit = jsonArray();
    for (const auto& e : found.audit) audit->add(auditEntryJson(e));
    answer->set("audit", audit);
    return jsonResponse(200, answer);
}

}  // namespace

void addResidentRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/residents",
               [&app](Request& r) { return registerResident(app, r); });
    router.add("GET", "/api/v1/residents", [&app](Request& r) { return findResidents(app, r); });
    router.add("GET", "/api/v1/residents/{id}",
               [&app](Request& r) { return readResident(app, r); });
    router.add("PATCH", "/api/v1/residents/{id}",
               [&app](Request& r) { return changeResident(app, r); });
    router.add("POST", "/api/v1/residents/{id}/deceased",
               [&app](Request& r) { return recordDeath(app, r); });
    router.add("GET", "/api/v1/residents/{id}/subject-access",
               [&app](Request& r) { return subjectAccess(app, r); });
}

}  // namespace ces::web
