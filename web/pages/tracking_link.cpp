#include "web/pages/tracking_link.h"

#include "core/errors.h"
#include "web/pages/page_language.h"

namespace ces::web {

store::TrackingView orderByTrackingLink(Site& site, Request& request) {
    App& app = site.app;
    const std::string key = "ip:" + request.clientAddress;
    if (int wait = trackingLimiterInForce(app).blockedFor(key, app.now()); wait > 0) {
        throw RateLimited(site.words.text(residentLanguage(request), "track_too_many_tries"), wait);
    }
    const std::string token = request.pathParams["token"].substr(0, 200);
    auto view = app.db.read([&](store::Connection& c) { return store::trackByToken(c, token); });
    if (!view) {
        app.trackingLimiter.recordFailure(key, app.now());
        throw NotFound(site.words.text(residentLanguage(request), "track_link_not_valid"));
    }
    if (view->closed) throw NotFound(site.words.text(residentLanguage(request), "track_closed"));
    return *view;
}

}  // namespace ces::web
