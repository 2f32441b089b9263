#pragma once
// Returns and recycling: a scanned barcode (or an item code and quantity for counted items)
// ends its loan; then decontamination, inspection and repair until the item is back in stock
// or scrapped. Each step checks asset_lifecycle's rule, moves the counts, and records who,
// when and where. An unknown barcode is NotFound, a double return or skipped step a Conflict.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/warehouse/assets.h"
#include "core/types.h"
#include "warehouse/asset_lifecycle.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

/// The asset with `barcode`, or NotFound naming it.
store::AssetRecord loadAsset(store::Connection& c, const std::string& barcode);

/// An asset with its history, as shown to warehouse staff.
struct AssetDetail {
    store::AssetRecord asset;
    std::string itemName;  ///< The catalogue name, or the special's description.
    bool inspectionOverdue = false;
    std::vector<store::AssetEvent> history;
};
/// The asset with this barcode; NotFound otherwise.
AssetDetail describeAsset(store::Connection& c, const std::string& barcode, Instant now);

/// Logs a serialised return: ends its loan, the asset is `returned` at `depotCode` (empty:
/// the depot it was issued from). NotFound for an unknown barcode (or depot: ValidationError),
/// Conflict("invalid_step") when it is not on loan (e.g. returned twice).
AssetDetail returnAsset(store::Connection& c, const std::string& barcode,
                        const std::string& depotCode, const std::string& condition,
                        const Actor& actor, Instant now);

/// What a counted (non-serialised) return gave back.
struct CountedReturn {
    std::string orderReference;
    std::string itemCode;
    std::int64_t quantity = 0;
    std::string depotCode;
    std::int64_t stillOnLoan = 0;  ///< Units of the item still out on that order.
};
/// Logs a return of `quantity` counted units of an item lent on an order. ValidationError for
/// a serialised item (scan each barcode), a non-returnable item or a bad quantity; Conflict
/// ("already_returned") when fewer units are still on loan.
CountedReturn returnCountedItems(store::Connection& c, const std::string& orderReference,
                                 const std::string& itemCode, std::int64_t quantity,
                                 const std::string& depotCode, const std::string& condition,
                                 const Actor& actor, Instant now);

/// Decontamination: `finished` false starts it (returned -> in_decontamination), true finishes
/// it (-> awaiting_inspection).
AssetDetail decontaminateAsset(store::Connection& c, const std::string& barcode, bool finished,
                               const std::string& notes, const Actor& actor, Instant now);

/// At the depot (awaiting_inspection): pass -> available with the next inspection due by the
/// policy, repair -> in_repair, scrap -> scrapped (notes give the reason; required). In a home
/// (on_loan, a planned inspection): pass records the inspection and the next due date; repair
/// and scrap are Conflict("collect_first").
AssetDetail inspectAsset(store::Connection& c, const std::string& barcode, InspectionResult result,
                         const std::string& notes, const MaintenancePolicy& policy,
                         const Actor& actor, Instant now);

/// A quarantined asset whose safety notice has been met (notes say what was done) goes back to
/// inspection (quarantined -> awaiting_inspection); its campaign units are resolved.
AssetDetail releaseFromRecall(store::Connection& c, const std::string& barcode,
                              const std::string& notes, const Actor& actor, Instant now);

/// A repaired asset goes back to inspection (in_repair -> awaiting_inspection).
AssetDetail finishRepair(store::Connection& c, const std::string& barcode, const std::string& notes,
                         const Actor& actor, Instant now);

/// Marks an asset lost (on loan and not returned, or missing at a stock-take); reason required.
AssetDetail reportLost(store::Connection& c, const std::string& barcode, const std::string& reason,
                       const Actor& actor, Instant now);

/// Picks an available asset for an order's line of that item (available -> reserved). Conflict
/// ("inspection_overdue") for an asset overdue for inspection; Conflict("not_reserved") when
/// the order has no reservation of that item at the asset's depot left to pick for.
AssetDetail pickAsset(store::Connection& c, const std::string& barcode,
                      const std::string& orderReference, const Actor& actor, Instant now);

/// The same recycling steps for counted items, `quantity` units at a time: decontaminate
/// (returned -> awaiting_inspection), inspect pass/repair/scrap, repair (-> awaiting_inspection).
/// Conflict("not_enough_units") when fewer units are in the step's starting state.
store::StateLevels processCountedItems(store::Connection& c, const std::string& depotCode,
                                       const std::string& itemCode, std::int64_t quantity,
                                       AssetStep step, const std::string& notes, const Actor& actor,
                                       Instant now);

}  // namespace ces::warehouse
