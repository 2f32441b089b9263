#pragma once
// Insertion with ejection (Nagata & Bräysy 2009): put a job into a route that has no room for it
// by taking out a few other jobs, choosing the set whose penalties (how often each job could not
// be placed) sum to the least.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// One way to insert a job by ejecting others from the same route.
struct Ejection {
    std::size_t route = 0;             ///< index into SearchState::routes
    std::vector<std::size_t> jobs;     ///< the route's new job order, the inserted job included
    std::vector<std::size_t> ejected;  ///< jobs taken out
    std::int64_t penalty = 0;          ///< sum of the ejected jobs' penalties
};

/// The feasible insertion of `job` ejecting at most `maxEjected` jobs from one route with the least
/// penalty sum (ties: the first found); nullopt when none exists. `penalty` is indexed by job.
/// With `among` (by vehicle), only the routes of vehicles marked 1 are tried.
std::optional<Ejection> bestEjection(const SearchState& state, const SearchContext& context,
                                     std::size_t job, const std::vector<std::int64_t>& penalty,
                                     std::size_t maxEjected,
                                     const std::vector<char>* among = nullptr);

}  // namespace ces::routing
