#include "warehouse/allocation.h"

#include "core/store/catalogue/catalogue.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/orders/allocation.h"
#include "core/store/orders/order_access.h"

namespace ces::warehouse {

namespace {

store::OrderRow loadForAllocation(store::Connection& c, const std::string& reference,
                                  const Actor& actor) {
    if (actor.role == Role::budget_holder) {
        return store::loadOrderFor(c, reference, actor, store::OrderAccess::approve);
    }
    if (actor.role == Role::prescriber) {
        return store::loadOrderFor(c, reference, actor, store::OrderAccess::cancel);
    }
    return store::loadOrderFor(c, reference, actor, store::OrderAccess::read);
}

}  // namespace

std::vector<LineShortage> shortages(store::Connection& c, const std::string& reference,
                                    const Actor& actor) {
    const auto order = loadForAllocation(c, reference, actor);
    std::vector<LineShortage> result;
    for (const auto& line : store::unreservedLines(c, order.id)) {
        LineShortage shortage{line.itemCode, line.quantity, {}};
        for (auto& equivalent : store::equivalentsInStock(c, line.itemCode)) {
            if (equivalent.available >= line.quantity) {
                shortage.equivalents.push_back(std::move(equivalent));
            }
        }
        result.push_back(std::move(shortage));
    }
    return result;
}

store::OrderOutcome acceptEquivalent(store::Connection& c, const std::string& reference,
                                     const std::string& itemCode, const std::string& equivalentCode,
                                     const Actor& actor, Instant now) {
    if (actor.role != Role::prescriber && actor.role != Role::budget_holder) {
        throw Forbidden("only the prescriber's team or its budget holder may accept an equivalent");
    }
    const auto order = loadForAllocation(c, reference, actor);
    if (order.status != OrderStatus::approved) {
        throw Conflict("not_waiting_for_stock", "order " + reference + " is " +
                                                    std::string(toString(order.status)) +
                                                    ", not approved and waiting for stock");
    }
    const auto lines = store::unreservedLines(c, order.id);
    const auto line = std::find_if(lines.begin(), lines.end(),
                                   [&](const auto& l) { return l.itemCode == itemCode; });
    if (line == lines.end()) {
        throw Conflict("not_waiting_for_stock",
                       "order " + reference + " has no unreserved line of " + itemCode);
    }
    if (!store::isEquivalent(c, itemCode, equivalentCode)) {
        throw ValidationError(
            "equivalent_code",
            equivalentCode + " is not a close technical equivalent of " + itemCode);
    }
    if (store::orderHasItem(c, order.id, equivalentCode)) {
        throw ValidationError("equivalent_code", equivalentCode + " is already on the order");
    }
    const auto item = store::findItem(c, equivalentCode);
    store::replaceLineItem(c, line->lineId, equivalentCode, item->pricePence);
    store::audit(c, actor.id, "order.accept_equivalent", "order", reference, now,
                 itemCode + " -> " + equivalentCode);
    try {
        return store::allocateApprovedOrder(c, reference, actor, now);
    } catch (const OutOfStock&) {
        return {order.reference, OrderStatus::approved, order.dueBy, order.trackingToken};
    }
}

}  // namespace ces::warehouse
