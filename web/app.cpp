#include "web/app.h"

#include <algorithm>

#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/idempotency.h"
#include "web/http/errors.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

std::string sessionToken(const Request& request) {
    const std::string authorization = request.header("authorization");
    if (authorization.starts_with("Bearer ")) return authorization.substr(7);
    return request.cookie("ces_session");
}

}  // namespace

RateLimiter& trackingLimiterInForce(App& app) {
    const Settings settings = app.settings();
    app.trackingLimiter.setLimits(static_cast<std::size_t>(settings.trackingMaxFailures),
                                  std::chrono::minutes(settings.trackingWindowMinutes));
    return app.trackingLimiter;
}

namespace {

store::SessionUser sessionOf(App& app, const Request& request) {
    const std::string token = sessionToken(request);
    if (token.empty() || token.size() > 200) throw Unauthenticated("please sign in");
    auto session = app.db.read(
        [&](store::Connection& c) { return store::findSessionUser(c, token, app.now()); });
    if (!session) throw Unauthenticated("your session has ended; please sign in again");
    request.userId = session->actor.id.value();
    return *session;
}

}  // namespace

Actor requireActor(App& app, const Request& request) {
    store::SessionUser session = sessionOf(app, request);
    if (session.passwordChangeRequired) {
        throw PasswordChangeRequired(
            "you signed in with a one-time password: set a new password first "
            "(POST /api/v1/me/password)");
    }
    return session.actor;
}

Actor requireActorBeforePasswordChange(App& app, const Request& request) {
    return sessionOf(app, request).actor;
}

Actor requireRole(App& app, const Request& request, std::initializer_list<Role> roles) {
    Actor actor = requireActor(app, request);
    if (std::find(roles.begin(), roles.end(), actor.role) == roles.end()) {
        throw Forbidden("your role (" + std::string(toString(actor.role)) + ") may not do this");
    }
    return actor;
}

Response idempotentWrite(App& app, const Request& request, const Actor& actor,
                         const std::function<Response(store::Connection&)>& work) {
    const std::string key = request.header("idempotency-key");
    if (key.size() > 200) throw BadRequest("Idempotency-Key", "Idempotency-Key is too long");
    return app.db.write([&](store::Connection& c) {
        if (!key.empty()) {
            if (auto prior = store::findIdempotentAnswer(c, actor.id, key)) {
                if (prior->requestPath != request.method + " " + request.path) {
                    return errorBody(422, "validation",
                                     "this Idempotency-Key was used for another request",
                                     "Idempotency-Key");
                }
                Response replay;
                replay.status = prior->status;
                replay.body = prior->body;
                replay.headers.emplace_back("Idempotent-Replay", "true");
                return replay;
            }
        }
        Response response = work(c);
        if (!key.empty() && response.status < 300) {
            store::saveIdempotentAnswer(
                c, actor.id, key,
                {request.method + " " + request.path, response.status, response.body}, app.now());
        }
        return response;
    });
}

}  // namespace ces::web
