#pragma once
// The serialised asset register: one row per barcoded item, its history (who, when, where,
// which state), and the counting ledger's extra states. Rules about which step is allowed
// live in warehouse/; these functions record a step that has been checked, with conditional
// updates so two clerks scanning the same barcode cannot both move it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/asset_state.h"
#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

/// One asset as stored.
struct AssetRecord {
    AssetId id;
    std::string barcode;
    std::optional<std::string> itemCode;  ///< Empty for a special (non-catalogue) asset.
    std::optional<SpecialId> specialId;
    std::string description;
    DepotId depot;
    std::string depotCode;
    AssetState state = AssetState::available;
    std::optional<OrderLineId> orderLineId;
    std::optional<LoanId> loanId;
    std::optional<ResidentId> resident;
    int inspectionIntervalMonths = 0;
    std::optional<Instant> lastInspectedAt;
    std::optional<Instant> nextInspectionDue;
    Instant createdAt;
    Instant updatedAt;
    std::optional<std::chrono::year_month_day> madeOn;  ///< Recorded at goods in, when known.
    std::optional<std::string> batch;
};

/// What registering an asset needs.
struct NewAsset {
    std::string barcode;
    std::optional<std::string> itemCode;
    std::optional<SpecialId> specialId;
    std::string description;
    DepotId depot;
    AssetState state = AssetState::available;
    int inspectionIntervalMonths = 0;
    std::optional<Instant> lastInspectedAt;
    std::optional<Instant> nextInspectionDue;
    std::optional<ResidentId> resident;
    std::optional<LoanId> loanId;
    std::optional<OrderLineId> orderLineId;
    std::optional<std::chrono::year_month_day> madeOn;
    std::optional<std::string> batch;
};

/// Inserts an asset and its first history row ("register"); Conflict("duplicate_barcode") if
/// the barcode is taken. Counts are not touched (the caller moves them).
AssetId insertAsset(Connection& c, const NewAsset& asset, std::optional<UserId> who, Instant now,
                    const std::string& note);

/// A fresh barcode "<prefix>-000123" from a counter.
std::string nextBarcode(Connection& c, const std::string& prefix);

std::optional<AssetRecord> findAsset(Connection& c, const std::string& barcode);

/// A checked step: the new state and where the asset now is.
struct AssetMove {
    AssetStep step = AssetStep::pick;
    AssetState from = AssetState::available;
    AssetState to = AssetState::available;
    DepotId depot;
    std::optional<ResidentId> resident;      ///< Set while on loan, else empty.
    std::optional<OrderLineId> orderLineId;  ///< Set while reserved or on loan.
    std::optional<LoanId> loanId;            ///< Set while on loan.
    std::string note;
};

/// Applies the move if the asset is still in `move.from` (else Conflict("concurrent_change"))
/// and writes its history row.
void moveAsset(Connection& c, AssetId asset, const AssetMove& move, UserId who, Instant now);

/// A history row for a step that does not change the state (an inspection in a home).
void recordAssetEvent(Connection& c, AssetId asset, AssetStep step, UserId who, Instant now,
                      const std::string& note);

/// Sets when the asset was last inspected and when it is next due (nullopt: none planned).
void setAssetInspection(Connection& c, AssetId asset, Instant at, std::optional<Instant> nextDue);

/// One row of an asset's history.
struct AssetEvent {
    AssetStep step = AssetStep::register_asset;
    std::optional<AssetState> from;  ///< Empty for the first row.
    AssetState to = AssetState::available;
    Instant at;
    std::string by;  ///< User name, or "" for the system.
    std::string depotCode;
    std::optional<ResidentId> resident;
    std::string note;
};
std::vector<AssetEvent> assetHistory(Connection& c, AssetId asset);

/// True when the depot has any asset of the item on its register (in any state).
bool depotTracksItem(Connection& c, DepotId depot, const std::string& itemCode);

/// The ten per-state counts of one item at one depot, as the `stock` table keeps them; as a
/// change to them, the columns to add.
struct StateCounts {
    std::int64_t available = 0;
    std::int64_t reserved = 0;
    std::int64_t onLoan = 0;
    std::int64_t returned = 0;
    std::int64_t inDecontamination = 0;
    std::int64_t awaitingInspection = 0;
    std::int64_t inRepair = 0;
    std::int64_t scrapped = 0;
    std::int64_t lost = 0;
    std::int64_t quarantined = 0;
    /// Adds `n` to the count of `state`.
    StateCounts& add(AssetState state, std::int64_t n);
};
using CountDelta = StateCounts;

/// Applies the delta in one conditional update (creating the row if missing); false, with
/// nothing changed, if any count would go below zero.
bool applyCountDelta(Connection& c, DepotId depot, const std::string& itemCode,
                     const CountDelta& delta);

