#pragma once
// A van's day as it runs: its stops in order with what the plan said, what drivers recorded and
// the latest estimate of when the crew starts at each stop still to come.
#include <chrono>
#include <map>
#include <optional>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"
#include "core/visits.h"

namespace ces::store {

/// One stop of a van's day.
struct RunningStop {
    VisitId visit;
    int plannedArrival = 0;  ///< Seconds after local midnight, as planned.
    int plannedStart = 0;
    int plannedDeparture = 0;
    std::optional<int> estimatedStart;  ///< The latest estimate, once the day has moved.
    std::optional<int> toldStart;       ///< The start of the window the resident was last told.
    VisitStatus status = VisitStatus::planned;
    std::optional<Instant> completedAt;  ///< When the outcome was recorded.

    int expectedStart() const { return estimatedStart.value_or(plannedStart); }
};

/// The van and day a planned visit is on, and that van's stops in order; nullopt when the visit
/// is not on a stored route.
struct VanDay {
    std::chrono::year_month_day date;
    VanId van;
    std::vector<RunningStop> stops;
};
std::optional<VanDay> vanDayOf(Connection& c, VisitId visit);

/// Every van's stops on `date`, by van.
std::map<VanId, std::vector<RunningStop>> vanDays(Connection& c, std::chrono::year_month_day date);

/// Stores a stop's new estimate (and, when given, the start the resident has now been told).
void setStopEstimate(Connection& c, std::chrono::year_month_day date, VisitId visit,
                     int estimatedStart, std::optional<int> toldStart);

}  // namespace ces::store
