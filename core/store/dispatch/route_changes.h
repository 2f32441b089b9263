#pragma once
// Changing one van's route of a stored day plan while the day runs: what drivers have recorded
// so far, and a route written back with a visit put in.
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// When each visit planned on `day` had its outcome recorded.
std::map<VisitId, Instant> outcomeTimes(Connection& c, std::chrono::year_month_day day);

/// Writes the rows of one van's route on `date` (its stops in order); the caller plans the visits.
void writeRoute(Connection& c, const std::string& date, const PlannedRoute& route);

/// Writes `route` as the van's route on `day` in place of the one stored (a van without one
/// joins the plan): its stops in order, pending visits among them planned on the van, and the
/// plan's van count and distance made up again. Visits already on the route or done keep their
/// state; Conflict("visit_changed") when a stop is neither on the route nor pending.
void replaceRoute(Connection& c, std::chrono::year_month_day day, const PlannedRoute& route);

/// Puts a pending visit on `day` (on `van` when given) with no stored route: the record of a
/// visit made before plans were kept (the demo's year of history).
void markVisitPlanned(Connection& c, VisitId visit, std::chrono::year_month_day day,
                      std::optional<VanId> van);

}  // namespace ces::store
