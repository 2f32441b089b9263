#pragma once
// Delivering an order crosses three parts of the store: the order and its loans, the barcoded
// assets handed over, and the ledger's issue charge. All in the caller's write.
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/orders/orders.h"
#include "core/types.h"

namespace ces::warehouse {

/// Moves an order along its delivery path (store::progressOrder's rules). At delivery, each
/// started loan gets its assets (picked ones first) and its issue is charged to the order's
/// funder.
store::OrderOutcome progressOrder(store::Connection& c, const std::string& reference,
                                  OrderStatus to, const Actor& actor, Instant now,
                                  const std::string& note);

}  // namespace ces::warehouse
