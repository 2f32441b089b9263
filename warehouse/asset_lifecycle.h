#pragma once
// A serialised asset's life in the warehouse and in homes. Domain rule (domain.md): a returned
// item goes returned -> decontaminated -> inspected -> available | repair | scrapped, and a
// repaired item is inspected again. Only the moves listed in stateAfter exist.
#include <optional>

#include "core/asset_state.h"

namespace ces::warehouse {

// The words live in core (the store parses them); the warehouse speaks them as its own.

/// The state after `step` from `from`; nullopt when the step is not allowed there.
std::optional<AssetState> stateAfter(AssetState from, AssetStep step);

/// stateAfter, or Conflict("invalid_step", "cannot <step> an asset that is <from>").
AssetState requireStep(AssetState from, AssetStep step);

}  // namespace ces::warehouse
