#include "core/credentials.h"
#include "core/store/admin/accounts.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/policies.h"

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
    const auto signedIn = app.db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, password); });
    if (!signedIn) throw Unauthenticated("the user name or password is not right");
    const Actor& actor = signedIn->actor;
    const std::string token = randomHex(32);
    const Instant now = app.now();
    const auto lifetime = sessionLifetimeOf(app.settings());
    app.db.write([&](store::Connection& c) {
        store::createSession(c, *signedIn, token, now, now + lifetime);
    });
    auto user = jsonObject();
    user->set("id", actor.id.value());
    user->set("username", actor.username);
    user->set("name", actor.displayName);
    user->set("team", actor.team ? Poco::Dynamic::Var(actor.team->value()) : Poco::Dynamic::Var());
    auto answer = jsonObject();
    answer->set("token", token);
    answer->set("role", std::string(toString(actor.role)));
    answer->set("user", user);
    Response response = jsonResponse(201, answer);
    response.headers.emplace_back(
        "Set-Cookie", "ces_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                          std::to_string(std::chrono::seconds(lifetime).count()));
    return response;
}

Response signOut(App& app, Request& request) {
    requireActor(app, request);
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
