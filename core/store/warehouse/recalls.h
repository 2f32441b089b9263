#pragma once
// Safety recall campaigns as the database keeps them: the notice, every unit it covers (where it
// was found, the visit that goes to it, how it was resolved) and the campaign's progress.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/recalls.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// A field safety notice as the admin or warehouse records it.
struct NewRecall {
    std::string reference;  ///< The maker's or regulator's reference (unique).
    std::string title;
    RecallAction action = RecallAction::inspect;
    RecallFilter filter;
    std::chrono::year_month_day deadline;
};

RecallId insertRecall(Connection& c, const NewRecall& recall, UserId raisedBy, Instant now);
bool recallReferenceTaken(Connection& c, const std::string& reference);

/// A unit of a model on the register, with what a campaign needs to decide about it.
struct RecallCandidate {
    RecallUnitFacts facts;
    AssetId asset;
    DepotId depot;
    std::optional<ResidentId> resident;  ///< In a home.
    std::optional<OrderId> order;        ///< The order it is picked for or on loan from.
    std::optional<std::string> orderReference;
    std::optional<OrderStatus> orderStatus;
    std::optional<ResidentId> orderResident;
};
/// Every unit of `itemCode` on the register that is not scrapped.
std::vector<RecallCandidate> recallCandidates(Connection& c, const std::string& itemCode);

struct NewRecallUnit {
    RecallId recall;
    AssetId asset;
    AssetState foundState = AssetState::available;
    RecallPlace place = RecallPlace::shelf;
    DepotId depot;
    std::optional<ResidentId> resident;
    std::optional<VisitId> visit;
};
void insertRecallUnit(Connection& c, const NewRecallUnit& unit);

/// An order holding a reservation of `itemCode` at `depot` that no picked unit covers yet (the
/// most recent first): the one whose stock a recall takes when the shelf has no free unit.
std::optional<std::string> orderHoldingUnpickedStock(Connection& c, DepotId depot,
                                                     const std::string& itemCode);

/// True when an open campaign covers the asset (its unit is not yet resolved).
bool underOpenRecall(Connection& c, AssetId asset);
/// Resolves the asset's open units in every campaign (`how`: inspected, replaced, withdrawn,
/// released, scrapped); answers how many.
std::int64_t resolveRecallUnits(Connection& c, AssetId asset, const std::string& how, Instant now);
/// A failed visit's retry goes for the same campaign units.
void carryRecallUnits(Connection& c, VisitId from, VisitId to);
/// Resolves the open units a visit went for.
std::int64_t resolveRecallUnitsOfVisit(Connection& c, VisitId visit, const std::string& how,
                                       Instant now);

/// A campaign and its progress; `today` decides what is overdue.
struct RecallSummary {
    RecallId id;
    std::string reference;
    std::string title;
    RecallAction action = RecallAction::inspect;
    std::string itemCodes;  ///< Comma-separated.
    std::optional<std::chrono::year_month_day> madeFrom;
    std::optional<std::chrono::year_month_day> madeTo;
    std::optional<std::string> batch;
    std::int64_t barcodesNamed = 0;
    std::chrono::year_month_day deadline;
    std::string raisedBy;
    Instant raisedAt;
    std::int64_t found = 0;
    std::int64_t visited = 0;  ///< Homes whose visit was completed.
    std::int64_t resolved = 0;
    std::int64_t remaining = 0;
    std::int64_t overdue = 0;  ///< Remaining past the deadline.
    /// "replace": homes whose swap waits for a free unaffected unit.
    std::int64_t awaitingReplacement = 0;
};
std::vector<RecallSummary> listRecalls(Connection& c, std::chrono::year_month_day today);
std::optional<RecallSummary> findRecall(Connection& c, RecallId id,
                                        std::chrono::year_month_day today);
/// findRecall, or NotFound naming the id.
RecallSummary requireRecall(Connection& c, RecallId id, std::chrono::year_month_day today);

/// The campaign's progress in one district (or where no district applies: shelves, recycling).
struct RecallDistrictProgress {
    std::string district;  ///< Empty for units at a depot.
    std::int64_t found = 0;
    std::int64_t visited = 0;
    std::int64_t resolved = 0;
    std::int64_t remaining = 0;
};
std::vector<RecallDistrictProgress> recallProgressByDistrict(Connection& c, RecallId id);

/// One unit of a campaign as the regulator's CSV lists it (no personal data: a district).
struct RecallUnitRow {
    std::string barcode;
    std::string itemCode;
    std::optional<std::chrono::year_month_day> madeOn;
    std::optional<std::string> batch;
    std::string place;
    std::string foundState;
    std::string depotCode;
    std::string district;
    std::optional<VisitId> visit;
    std::string visitStatus;
    std::optional<std::chrono::year_month_day> visitDue;
    std::string resolution;
    std::optional<Instant> resolvedAt;
    std::string replacement;  ///< "replace": the barcode reserved to take its place, if any.
};
std::vector<RecallUnitRow> recallUnits(Connection& c, RecallId id);

}  // namespace ces::store
