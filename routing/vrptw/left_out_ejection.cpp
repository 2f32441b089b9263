#include "routing/vrptw/left_out_ejection.h"

#include <algorithm>
#include <utility>

#include "routing/vrptw/ejection.h"
#include "routing/vrptw/job_stops.h"
#include "routing/vrptw/ruin_recreate.h"

namespace ces::routing {

namespace {

/// By vehicle: 1 for the routes that hold one of the job's nearest jobs.
std::vector<char> routesNear(const SearchState& state, const SearchContext& context,
                             const JobStops& stops, std::size_t job) {
    std::vector<char> near(context.problem.vehicles().size(), 0);
    const auto& neighbours = context.neighbours[job];
    const std::size_t count = std::min(neighbours.size(), kNearJobs + 1);
    for (std::size_t n = 1; n < count; ++n) {
        const int r = stops.route(neighbours[n]);
        if (r >= 0) {
            near[state.routes[static_cast<std::size_t>(r)].vehicle] = 1;
        }
    }
    return near;
}

}  // namespace

bool insertLeftOutByEjection(SearchState& state, const SearchContext& context, Rng& rng) {
    const auto& jobs = context.problem.jobs();
    std::vector<std::int64_t> penalty(jobs.size());
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        penalty[j] = jobs[j].priority + 1;  // what leaving it out costs
    }
    std::vector<std::size_t> leftOut = state.unassigned;
    for (std::size_t i = leftOut.size(); i > 1; --i) {
        std::swap(leftOut[i - 1], leftOut[rng.below(i)]);
    }
    RuinRecreateParameters besideNearest;
    besideNearest.blinkRate = 0;
    const std::vector<char> noRouteReopened(context.problem.vehicles().size(), 0);
    bool kept = false;
    Cost cost = state.cost(context);
    for (const std::size_t job : leftOut) {
        const JobStops stops(state, jobs.size());
        const auto near = routesNear(state, context, stops, job);
        std::optional<Ejection> ejection =
            bestEjection(state, context, job, penalty, kMostEjectedForLeftOut, &near);
        if (!ejection) {
            continue;
        }
        RouteState changed(context.problem, state.routes[ejection->route].vehicle,
                           std::move(ejection->jobs));
        if (!changed.feasible()) {
            continue;
        }
        SearchState candidate = state;
        candidate.routes[ejection->route] = std::move(changed);
        std::erase(candidate.unassigned, job);
        // The ejected go beside their nearest jobs; the other left-out jobs stay as they are.
        std::vector<std::size_t> others;
        others.swap(candidate.unassigned);
        recreate(candidate, context, besideNearest, rng, ejection->ejected, true, &noRouteReopened);
        candidate.unassigned.insert(candidate.unassigned.end(), others.begin(), others.end());
        const Cost candidateCost = candidate.cost(context);
        if (betterLevels(candidateCost, cost)) {
            state = std::move(candidate);
            cost = candidateCost;
            kept = true;
        }
    }
    return kept;
}

}  // namespace ces::routing
