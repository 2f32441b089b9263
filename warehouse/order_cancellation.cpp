#include "warehouse/order_cancellation.h"

#include "core/store/warehouse/assets.h"

namespace ces::warehouse {

store::OrderOutcome cancelOrder(store::Connection& c, const std::string& reference,
                                const Actor& actor, Instant now, const std::string& reason) {
    const auto cancelled = store::cancelOrder(c, reference, actor, now, reason);
    for (const OrderLineId line : cancelled.releasedLines) {
        store::unpickLineAssets(c, line, actor.id, now, "order " + reference + " cancelled");
    }
    return cancelled.order;
}

}  // namespace ces::warehouse
