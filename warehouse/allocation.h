#pragma once
// Allocation when stock is short: an approved order's lines that could not be reserved show
// the close technical equivalents in stock, and the prescriber (or a budget holder of the
// team) may accept one; the order is then reserved in one conditional update per line.
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/orders/orders.h"
#include "core/types.h"

namespace ces::warehouse {

/// A line still waiting for stock and what could replace it now.
struct LineShortage {
    std::string itemCode;
    std::int64_t quantity = 0;
    std::vector<EquivalentInStock> equivalents;  ///< Only those with enough available.
};

/// The unreserved lines of an order the actor may see; NotFound/Forbidden as for reading it.
std::vector<LineShortage> shortages(store::Connection& c, const std::string& reference,
                                    const Actor& actor);

/// Swaps the unreserved line of `itemCode` for `equivalentCode` and tries to allocate the
/// order. ValidationError when it is not an equivalent (or already on the order), Conflict
/// ("not_waiting_for_stock") unless the order is approved and the line unreserved. Answers the
/// order's status: allocated (or awaiting_special), or still approved when another line is short.
store::OrderOutcome acceptEquivalent(store::Connection& c, const std::string& reference,
                                     const std::string& itemCode, const std::string& equivalentCode,
                                     const Actor& actor, Instant now);

}  // namespace ces::warehouse
