#pragma once
// Specials (domain.md): a non-catalogue item, target 8 weeks from order to arrival at the
// warehouse; above a configurable value the prescriber's budget holder approves it. Steps:
// requested -> (approved) -> quoted -> ordered -> received (a barcoded asset) -> delivered.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/money.h"
#include "core/specials.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/warehouse/specials.h"
#include "core/types.h"

namespace ces::warehouse {

/// The configurable numbers of specials.
struct SpecialsPolicy {
    Pence approvalThresholdPence = 50000;  ///< Above £500 a budget holder approves.
    std::chrono::days target{8 * 7};       ///< Order to arrival at the warehouse.
};

// The words live in core (the store parses them); the warehouse speaks them as its own.

/// True when a special of this price (the larger of estimate and quote) needs a budget holder.
bool needsApproval(Pence price, const SpecialsPolicy& policy);

/// The status after `step`, or nullopt when the step is not allowed: approve only from
/// requested and only when approval is needed; quote from approved, or from requested when no
/// approval is needed; then order, receive, deliver in turn.
std::optional<SpecialStatus> specialStatusAfter(SpecialStatus from, SpecialStep step,
                                                bool approvalNeeded);

/// When the special should be at the warehouse.
Instant targetArrival(Instant requestedAt, const SpecialsPolicy& policy);
/// True when it arrived after the target, or has not arrived and the target has passed.
bool targetBreached(Instant requestedAt, std::optional<Instant> receivedAt, Instant now,
                    const SpecialsPolicy& policy);

/// A special with its clock.
struct SpecialView {
    store::SpecialRecord record;
    Instant targetArrival;
    bool breached = false;
    bool approvalNeeded = false;
    std::int64_t daysOpen = 0;  ///< Request to receipt (or to now while not received).
};
SpecialView viewSpecial(const store::SpecialRecord& record, Instant now,
                        const SpecialsPolicy& policy);
/// A page of the open specials (and delivered ones when asked), oldest request first; only
/// breached ones when `breachedOnly`, filtered before the page is cut so none is left out.
store::Page<SpecialView> listSpecials(store::Connection& c, bool breachedOnly,
                                      bool includeDelivered, Instant now,
                                      const SpecialsPolicy& policy, const store::PageRequest& page);

/// A budget holder of the order's team approves (Forbidden for another team).
SpecialView approveSpecial(store::Connection& c, SpecialId id, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy);
/// The supplier's quote; Conflict("needs_approval") when the quote pushes it over the
/// threshold before a budget holder approved it.
SpecialView quoteSpecial(store::Connection& c, SpecialId id, const std::string& supplier,
                         Pence pricePence, const Actor& actor, Instant now,
                         const SpecialsPolicy& policy);
SpecialView orderSpecial(store::Connection& c, SpecialId id, const std::string& purchaseOrder,
                         const Actor& actor, Instant now, const SpecialsPolicy& policy);
/// Receipt at a depot: the special becomes a barcoded asset held for its order; once every
/// special of the order is in, the order is allocated and can be planned. The resident hears
/// of each step that matters to them: ordered from the supplier (with the day we expect it while
/// that is still ahead) and arrived.
SpecialView receiveSpecial(store::Connection& c, SpecialId id, const std::string& depotCode,
                           int inspectionIntervalMonths, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy);
/// Tells the prescriber of each special past its target and not yet at the warehouse, once, by
/// an e-mail through the outbox (the watch runs through the day, so they hear the day it is
/// late); answers how many were told.
int reportLateSpecials(store::Connection& c, Instant now, const SpecialsPolicy& policy);
/// At the order's delivery: its received specials are delivered and their assets go on loan.
void deliverSpecials(store::Connection& c, OrderId order, const Actor& actor, Instant now);

}  // namespace ces::warehouse
