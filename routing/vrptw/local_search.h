#pragma once
// Descent with two neighbourhoods, applied to each new best state: 2-opt* (swap route tails) and
// relocate (move one job to another route).
#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Applies improving 2-opt* and relocate moves until none is left; never breaks a rule and never
/// increases the cost.
void improveLocally(SearchState& state, const SearchContext& context);

}  // namespace ces::routing
