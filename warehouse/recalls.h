#pragma once
// Safety recall campaigns: a field safety notice finds every unit it covers, in homes, on
// shelves, in the recycling path and on vans. In the one write that records it, units on the
// shelf are held (quarantined: never allocated or issued again), an order that held the last of
// them goes back to waiting and is re-supplied from unaffected stock where there is some, every
// home gets a visit due by the deadline (so the planner routes it) and every resident a message.
#include <chrono>
#include <string>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/recalls.h"
#include "core/types.h"

namespace ces::warehouse {

/// What raising a campaign did.
struct RecallRaised {
    RecallId id;
    std::int64_t found = 0;
    std::int64_t held = 0;                  ///< Units on shelves now quarantined.
    std::int64_t visits = 0;                ///< Home visits created.
    std::int64_t ordersResupplied = 0;      ///< Orders whose stock was taken and found elsewhere.
    std::int64_t ordersWaiting = 0;         ///< Orders whose stock was taken and that wait.
    std::int64_t replacementsReserved = 0;  ///< "replace": units reserved to swap into homes.
    std::int64_t awaitingReplacement = 0;   ///< "replace": homes with no free unit to swap yet.
};

/// Raises a campaign (admin or warehouse; Forbidden otherwise). ValidationError naming the field:
/// reference (empty, too long or already used), title, item_codes (unknown, counted items that
/// the register does not track), made_from/made_to, batch, barcodes, deadline (in the past).
RecallRaised raiseRecall(store::Connection& c, const store::NewRecall& notice, const Actor& actor,
                         Instant now);

/// A unit that has just passed inspection at the depot (`passed`, as it was before) goes into
/// quarantine instead of staying on the shelf when an open campaign covers it. Answers true
/// when it did.
bool quarantineIfRecalled(store::Connection& c, const store::AssetRecord& passed,
                          const Actor& actor, Instant now);

/// A visit done: the campaign units it went for are resolved (`inspected` or `replaced`); a
/// collected unit is resolved when the depot scraps or releases it. Nothing for other visits.
void resolveRecallVisit(store::Connection& c, VisitId visit, VisitKind kind, Instant now);

/// The depot scraps a quarantined unit (`withdrawn`) or, the notice met, releases it to be
/// inspected again (`released`): its open campaign units are resolved.
void resolveRecallAtDepot(store::Connection& c, AssetId asset, AssetStep step, Instant now);

}  // namespace ces::warehouse
