#include "warehouse/van_sign_on.h"

#include "core/errors.h"
#include "core/settings.h"
#include "core/store/admin/organisation.h"
#include "core/store/dispatch/van_sign_ons.h"
#include "core/store/infrastructure/audit.h"

namespace ces::warehouse {

VanSignOn signOnToVan(store::Connection& c, const std::string& vanCode, const Actor& actor,
                      Instant now) {
    if (actor.role != Role::driver) throw Forbidden("only a driver signs on to a van");
    const auto day = ukDateOf(now);
    const auto van = store::vanRoutedOn(c, day, vanCode);
    if (!van) {
        if (!store::findVanEntry(c, vanCode)) throw NotFound("no van has the code " + vanCode);
        throw Conflict("no_route_today",
                       "van " + vanCode + " has no route in today's plan, so nobody drives it");
    }
    store::signOnVan(c, day, actor.id, *van, now);
    store::audit(c, actor.id, "van.sign_on", "van", vanCode, now,
                 "signed on for " + formatDate(day));
    VanSignOn signedOn{vanCode, day, {}};
    for (const auto& driver : store::driversOnVan(c, day, *van)) {
        signedOn.drivers.push_back(driver.name);
    }
    return signedOn;
}

bool onVanToday(store::Connection& c, UserId driver, VanId van, Instant now) {
    return store::vanSignedOn(c, ukDateOf(now), driver) == van;
}

}  // namespace ces::warehouse
