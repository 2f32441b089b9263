#include "web/sign_in.h"

#include <algorithm>

#include "core/credentials.h"
#include "core/store/admin/accounts.h"
#include "web/policies.h"

namespace ces::web {

namespace {

// One count for a name however it is typed.
std::string lockKey(const std::string& username) {
    std::string key = username;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return key;
}

}  // namespace

std::string lockedMessage(int retryAfterSeconds) {
    const int minutes = std::max(1, (retryAfterSeconds + 59) / 60);
    return "too many failed sign-ins for this user name; try again in " + std::to_string(minutes) +
           (minutes == 1 ? " minute" : " minutes");
}

OpenedSession openSession(App& app, const std::string& username, const std::string& password) {
    const std::string key = lockKey(username);
    if (const int wait = app.signInLimiter.blockedFor(key, app.now()); wait > 0) {
        throw RateLimited(lockedMessage(wait), wait);
    }
    const auto signedIn = app.db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, password); });
    if (!signedIn) {
        app.signInLimiter.recordFailure(key, app.now());
        throw Unauthenticated("the user name or password is not right");
    }
    app.signInLimiter.forget(key);
    OpenedSession session{signedIn->actor, randomHex(32),
                          std::chrono::seconds(sessionLifetimeOf(app.settings())),
                          signedIn->passwordChangeRequired};
    const Instant now = app.now();
    app.db.write([&](store::Connection& c) {
        store::createSession(c, *signedIn, session.token, now, now + session.lifetime);
    });
    return session;
}

}  // namespace ces::web
