// The admin's settings: every key with its value in force, default, unit, scheduled changes and
// history; a change is scheduled from a date (today or later), with a reason, and audited.
#include "core/errors.h"
#include "core/store/admin/settings.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Poco::JSON::Object::Ptr changeJson(const SettingChange& change) {
    auto json = jsonObject();
    json->set("value", change.value);
    json->set("effective_from", formatDate(change.effectiveFrom));
    json->set("set_by",
              change.setBy ? Poco::Dynamic::Var(change.setBy->value()) : Poco::Dynamic::Var());
    json->set("set_at", formatInstant(change.setAt));
    json->set("reason", change.reason);
    return json;
}

Poco::JSON::Array::Ptr changesJson(const std::vector<SettingChange>& changes) {
    auto array = jsonArray();
    for (const auto& change : changes) array->add(changeJson(change));
    return array;
}

Poco::JSON::Object::Ptr settingJson(const SettingKey& key, const SettingsHistory& history,
                                    const Settings& inForce, std::chrono::year_month_day today) {
    auto json = jsonObject();
    json->set("key", std::string(key.name));
    json->set("type", std::string(toString(key.type)));
    json->set("unit", std::string(key.unit));
    json->set("description", std::string(key.description));
    if (key.type == SettingType::integer || key.type == SettingType::decimal) {
        json->set("min", key.min);
        json->set("max", key.max);
    }
    json->set("value", formatSetting(inForce, key));
    json->set("default", formatSetting(Settings{}, key));
    const auto current = history.currentChange(key.name, today);
    json->set("in_force_since", current ? Poco::Dynamic::Var(formatDate(current->effectiveFrom))
                                        : Poco::Dynamic::Var());
    json->set("scheduled", changesJson(history.scheduled(key.name, today)));
    json->set("history", changesJson(history.historyOf(key.name)));
    return json;
}

Response list(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    const auto history = app.db.read([](store::Connection& c) { return store::loadSettings(c); });
    const auto today = ukDateOf(app.now());
    const Settings inForce = history.inForceOn(today);
    auto items = jsonArray();
    for (const auto& key : settingKeys()) items->add(settingJson(key, history, inForce, today));
    auto answer = jsonObject();
    answer->set("today", formatDate(today));
    answer->set("settings", items);
    return jsonResponse(200, answer);
}

// The value may be sent as a JSON string or, for a whole number, as a number.
std::string valueOf(const JsonFields& body) {
    try {
        return body.text("value");
    } catch (const BadRequest&) {
        return std::to_string(body.integer("value"));
    }
}

Response change(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"key", "value", "effective_from", "reason"});
    SettingChange change;
    change.key = body.text("key");
    change.value = valueOf(body);
    const std::string from = body.text("effective_from");
    const auto date = parseDate(from);
    if (!date) throw ValidationError("effective_from", "a date as YYYY-MM-DD");
    change.effectiveFrom = *date;
    change.reason = body.text("reason");
    change.setBy = actor.id;
    change.setAt = app.now();
    Response answer = idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::addSettingChange(c, change);
        const auto history = store::loadSettings(c);
        const auto today = ukDateOf(change.setAt);
        return jsonResponse(201, settingJson(*findSettingKey(change.key), history,
                                             history.inForceOn(today), today));
    });
    app.settingsCache.forget();
    return answer;
}

}  // namespace

void addSettingsRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/settings", [&app](Request& r) { return list(app, r); });
    router.add("POST", "/api/v1/settings", [&app](Request& r) { return change(app, r); });
}

}  // namespace ces::web
