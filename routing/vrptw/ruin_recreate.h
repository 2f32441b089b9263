#pragma once
// Slack Induction by String Removals (Christiaens & Vanden Berghe, 2020): remove short strings of
// neighbouring jobs from a few routes, then reinsert them greedily with "blinks".
#include <cstddef>
#include <vector>

#include "routing/vrptw/rng.h"
#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Tuning of ruin and recreate; defaults are the paper's.
struct RuinRecreateParameters {
    double averageRemoved = 10;   ///< c-bar: average jobs removed per ruin
    double maxStringLength = 10;  ///< L-max: longest string taken from one route
    double splitRate = 0.5;       ///< share of ruins that keep a substring inside the string
    double splitDepth = 0.01;     ///< chance to stop growing the kept substring per step
    double blinkRate = 0.01;      ///< chance to skip an insertion position
    /// Share of ruins, while jobs are left out, that start at a left-out job: they free room
    /// around the jobs that have none.
    double unassignedSeedRate = 0.25;
};

/// Scratch space reused between iterations of one thread.
struct RuinWorkspace {
    std::vector<int> routeOf;       ///< route index of each job, -1 when not routed
    std::vector<char> ruinedRoute;  ///< routes already cut this ruin
    std::vector<char> removed;      ///< jobs removed this ruin
    /// By vehicle: 1 when its route lost jobs this ruin (the only routes with new room).
    std::vector<char> reopened;
};

/// A place for a job in the existing routes and what it adds to the cost.
struct Placement {
    Distance cost = kInfiniteDistance;  ///< added travel; kInfiniteDistance when none was found
    std::size_t route = 0;              ///< index into SearchState::routes; routes.size() if none
    std::size_t position = 0;           ///< stops before the job on that route
};

/// The cheapest feasible placement of `job` in the state's routes (ties: the first found). With
/// `blinks`, each position reached is skipped with probability `blinkRate` (one draw each). With
/// `open` (by vehicle), only the routes of vehicles marked 1 are tried.
Placement cheapestPlacement(const SearchState& state, const SearchContext& context, std::size_t job,
                            Rng* blinks, double blinkRate, const std::vector<char>* open = nullptr);

/// Removes strings of jobs around a seed job (a routed one, or now and then a left-out one);
/// appends the removed jobs to `removed` and marks their vehicles in `work.reopened`.
void ruin(SearchState& state, const SearchContext& context, const RuinRecreateParameters& params,
          Rng& rng, RuinWorkspace& work, std::vector<std::size_t>& removed);

/// Inserts `removed` and the state's unassigned jobs at their cheapest feasible positions, in a
/// randomly chosen order; opens unused vehicles when allowed; leaves the rest unassigned. Places
/// are looked for right beside a job's nearest jobs (granular), then anywhere when none is found.
/// With `reopened` (by vehicle, the routes a ruin cut), also anywhere in those routes and never
/// elsewhere; the state's unassigned jobs are tried only there (and in routes opened here), and
/// only when such a route holds one of their nearest jobs: no other route has gained room since
/// they last failed to fit, and retrying every left-out job everywhere made each iteration cost
/// as much as a construction.
void recreate(SearchState& state, const SearchContext& context,
              const RuinRecreateParameters& params, Rng& rng, std::vector<std::size_t> removed,
              bool allowNewRoutes, const std::vector<char>* reopened = nullptr);

}  // namespace ces::routing
