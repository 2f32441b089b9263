// People and access: the administrator adds users (each with a one-time password, shown once),
// lists, changes and switches them off, and resets passwords; everyone sets their own password.
#include <Poco/JSON/Parser.h>

#include "core/password_rules.h"
#include "core/store/admin/accounts.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

using Poco::Dynamic::Var;

Poco::JSON::Object::Ptr userJson(const store::UserRecord& user) {
    auto json = jsonObject();
    json->set("id", user.id.value());
    json->set("username", user.username);
    json->set("name", user.displayName);
    json->set("role", std::string(toString(user.role)));
    json->set("team_code", orNull(user.teamCode));
    json->set("team_name", user.team ? Var(user.teamName) : Var());
    json->set("email", orNull(user.email));
    json->set("active", user.active);
    json->set("password_change_required", user.passwordChangeRequired);
    json->set("created_at", formatInstant(user.createdAt));
    return json;
}

Role roleField(const std::string& text) {
    const auto role = parseRole(text);
    if (!role) {
        throw ValidationError("role",
                              "role must be one of prescriber, budget_holder, warehouse, "
                              "planner, driver, commissioner, admin");
    }
    return *role;
}

// The parsed body as an object, for the fields JsonFields does not read (booleans, nulls).
Poco::JSON::Object::Ptr objectOf(const std::string& body) {
    JsonFields::parse(body);  // BadRequest unless a JSON object
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

// A text field that may be left out (nothing), null or "" (set to none), or a text.
std::optional<std::optional<std::string>> clearableText(const Poco::JSON::Object::Ptr& object,
                                                        const std::string& name) {
    if (!object->has(name)) return std::nullopt;
    if (object->isNull(name)) return std::optional<std::string>{};
    const auto value = object->get(name);
    if (!value.isString()) throw BadRequest(name, name + " must be a string or null");
    const auto text = value.extract<std::string>();
    return text.empty() ? std::optional<std::string>{} : std::optional<std::string>(text);
}

UserId userIdOf(const Request& request) {
    return UserId(parsePathId(request.pathParams.at("id"), "no such user"));
}

Response list(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    store::UserQuery query;
    query.search = request.queryValue("q");
    if (query.search.size() > 100) throw ValidationError("q", "q is at most 100 characters");
    if (const auto role = request.queryValue("role"); !role.empty()) query.role = roleField(role);
    const auto page = pageRequest(request);
    const auto users =
        app.db.read([&](store::Connection& c) { return store::listUsers(c, query, page); });
    auto items = jsonArray();
    for (const auto& user : users.items) items->add(userJson(user));
    auto answer = jsonObject();
    answer->set("users", items);
    setNext(answer, request, users.next);
    return jsonResponse(200, answer);
}

Response add(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const auto object = objectOf(request.body);
    const JsonFields body(object, "");
    body.allowOnly({"username", "name", "role", "team_code", "email", "password"});
    store::NewUser user;
    user.username = body.text("username");
    user.displayName = body.text("name");
    user.role = roleField(body.text("role"));
    user.teamCode = clearableText(object, "team_code").value_or(std::nullopt);
    user.email = clearableText(object, "email").value_or(std::nullopt);
    const bool generated = !body.has("password");
    user.password = generated ? oneTimePassword() : body.text("password");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const UserId id = store::addUser(c, user, actor.id, app.now());
        auto answer = jsonObject();
        answer->set("id", id.value());
        answer->set("username", user.username);
        if (generated) answer->set("password", user.password);
        answer->set("password_change_required", true);
        return jsonResponse(201, answer);
    });
}

Response change(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const UserId id = userIdOf(request);
    const auto object = objectOf(request.body);
    const JsonFields body(object, "");
    body.allowOnly({"name", "role", "team_code", "email", "active"});
    store::UserChange change;
    if (body.has("name")) change.displayName = body.text("name");
    if (body.has("role")) change.role = roleField(body.text("role"));
    change.teamCode = clearableText(object, "team_code");
    change.email = clearableText(object, "email");
    change.active = body.optionalBoolean("active");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(200, userJson(store::changeUser(c, id, change, actor.id, app.now())));
    });
}

Response resetPassword(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const UserId id = userIdOf(request);
    const std::string password = oneTimePassword();
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::resetPassword(c, id, password, actor.id, app.now());
        auto answer = jsonObject();
        answer->set("id", id.value());
        answer->set("username", store::findUser(c, id).username);
        answer->set("password", password);
        answer->set("password_change_required", true);
        return jsonResponse(200, answer);
    });
}

Response changeOwnPassword(App& app, Request& request) {
    const Actor actor = requireActorBeforePasswordChange(app, request);
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"current_password", "new_password"});
    const std::string current = body.text("current_password");
    const std::string next = body.text("new_password");
    if (current.size() > kMaxPasswordLength) {
        throw ValidationError("current_password", "this is not your password now");
    }
    checkNewPassword(next, actor.username, "new_password");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        if (!store::isPassword(c, actor.id, current)) {
            throw ValidationError("current_password", "this is not your password now");
        }
        if (current == next) {
            throw ValidationError("new_password", "the new password must differ from the old");
        }
        store::changeOwnPassword(c, actor, next, app.now());
        auto answer = jsonObject();
        answer->set("password_change_required", false);
        return jsonResponse(200, answer);
    });
}

}  // namespace

void addUserRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/users", [&app](Request& r) { return list(app, r); });
    router.add("POST", "/api/v1/users", [&app](Request& r) { return add(app, r); });
    router.add("PATCH", "/api/v1/users/{id}", [&app](Request& r) { return change(app, r); });
    router.add("POST", "/api/v1/users/{id}/password-reset",
               [&app](Request& r) { return resetPassword(app, r); });
    router.add("POST", "/api/v1/me/password",
               [&app](Request& r) { return changeOwnPassword(app, r); });
}

}  // namespace ces::web
