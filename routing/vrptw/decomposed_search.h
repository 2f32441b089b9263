#pragma once
// A large problem on several threads: rather than each thread searching the whole problem and
// the best one kept, the threads improve disjoint parts of one plan at the same time, so their
// work adds up. In rounds, the routes are split into groups of neighbouring routes (a new split
// each round, around a job drawn at random), each thread searches its group's routes and nearby
// left-out jobs with its own vehicles, and the parts are put back together.
#include <cstdint>

#include "routing/vrptw/search.h"

namespace ces::routing {

/// From this many jobs a distance search on several threads is split into parts; below it the
/// threads race (a day's few hundred visits gain nothing from splitting).
inline constexpr std::size_t kDecomposeFromJobs = 1000;

/// Searches in rounds of `parts` threads until the budget's deadline (the budget must not count
/// iterations: rounds follow the clock).
SearchOutcome runDecomposed(const SearchContext& context, std::uint64_t seed,
                            const SearchBudget& budget, const Solution* start, unsigned parts);

}  // namespace ces::routing
