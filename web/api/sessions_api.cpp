#include "core/store/admin/accounts.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/sign_in.h"

namespace ces::web {

namespace {

Response signIn(App& app, Request& request) {
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"username", "password"});
    const std::string username = body.text("username");
    const std::string password = body.text("password");
    if (username.size() > 100 || password.size() > 1000) {
        throw ValidationError("username", "username or password is too long");
    }
    const OpenedSession session = openSession(app, username, password);
    const Actor& actor = session.actor;
    auto user = jsonObject();
    user->set("id", actor.id.value());
    user->set("username", actor.username);
    user->set("name", actor.displayName);
    user->set("team", actor.team ? Poco::Dynamic::Var(actor.team->value()) : Poco::Dynamic::Var());
    auto answer = jsonObject();
    answer->set("token", session.token);
    answer->set("role", std::string(toString(actor.role)));
    answer->set("user", user);
    answer->set("password_change_required", session.passwordChangeRequired);
    Response response = jsonResponse(201, answer);
    response.headers.emplace_back("Set-Cookie",
                                  "ces_session=" + session.token +
                                      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                      std::to_string(session.lifetime.count()));
    return response;
}

Response signOut(App& app, Request& request) {
    requireActorBeforePasswordChange(app, request);
    std::string token = request.header("authorization");
    token = token.starts_with("Bearer ") ? token.substr(7) : request.cookie("ces_session");
    app.db.write([&](store::Connection& c) { store::deleteSession(c, token); });
    Response response;
    response.status = 204;
    response.headers.emplace_back("Set-Cookie",
                                  "ces_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return response;
}

}  // namespace

void addSessionRoutes(Router& router, App& app) {
    router.add("POST", "/api/v1/sessions", [&app](Request& r) { return signIn(app, r); });
    router.add("DELETE", "/api/v1/sessions", [&app](Request& r) { return signOut(app, r); });
}

}  // namespace ces::web
