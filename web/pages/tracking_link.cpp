#include "web/pages/tracking_link.h"

#include "core/errors.h"

namespace ces::web {

void refuseIfTrackingBlocked(Site& site, const Request& request,
                             const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (int wait = trackingLimiterInForce(site.app).blockedFor(key, site.app.now()); wait > 0) {
            throw RateLimited(site.residentWords(request)("track_too_many_tries"), wait);
        }
    }
}

store::TrackingView orderByTrackingLink(Site& site, Request& request) {
    App& app = site.app;
    const std::string key = "ip:" + request.clientAddress;
    refuseIfTrackingBlocked(site, request, {key});
    const std::string token = request.pathParams["token"].substr(0, 200);
    auto view = app.db.read([&](store::Connection& c) { return store::trackByToken(c, token); });
    if (!view) {
        app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound(site.residentWords(request)("track_link_not_valid"));
    }
    if (view->closed) throw NotFound(site.residentWords(request)("track_closed"));
    return *view;
}

}  // namespace ces::web