/// A loan with where its stock came from.
struct LoanRow {
    LoanId id;
    OrderLineId orderLineId;
    ResidentId resident;
    std::string itemCode;
    std::int64_t quantity = 0;
    std::int64_t returnedQuantity = 0;
    std::optional<Instant> endedAt;
    DepotId depot;  ///< The depot the line was issued from.
    OrderId order;
    std::string orderReference;
};
std::optional<LoanRow> findLoan(Connection& c, LoanId id);
/// Open loans of an item on an order, oldest first.
std::vector<LoanRow> openLoansFor(Connection& c, const std::string& orderReference,
                                  const std::string& itemCode);
/// Records `quantity` units of the loan as back; ends the loan when all are back.
/// Conflict("already_returned") when the loan has fewer units out.
void returnLoanUnits(Connection& c, LoanId loan, std::int64_t quantity, Instant now);

/// Called at delivery for each line (from orders' startLoans): for a serialised item whose
/// depot keeps a register, assigns the line's picked assets, then available ones that are not
/// overdue for inspection, to the loan. Conflict("inspection_overdue") when only overdue
/// assets are left, Conflict("no_asset") when none. Items without a register are counted only.
void issueLineAssets(Connection& c, OrderLineId line, LoanId loan, ResidentId resident,
                     DepotId depot, const std::string& itemCode, std::int64_t quantity,
                     Instant now);

/// An order's line of an item reserved at a depot, and how many assets are picked for it.
struct LineToPick {
    OrderLineId lineId;
    std::int64_t quantity = 0;
    std::int64_t picked = 0;
    OrderStatus orderStatus = OrderStatus::submitted;
};
std::optional<LineToPick> lineToPick(Connection& c, const std::string& orderReference,
                                     const std::string& itemCode, DepotId depot);

/// An asset in a home whose planned inspection is due.
struct DueInspection {
    AssetId id;
    std::string barcode;
    std::string itemCode;
    std::string description;
    AssetState state = AssetState::on_loan;
    std::string depotCode;
    std::optional<Instant> lastInspectedAt;
    Instant nextInspectionDue;
    ResidentId resident;
    std::string postcode;
    std::string district;
};
/// A page of the assets on loan with an inspection due at or before `until`, soonest first
/// (so the overdue ones first).
Page<DueInspection> inspectionsDueBy(Connection& c, Instant until, const PageRequest& page);
/// How many assets on loan have an inspection due at or before `until`, and how many of those
/// were due before `now` (overdue).
struct DueInspectionCounts {
    std::int64_t due = 0;
    std::int64_t overdue = 0;
};
DueInspectionCounts countInspectionsDue(Connection& c, Instant until, Instant now);

/// Counts of one depot and item by every state.
struct StateLevels : StateCounts {
    std::string depotCode;
    std::string itemCode;
    std::string itemName;
    bool serialised = false;
    std::int64_t reorderLevel = 0;
};
/// Levels for one depot (by code) or all (empty code).
std::vector<StateLevels> stateLevels(Connection& c, const std::string& depotCode);

/// How many assets of each state a depot's register holds for an item (for consistency checks).
std::vector<std::pair<AssetState, std::int64_t>> assetStateCounts(Connection& c, DepotId depot,
                                                                  const std::string& itemCode);

/// An item below its reorder level at a depot, with its supplier's lead time.
struct ReplenishmentSuggestion {
    std::string depotCode;
    std::string itemCode;
    std::string itemName;
    std::int64_t available = 0;
    std::int64_t reorderLevel = 0;
    std::int64_t suggestedQuantity = 0;  ///< Brings available back to twice the reorder level.
    std::string supplier;
    int leadTimeDays = 0;
};
/// Every depot/item with available below its reorder level; lead time 14 days and supplier
/// "catalogue supplier" unless item_suppliers says otherwise.
std::vector<ReplenishmentSuggestion> replenishmentSuggestions(Connection& c);
void setSupplier(Connection& c, const std::string& itemCode, const std::string& supplier,
                 int leadTimeDays);

/// An open loan of a serialised item that has no barcoded asset yet (history from before the
/// asset register), for giving it one.
struct UnregisteredLoan {
    LoanId loan;
    OrderLineId orderLineId;
    ResidentId resident;
    std::string itemCode;
    std::int64_t quantity = 0;
    DepotId depot;
};
std::vector<UnregisteredLoan> openSerialisedLoans(Connection& c);

/// Puts assets picked for an order line back on the shelf (the order was cancelled); counts
/// are the caller's (the line's reservation is released with them).
void unpickLineAssets(Connection& c, OrderLineId line, UserId who, Instant now,
                      const std::string& note);

/// Shelf assets that match a line of an allocated order: (order reference, barcode) pairs.
std::vector<std::pair<std::string, std::string>> pickableShelfAssets(Connection& c);

}  // namespace ces::store
