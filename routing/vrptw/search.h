#pragma once
// One search thread: construction, fleet minimisation (guided ejection search, fleet.h), then
// simulated-annealing ruin-and-recreate with local search on each new best.
#include <chrono>
#include <cstdint>

#include "routing/vrptw/ruin_recreate.h"
#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// When a search stops, and how it spends its budget.
struct SearchBudget {
    std::chrono::steady_clock::time_point start;     ///< when solving began
    std::chrono::steady_clock::time_point deadline;  ///< hard stop
    /// Iterations to run; 0 means "until the deadline". With a count, the schedule (temperature,
    /// phase switch) follows iterations, so a seed gives the same answer on any machine.
    std::uint64_t iterations = 0;
    /// Share of the budget given to removing vans (vehicles-then-distance only).
    double fleetShare = 0.5;
    /// When set (annealTo after annealFrom), the annealing temperature follows the clock from
    /// annealFrom to annealTo rather than this search's own span: searches one after another
    /// on parts of a problem (decomposed_search.h) then cool as one search would.
    std::chrono::steady_clock::time_point annealFrom{};
    std::chrono::steady_clock::time_point annealTo{};
};

/// Result of one thread.
struct SearchOutcome {
    SearchState best;                          ///< best state found
    std::uint64_t iterations = 0;              ///< ruin-and-recreate iterations run
    std::chrono::milliseconds bestFoundAt{0};  ///< when the best state was found
};

/// Greedy insertion of every routable job, opening vans as needed.
SearchState construct(const SearchContext& context, Rng& rng);

/// `start`'s routes, then greedy insertion of every other routable job.
SearchState constructFrom(const SearchContext& context, const Solution& start, Rng& rng);

/// Runs one complete search from a seed (from `start` when given).
SearchOutcome runSearch(const SearchContext& context, std::uint64_t seed,
                        const SearchBudget& budget, const Solution* start = nullptr);

}  // namespace ces::routing
