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
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

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
    AssetId id;
    std::int64_t returnEvent = 0;  ///< The latest return's event id; 0 when never returned.
};

/// The recycling steps the warehouse works through, each a queue of assets.
enum class WarehouseQueue {
    decontamination,  ///< Returned and in decontamination.
    inspection,       ///< Awaiting inspection.
    repair,           ///< In repair.
};

/// A page of a queue's assets at a depot (by code; "" = every depot), longest waiting first
/// (ties by id). The cursor is an asset id; an asset that moves on after its page was shown
/// still marks where the next page starts.
Page<QueuedAsset> queuePage(Connection& c, WarehouseQueue queue, const std::string& depotCode,
                            const PageRequest& page);

/// How many assets wait in a queue at a depot ("" = every depot).
std::int64_t queueLength(Connection& c, WarehouseQueue queue, const std::string& depotCode);

/// A page of the assets whose latest return was logged at or after `from`, latest first.
Page<QueuedAsset> returnsSince(Connection& c, Instant from, const PageRequest& page);

/// How many assets' latest return was logged at or after `from`.
std::int64_t returnsCountSince(Connection& c, Instant from);

/// One asset as a queue shows it; nullopt for an unknown barcode.
std::optional<QueuedAsset> queuedAsset(Connection& c, const std::string& barcode);

}  // namespace ces::store
