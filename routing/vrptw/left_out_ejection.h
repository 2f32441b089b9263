#pragma once
// Left-out jobs put in by ejection: a job with no room goes into a route near it in place of
// one or two others, which then go wherever they fit (another route, or another day of a
// horizon). The random search seldom frees room exactly where a left-out job needs it, and on a
// full week it left out more visits than planning each day alone.
#include <vector>

#include "routing/vrptw/rng.h"
#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Most jobs ejected to make room for one left-out job.
inline constexpr std::size_t kMostEjectedForLeftOut = 2;

/// Tries each left-out job of `state` once, in random order: the ejection from a route holding
/// one of its nearest jobs that costs the least priority, then the ejected jobs beside their own
/// nearest jobs. Keeps a try only when it leaves out less (by priority); answers whether any
/// was kept. Never breaks a rule.
bool insertLeftOutByEjection(SearchState& state, const SearchContext& context, Rng& rng);

}  // namespace ces::routing
