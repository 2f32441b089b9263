#pragma once
// Descent with two neighbourhoods, applied to each new best state: 2-opt* (swap route tails) and
// relocate (move one job to another route), each tried only towards a job's nearest jobs.
#include <chrono>
#include <vector>

#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Applies improving 2-opt* and relocate moves until none is left or `deadline` passes; never
/// breaks a rule and never increases the cost. With `focus` (by vehicle), moves start only from
/// the routes of vehicles marked 1 and from routes changed by a move (the others were already
/// left with no improving move). Answers, by vehicle, 1 where a move changed its route.
std::vector<char> improveLocally(
    SearchState& state, const SearchContext& context,
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max(),
    const std::vector<char>* focus = nullptr);

}  // namespace ces::routing
