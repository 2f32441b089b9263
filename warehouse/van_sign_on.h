#pragma once
// A driver starts the day by signing on to the van they drive: the crew of a van is then known
// by name, and what only the van's crew may see (a stop's key-safe code) is theirs alone.
#include <chrono>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

struct VanSignOn {
    std::string van;
    std::chrono::year_month_day day;
    std::vector<std::string> drivers;  ///< Everyone on the van that day, the actor included.
};

/// Signs the driver on to van `vanCode` for today (UK date of `now`), off any other van that day:
/// Forbidden unless a driver, NotFound for an unknown van, Conflict `no_route_today` when today's
/// plan gives the van no route. Audited.
VanSignOn signOnToVan(store::Connection& c, const std::string& vanCode, const Actor& actor,
                      Instant now);

/// Whether `driver` signed on to `van` for the UK date of `now`.
bool onVanToday(store::Connection& c, UserId driver, VanId van, Instant now);

}  // namespace ces::warehouse
