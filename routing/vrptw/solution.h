#pragma once
// A plan: one route per used vehicle, and the jobs left out with the reason why.
#include <cstddef>
#include <string>
#include <vector>

#include "routing/vrptw/problem.h"

namespace ces::routing {

/// The jobs one vehicle serves, in order (depots implied at both ends).
struct Route {
    std::size_t vehicle = 0;        ///< index into Problem::vehicles()
    std::vector<std::size_t> jobs;  ///< indices into Problem::jobs(), in visiting order
};

/// A job no vehicle could take, with a reason a planner can act on.
struct UnassignedJob {
    std::size_t job = 0;  ///< index into Problem::jobs()
    std::string reason;   ///< e.g. "no vehicle has the required skills"
};

/// The solver's answer.
struct Solution {
    std::vector<Route> routes;              ///< non-empty routes, one per used vehicle
    std::vector<UnassignedJob> unassigned;  ///< jobs left out
};

/// One visit on a route's earliest schedule (leave the depot at shift start, wait when early).
struct Stop {
    std::size_t job = 0;  ///< index into Problem::jobs()
    Time arrival{};       ///< arrival on site
    Time start{};         ///< service start (after any wait for the window)
    Time departure{};     ///< start + service
    Load loadAfter = 0;   ///< load on board when leaving
};

/// Earliest schedule of a route; times past a window are reported as they fall (check() judges).
std::vector<Stop> schedule(const Problem& problem, const Route& route);

/// Load on board when leaving the depot: every delivery of the route.
Load startLoad(const Problem& problem, const Route& route);

/// Travel cost of one route, depot to depot, summed in visiting order.
Distance routeDistance(const Problem& problem, const Route& route);

/// Travel cost of all routes, summed in route order.
Distance totalDistance(const Problem& problem, const Solution& solution);

}  // namespace ces::routing
