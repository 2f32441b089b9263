#pragma once
// Cancelling an order crosses two parts of the store: the order and its stock counts, and the
// barcoded assets already picked for it, which go back on the shelf. Both in the caller's write.
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/orders/orders.h"
#include "core/types.h"

namespace ces::warehouse {

/// Cancels an order not yet out for delivery (store::cancelOrder's rules) and unpicks every
/// asset picked for its lines.
store::OrderOutcome cancelOrder(store::Connection& c, const std::string& reference,
                                const Actor& actor, Instant now, const std::string& reason);

/// The same for an order of a resident whose death is being recorded
/// (store::cancelOrderOfDeceased).
store::OrderOutcome cancelOrderOfDeceased(store::Connection& c, const std::string& reference,
                                          const Actor& actor, Instant now);

}  // namespace ces::warehouse
