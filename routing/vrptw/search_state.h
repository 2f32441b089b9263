#pragma once
// What one search thread works on: routes with caches, and the jobs currently left out.
#include <cstdint>
#include <vector>

#include "routing/vrptw/objective.h"
#include "routing/vrptw/route_state.h"
#include "routing/vrptw/solution.h"

namespace ces::routing {

/// Insertions and local moves look first at the routes of a job's nearest jobs (granular
/// neighbourhoods, Toth & Vigo 2003): a place far from them seldom pays, and trying every route
/// made one iteration on a week of 150 van-days cost as much as a construction.
inline constexpr std::size_t kNearJobs = 40;

/// How many of a job's nearest jobs its neighbour list holds in order.
inline constexpr std::size_t kSortedNeighbours = 256;

/// Read-only data shared by all search threads.
struct SearchContext {
    /// Precomputes neighbour lists and the jobs that some vehicle could serve alone.
    SearchContext(const Problem& problem, Objective objective);

    const Problem& problem;  ///< the problem being solved
    Objective objective;     ///< ranking of solutions
    /// For each routable job: the job itself, then its nearest routable jobs, nearest first
    /// (kSortedNeighbours in all, fewer when fewer are routable).
    std::vector<std::vector<std::uint32_t>> neighbours;
    /// For each job, the jobs that have it among their kNearJobs nearest: the left-out jobs a
    /// route holding it is near.
    std::vector<std::vector<std::uint32_t>> nearOf;
    /// Jobs some vehicle can serve on its own; the others are reported unassigned up front.
    std::vector<std::size_t> routable;
    /// Distance from the nearest vehicle start to each job (recreate's "far first" order).
    std::vector<Distance> depotDistance;
    /// Latest window end of each job: no insertion after a departure later than this.
    std::vector<Time> lastEnd;
    /// A lower bound on the vans needed (load), so fleet minimisation knows when to stop.
    std::size_t vehicleLowerBound = 0;
};

/// Routes and currently unassigned routable jobs.
struct SearchState {
    std::vector<RouteState> routes;       ///< non-empty routes
    std::vector<std::size_t> unassigned;  ///< routable jobs not in any route

    /// The state's cost under the context's objective.
    [[nodiscard]] Cost cost(const SearchContext& context) const;
    /// Number of jobs in routes.
    [[nodiscard]] std::size_t routedJobs() const;
};

/// Cost of serving `job` alone with an unused vehicle (travel + fixed cost), if feasible.
std::optional<Distance> soloRouteCost(const Problem& problem, std::size_t vehicle, std::size_t job);

/// Why a job was left out, for the planner.
std::string unassignedReason(const Problem& problem, std::size_t job, bool routable);

/// The public form of a state; jobs that were never routable get their reasons.
Solution toSolution(const SearchContext& context, const SearchState& state);

}  // namespace ces::routing
