#include "warehouse/order_cancellation.h"

#include "core/store/warehouse/assets.h"

namespace ces::warehouse {

namespace {

store::OrderOutcome unpicked(store::Connection& c, const store::CancelledOrder& cancelled,
                             const Actor& actor, Instant now) {
    for (const OrderLineId line : cancelled.releasedLines) {
        store::unpickLineAssets(c, line, actor.id, now,
                                "order " + cancelled.order.reference + " cancelled");
    }
    return cancelled.order;
}

}  // namespace

store::OrderOutcome cancelOrder(store::Connection& c, const std::string& reference,
                                const Actor& actor, Instant now, const std::string& reason) {
    return unpicked(c, store::cancelOrder(c, reference, actor, now, reason), actor, now);
}

store::OrderOutcome cancelOrderOfDeceased(store::Connection& c, const std::string& reference,
                                          const Actor& actor, Instant now) {
    return unpicked(c, store::cancelOrderOfDeceased(c, reference, actor, now), actor, now);
}

}  // namespace ces::warehouse
