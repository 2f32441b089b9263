#pragma once
// The solver's entry point: problem in, plan out.
#include <chrono>
#include <cstdint>

#include "routing/vrptw/objective.h"
#include "routing/vrptw/solution.h"

namespace ces::routing {

/// How long and how to search.
struct SolveOptions {
    std::chrono::milliseconds timeLimit{10000};  ///< wall-clock limit for the whole solve
    std::uint64_t seed = 1;                      ///< same seed, same iterations: same answer
    /// Independent searches with seeds derived from `seed`, the best kept; a distance search of
    /// kDecomposeFromJobs jobs or more on the clock splits one plan among them instead
    /// (decomposed_search.h).
    unsigned threads = 1;
    Objective objective = Objective::vehiclesThenDistance;  ///< ranking of solutions
    /// Iterations per thread; 0 means "until the time limit". With a count the search follows
    /// iterations rather than the clock, so the answer is the same on any machine (the time limit
    /// still stops it).
    std::uint64_t iterations = 0;
    /// A plan to start from (its routes kept as they are, the rest inserted greedily) instead of
    /// building one: a second search on the same jobs and vehicles with wider windows.
    const Solution* start = nullptr;
};

/// A plan and how it was found.
struct SolveResult {
    Solution solution;                         ///< routes and unassigned jobs with reasons
    std::size_t vehicles = 0;                  ///< vans used
    Distance distance{};                       ///< travel cost, summed route by route
    std::uint64_t iterations = 0;              ///< ruin-and-recreate iterations over all threads
    std::chrono::milliseconds bestFoundAt{0};  ///< when the returned plan was found
};

/// Solves; never returns a route that breaks a rule (jobs that cannot fit are unassigned).
/// Throws InputError for a bad option (zero threads).
SolveResult solve(const Problem& problem, const SolveOptions& options = {});

}  // namespace ces::routing
