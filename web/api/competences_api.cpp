// Prescriber competence: the list the admin keeps, each prescriber's competences with expiry
// dates (granted, renewed, withdrawn by the admin, every change audited) and those expiring soon.
#include "core/store/admin/accounts.h"
#include "core/store/admin/competences.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

constexpr std::int64_t kMostDaysAhead = 366;

Poco::JSON::Object::Ptr grantedJson(const store::GrantedCompetence& g) {
    auto json = jsonObject();
    json->set("user_id", g.user.value());
    json->set("username", g.username);
    json->set("name", g.userName);
    json->set("competence", g.code);
    json->set("expires_on", formatDate(g.expiresOn));
    json->set("granted_at", formatInstant(g.grantedAt));
    json->set("granted_by", g.grantedBy);
    return json;
}

Poco::JSON::Object::Ptr grantedList(const std::vector<store::GrantedCompetence>& granted) {
    auto list = jsonArray();
    for (const auto& g : granted) list->add(grantedJson(g));
    auto answer = jsonObject();
    answer->set("competences", list);
    return answer;
}

UserId userIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return UserId(parsePathId(text, "no user has the id " + text.substr(0, 40)));
}

Response listAll(App& app, Request& request) {
    requireRole(app, request, {Role::admin, Role::prescriber, Role::budget_holder});
    const auto competences =
        app.db.read([](store::Connection& c) { return store::listCompetences(c); });
    auto list = jsonArray();
    for (const auto& competence : competences) {
        auto json = jsonObject();
        json->set("code", competence.code);
        json->set("name", competence.name);
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("competences", list);
    return jsonResponse(200, answer);
}

Response add(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"code", "name"});
    const store::Competence competence{body.text("code"), body.text("name")};
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::addCompetence(c, competence, actor, app.now());
        auto answer = jsonObject();
        answer->set("code", competence.code);
        answer->set("name", competence.name);
        return jsonResponse(201, answer);
    });
}

Response ofUser(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    const UserId user = userIdOf(request);
    return jsonResponse(200, grantedList(app.db.read([&](store::Connection& c) {
                            store::findUser(c, user);  // NotFound for an unknown user
                            return store::competencesOf(c, user);
                        })));
}

Response grant(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const UserId user = userIdOf(request);
    const std::string code = request.pathParams["code"].substr(0, 60);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"expires_on"});
    const auto expiresOn = parseDate(body.text("expires_on"));
    if (!expiresOn)
        throw ValidationError("expires_on", "expires_on must be a date like 2027-06-30");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::grantCompetence(c, user, code, *expiresOn, actor, app.now());
        return jsonResponse(200, grantedList(store::competencesOf(c, user)));
    });
}

Response withdraw(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const UserId user = userIdOf(request);
    const std::string code = request.pathParams["code"].substr(0, 60);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        if (!store::withdrawCompetence(c, user, code, actor, app.now())) {
            throw NotFound("user " + std::to_string(user.value()) + " does not hold " + code);
        }
        return jsonResponse(200, grantedList(store::competencesOf(c, user)));
    });
}

Response expiring(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    const std::string daysText = request.queryValue("days");
    const auto days = daysText.empty() ? std::optional<std::int64_t>(30) : plainDecimal(daysText);
    if (!days || *days < 0 || *days > kMostDaysAhead) {
        throw ValidationError("days", "days must be a whole number from 0 to 366");
    }
    const auto today = ukDateOf(app.now());
    const auto until =
        std::chrono::year_month_day(std::chrono::sys_days(today) + std::chrono::days(*days));
    auto answer = grantedList(app.db.read(
        [&](store::Connection& c) { return store::competencesExpiring(c, today, until); }));
    answer->set("from", formatDate(today));
    answer->set("until", formatDate(until));
    return jsonResponse(200, answer);
}

}  // namespace

void addCompetenceRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/competences", [&app](Request& r) { return listAll(app, r); });
    router.add("POST", "/api/v1/competences", [&app](Request& r) { return add(app, r); });
    router.add("GET", "/api/v1/competences/expiring",
               [&app](Request& r) { return expiring(app, r); });
    router.add("GET", "/api/v1/users/{id}/competences",
               [&app](Request& r) { return ofUser(app, r); });
    router.add("PUT", "/api/v1/users/{id}/competences/{code}",
               [&app](Request& r) { return grant(app, r); });
    router.add("DELETE", "/api/v1/users/{id}/competences/{code}",
               [&app](Request& r) { return withdraw(app, r); });
}

}  // namespace ces::web
