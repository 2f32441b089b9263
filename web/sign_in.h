#pragma once
// Signing in, the same for the API and the pages: the user name's failed tries are counted and
// lock it for a while, a right password opens a session.
#include <chrono>
#include <string>

#include "web/app.h"

namespace ces::web {

/// A session just opened.
struct OpenedSession {
    Actor actor;
    std::string token;  ///< Given to the client once; only its hash is stored.
    std::chrono::seconds lifetime;
    bool passwordChangeRequired = false;  ///< Opened with a one-time password.
};

/// Checks the user name and password and opens a session. RateLimited while the user name is
/// locked (app.signInLimiter: 5 failures in 15 minutes), even for the right password;
/// Unauthenticated for an unknown name, a wrong password or a switched-off user (counted).
OpenedSession openSession(App& app, const std::string& username, const std::string& password);

/// The message of a locked user name, "... in N minutes".
std::string lockedMessage(int retryAfterSeconds);

}  // namespace ces::web
