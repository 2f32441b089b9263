#include "web/pages/tracking_link.h"

#include "core/errors.h"

namespace ces::web {

store::TrackingView orderByTrackingLink(Site& site, Request& request) {
    App& app = site.app;
    const std::string key = "ip:" + request.clientAddress;
    if (int wait = trackingLimiterInForce(app).blockedFor(key, app.now()); wait > 0) {
        throw RateLimited(
            "You have tried too many times. Please wait 15 minutes, or call the person who "
            "ordered your equipment.",
            wait);
    }
    const std::string token = request.pathParams["token"].substr(0, 200);
    auto view = app.db.read([&](store::Connection& c) { return store::trackByToken(c, token); });
    if (!view) {
        app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound("This tracking link is not valid. Check it, or call us.");
    }
    if (view->closed) throw NotFound("This record is closed.");
    return *view;
}

}  // namespace ces::web
