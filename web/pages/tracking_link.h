#pragma once
// Resident pages reached through a tracking link (/track/{token}/...).
#include <string>
#include <vector>

#include "core/store/orders/tracking.h"
#include "web/pages/site.h"

namespace ces::web {

/// Throws RateLimited, in the resident's words, while any of `keys` ("ip:ADDRESS",
/// "ref:REFERENCE") has had too many failed tries.
void refuseIfTrackingBlocked(Site& site, const Request& request,
                             const std::vector<std::string>& keys);

/// The order behind the `{token}` of the request's path. Wrong tokens count against the
/// caller's address like wrong tracking details, so links cannot be guessed: throws
/// RateLimited once blocked, NotFound for a token that matches no order.
store::TrackingView orderByTrackingLink(Site& site, Request& request);

}  // namespace ces::web
