#pragma once
// Fleet minimisation by guided ejection search (Nagata & Bräysy 2009): drop a van, then put its
// jobs back one at a time, ejecting the jobs that are easiest to place when there is no room.
#include <cstdint>
#include <functional>

#include "routing/vrptw/rng.h"
#include "routing/vrptw/ruin_recreate.h"
#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Tuning of the ejection search.
struct FleetParameters {
    std::size_t maxEjected = 2;      ///< most jobs ejected to make room for one
    std::size_t perturbations = 20;  ///< ruin-and-recreate shakes after each ejection
};

/// Removes vans from a complete state while `keepGoing(iteration)` holds, counting one iteration
/// per job placed; returns the complete state with the fewest vans found (the input when none).
SearchState minimiseFleet(const SearchContext& context, const FleetParameters& fleet,
                          const RuinRecreateParameters& params, Rng& rng, SearchState best,
                          const std::function<bool(std::uint64_t)>& keepGoing,
                          std::uint64_t& iteration);

}  // namespace ces::routing
