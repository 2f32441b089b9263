#include "warehouse/order_delivery.h"

#include "core/store/ledger/ledger.h"
#include "core/store/warehouse/assets.h"

namespace ces::warehouse {

store::OrderOutcome progressOrder(store::Connection& c, const std::string& reference,
                                  OrderStatus to, const Actor& actor, Instant now,
                                  const std::string& note) {
    const auto progressed = store::progressOrder(c, reference, to, actor, now, note);
    for (const auto& started : progressed.startedLoans) {
        store::issueLineAssets(c, started.line, started.loan, progressed.resident, started.depot,
                               started.itemCode, started.quantity, now);
        store::recordIssueCharge(c, started.loan, now);
    }
    return progressed.order;
}

}  // namespace ces::warehouse
