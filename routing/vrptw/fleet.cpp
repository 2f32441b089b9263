#include "routing/vrptw/fleet.h"

#include <algorithm>
#include <vector>

#include "routing/vrptw/ejection.h"

namespace ces::routing {

namespace {

/// Cheapest feasible insertion of `job` into the existing routes; false when there is none.
bool insertCheapest(SearchState& state, const SearchContext& context, std::size_t job) {
    const Placement best = cheapestPlacement(state, context, job, nullptr, 0);
    if (best.route == state.routes.size()) {
        return false;
    }
    state.routes[best.route].insert(context.problem, best.position, job);
    return true;
}

/// Shakes a complete state with ruin-and-recreate moves that keep every job routed.
void perturb(SearchState& state, const SearchContext& context, const FleetParameters& fleet,
             const RuinRecreateParameters& params, Rng& rng, RuinWorkspace& work) {
    std::vector<std::size_t> removed;
    for (std::size_t i = 0; i < fleet.perturbations; ++i) {
        SearchState candidate = state;
        removed.clear();
        ruin(candidate, context, params, rng, work, removed);
        recreate(candidate, context, params, rng, removed, false);
        if (candidate.unassigned.empty() && candidate.routes.size() == state.routes.size()) {
            state = std::move(candidate);
        }
    }
}

/// One attempt to empty a van: true when `state` (complete) now has one route fewer.
bool removeOneRoute(SearchState& state, const SearchContext& context, const FleetParameters& fleet,
                    const RuinRecreateParameters& params, Rng& rng,
                    const std::function<bool(std::uint64_t)>& keepGoing, std::uint64_t& iteration) {
    const Problem& problem = context.problem;
    const std::size_t victim = rng.below(state.routes.size());
    std::vector<std::size_t> pool = state.routes[victim].jobs;
    state.routes.erase(state.routes.begin() + static_cast<std::ptrdiff_t>(victim));
    std::vector<std::int64_t> penalty(problem.jobs().size(), 1);
    RuinWorkspace work;
    while (!pool.empty()) {
        if (!keepGoing(iteration)) {
            return false;
        }
        ++iteration;
        const std::size_t job = pool.back();
        pool.pop_back();
        if (insertCheapest(state, context, job)) {
            continue;
        }
        ++penalty[job];
        std::optional<Ejection> ejection =
            bestEjection(state, context, job, penalty, fleet.maxEjected);
        if (ejection) {
            RouteState candidate(problem, state.routes[ejection->route].vehicle,
                                 std::move(ejection->jobs));
            if (candidate.feasible()) {
                state.routes[ejection->route] = std::move(candidate);
                pool.insert(pool.end(), ejection->ejected.begin(), ejection->ejected.end());
            } else {
                pool.insert(pool.begin(), job);
            }
        } else {
            pool.insert(pool.begin(), job);
        }
        perturb(state, context, fleet, params, rng, work);
    }
    return true;
}

}  // namespace

SearchState minimiseFleet(const SearchContext& context, const FleetParameters& fleet,
                          const RuinRecreateParameters& params, Rng& rng, SearchState best,
                          const std::function<bool(std::uint64_t)>& keepGoing,
                          std::uint64_t& iteration) {
    if (!best.unassigned.empty()) {
        return best;
    }
    while (best.routes.size() > context.vehicleLowerBound && keepGoing(iteration)) {
        SearchState state = best;
        if (!removeOneRoute(state, context, fleet, params, rng, keepGoing, iteration)) {
            break;
        }
        best = std::move(state);
    }
    return best;
}

}  // namespace ces::routing
