#pragma once
// Putting one more job into routes already on the road: the stops a van has done or is driving
// to stay as they are, the rest may make room; a delivery for a van that has left its depot
// takes it back there to load first. Booked slots may be broken only when the caller allows it
// (the planner confirms), and then as few as possible.
#include <cstddef>
#include <optional>
#include <vector>

#include "routing/vrptw/problem.h"

namespace ces::warehouse {

/// One van's route as the day stands, in the problem's jobs and times.
struct RouteOnRoad {
    std::size_t vehicle = 0;
    std::vector<std::size_t> jobs;       ///< Every stop, in order.
    std::vector<char> loadAtDepotFirst;  ///< Per stop: the van calls at its depot before it.
    std::size_t fixed = 0;               ///< Leading stops done or under way: they stay.
    std::size_t anchorLocation = 0;      ///< Where the van is after its fixed stops.
    double anchorDeparture = 0;          ///< When it can leave there.
    bool leftDepot = false;              ///< A delivery needs a call at the depot to load.
};

/// A job's place in one route and the times that follow from it.
struct InsertionChoice {
    std::size_t route = 0;     ///< Index into the routes given.
    std::size_t position = 0;  ///< Stops before it on the route (fixed ones included).
    bool loadAtDepotFirst = false;
    double start = 0;             ///< When the new job's service starts.
    double addedDistance = 0;     ///< Distance the route grows by.
    int slotsBroken = 0;          ///< Stops served outside every window of theirs.
    std::vector<double> arrival;  ///< Per stop of the new route (new job included).
    std::vector<double> serviceStart;
    std::vector<double> departure;
    double distance = 0;  ///< The whole new route, depot to depot.
    double end = 0;       ///< Back at the depot.
};

/// What may give way to fit the job.
struct InsertionRules {
    /// By job: its windows are a booked slot the planner may agree to break.
    std::vector<char> softWindows;
    /// Breaking soft windows allowed (fewest broken first); otherwise every window holds.
    bool allowBrokenSlots = false;
    /// Earliest start first (an emergency), else least added distance.
    bool soonest = false;
    double loadSeconds = 15 * 60;  ///< Time at the depot to load.
};

/// When service of `job` starts for an arrival at `arrival`: at once, or when its next window
/// opens; none when every window has closed.
std::optional<double> serviceStart(const routing::Job& job, double arrival);

/// The best place for `job` over `routes`, or none when no van can take it (its skills, its
/// depot, its window, a shift, van space).
std::optional<InsertionChoice> bestInsertion(const routing::Problem& problem,
                                             const std::vector<RouteOnRoad>& routes,
                                             std::size_t job, const InsertionRules& rules);

/// The route's own times as they now run (nothing inserted), for comparison.
InsertionChoice currentTimes(const routing::Problem& problem, const RouteOnRoad& route,
                             const InsertionRules& rules);

}  // namespace ces::warehouse
