#include "warehouse/resident_death.h"

#include "core/order_lifecycle.h"
#include "core/store/collections/collections.h"
#include "core/store/residents/deceased.h"
#include "warehouse/key_safe.h"
#include "warehouse/order_cancellation.h"

namespace ces::warehouse {

namespace {

// A prescriber asks as their team; an admin's record asks the warehouse, whose work the
// collection is, under the admin's own name.
store::CollectionCaller collectionCaller(const Actor& actor) {
    if (actor.role == Role::prescriber) return {CollectionRequester::prescriber, actor, {}};
    Actor forWarehouse = actor;
    forWarehouse.role = Role::warehouse;
    return {CollectionRequester::warehouse, forWarehouse, {}};
}

std::string joined(const std::vector<std::string>& references) {
    std::string text;
    for (const auto& r : references) text += (text.empty() ? "" : ", ") + r;
    return text.empty() ? "none" : text;
}

}  // namespace

RecordedDeath recordDeath(store::Connection& c, ResidentId resident, const std::string& date,
                          const Actor& actor, Instant now, const WorkingDayCalendar& calendar,
                          const CollectionRules& rules) {
    const auto died = store::checkDeath(c, resident, date, actor, now);
    RecordedDeath done;
    done.date = formatDate(died);
    for (const auto& order : store::openOrdersOf(c, resident)) {
        const auto status = parseOrderStatus(order.status);
        if (!status || !canTransition(*status, OrderStatus::cancelled)) {
            done.outForDelivery.push_back(order.reference);
            continue;
        }
        warehouse::cancelOrderOfDeceased(c, order.reference, actor, now);
        done.cancelledVisits += store::cancelDeliveryVisits(c, order.reference);
        done.cancelledOrders.push_back(order.reference);
    }
    const auto onLoan = store::ordersOnLoan(c, resident);
    // Everything on loan comes back: an order partly asked back already gets a collection for
    // the rest, one wholly on an open collection is left as it is.
    std::vector<std::string> orders = onLoan.toCollect;
    orders.insert(orders.end(), onLoan.beingCollected.begin(), onLoan.beingCollected.end());
    for (const auto& reference : orders) {
        CollectionRequest request;
        request.orderReference = reference;
        request.reason = CollectionReason::deceased;
        request.notes = "the resident died on " + done.date;
        request.leaveOutRequested = true;
        try {
            const auto raised =
                store::requestCollection(c, request, collectionCaller(actor), now, calendar, rules);
            done.collections.push_back(raised.reference);
        } catch (const Conflict& e) {
            if (e.code() != "already_requested") throw;
            done.alreadyCollecting.push_back(reference);
        }
    }
    store::markDeceased(c, resident, died, actor, now,
                        "died " + done.date +
                            "; orders cancelled: " + joined(done.cancelledOrders) +
                            "; collections raised: " + joined(done.collections));
    withdrawKeySafe(c, resident, actor.id, now);  // no one needs the key safe's code now
    return done;
}

}  // namespace ces::warehouse
