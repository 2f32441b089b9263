#pragma once
// Changing one van's route of a stored day plan while the day runs: what drivers have recorded
// so far, and a route written back with a visit put in.
#include <chrono>
#include <map>

#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// When each visit planned on `day` had its outcome recorded.
std::map<VisitId, Instant> outcomeTimes(Connection& c, std::chrono::year_month_day day);

/// Writes `route` as the van's route on `day` in place of the one stored (a van without one
/// joins the plan): its stops in order, pending visits among them planned on the van, and the
/// plan's van count and distance made up again. Visits already on the route or done keep their
/// state; Conflict("visit_changed") when a stop is neither on the route nor pending.
void replaceRoute(Connection& c, std::chrono::year_month_day day, const PlannedRoute& route);

}  // namespace ces::store
