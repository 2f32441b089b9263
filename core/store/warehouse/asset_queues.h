#pragma once
// What the warehouse works through: assets waiting at each recycling step and the returns
// logged since a moment, each with where it came back from (the order, resident and
// collection of the loan its latest return ended).
#include <optional>
#include <string>
#include <vector>

#include "core/asset_state.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// An asset in a warehouse queue, with its latest return.
struct QueuedAsset {
    std::string barcode;
    std::string itemCode;  ///< "" for a special.
    std::string itemName;  ///< The catalogue name, or the special's description.
    std::string depotCode;
    AssetState state = AssetState::returned;
    Instant since;                      ///< When it reached its state.
    std::optional<Instant> returnedAt;  ///< Empty when it has never been returned.
    std::string returnNote;             ///< e.g. "returned; condition: stained".
    std::string returnedBy;             ///< User name of who logged the return.
    std::string orderReference;         ///< The order of the loan the return ended ("" unknown).
    std::string residentName;
    std::string collectionReference;  ///< The collection that asked for it back, if any.
};

/// Assets in `state` at a depot (by code; "" = every depot), longest waiting first.
std::vector<QueuedAsset> assetsInState(Connection& c, AssetState state,
                                       const std::string& depotCode, std::size_t limit);

/// Assets whose latest return was logged at or after `from`, latest first.
std::vector<QueuedAsset> returnsSince(Connection& c, Instant from, std::size_t limit);

/// One asset as a queue shows it; nullopt for an unknown barcode.
std::optional<QueuedAsset> queuedAsset(Connection& c, const std::string& barcode);

}  // namespace ces::store
