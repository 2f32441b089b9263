#pragma once
// What one search thread works on: routes with caches, and the jobs currently left out.
#include <cstdint>
#include <vector>

#include "routing/vrptw/objective.h"
#include "routing/vrptw/route_state.h"
#include "routing/vrptw/solution.h"

namespace ces::routing {

/// Read-only data shared by all search threads.
struct SearchContext {
    /// Precomputes neighbour lists and the jobs that some vehicle could serve alone.
    SearchContext(const Problem& problem, Objective objective);

    const Problem& problem;  ///< the problem being solved
    Objective objective;     ///< ranking of solutions
    /// For each job, all routable jobs nearest first (the job itself first).
    std::vector<std::vector<std::uint32_t>> neighbours;
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
