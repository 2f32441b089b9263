#pragma once
// The store's part of a "replace" recall: units in homes waiting for a replacement, a free
// unaffected unit to reserve for one, and the exchanges a visit carries out.
#include <optional>
#include <string>
#include <vector>

#include "core/recalls.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// A home's unit in a "replace" campaign that has no replacement reserved yet.
struct UnitAwaitingReplacement {
    RecallId recall;
    AssetId asset;
    std::string barcode;
    std::string itemCode;
    DepotId depot;
    std::optional<OrderLineId> orderLine;  ///< The line it is on loan from.
    std::optional<VisitId> visit;
    bool visitPlanned = false;  ///< Its visit is on a route: its depot stays.
};
/// The open home units of campaign `recall` (or of every open "replace" campaign when empty)
/// still without a replacement, oldest campaign first.
std::vector<UnitAwaitingReplacement> unitsAwaitingReplacement(Connection& c,
                                                              std::optional<RecallId> recall);

/// The notice campaign `recall` was raised with (a replacement must not be covered by it).
RecallFilter recallFilterOf(Connection& c, RecallId recall);

/// Free units on the shelves (state available, and the depot's count has one not promised to an
/// order) of `itemCode`: at `depot` only, or at every depot when `anyDepot` (`depot` first, then
/// the depots with the most free); at most 50.
struct FreeUnit {
    AssetId asset;
    DepotId depot;
    RecallUnitFacts facts;
};
std::vector<FreeUnit> freeUnitsOf(Connection& c, const std::string& itemCode, DepotId depot,
                                  bool anyDepot);

/// Sends a visit not yet planned from `depot` (a replacement found there goes with its van).
void moveUnplannedVisitToDepot(Connection& c, VisitId visit, DepotId depot);

/// Records `replacement` as the unit that takes `asset`'s place in campaign `recall`.
void setRecallReplacement(Connection& c, RecallId recall, AssetId asset, AssetId replacement);

/// Adds `text` to the end of a visit's notes (the driver reads what to take).
void appendVisitNote(Connection& c, VisitId visit, const std::string& text);

/// What a "replace" visit does at the home: the affected unit out, the replacement (if one is
/// reserved) in.
struct RecallExchange {
    std::string affected;                    ///< Barcode.
    std::optional<std::string> replacement;  ///< Barcode; empty while none is reserved.
};
/// The open units of "replace" campaigns that visit `visit` goes for.
std::vector<RecallExchange> exchangesOfVisit(Connection& c, VisitId visit);

}  // namespace ces::store
