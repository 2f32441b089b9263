#include "core/order_lifecycle.h"

#include <string>

#include "core/errors.h"

namespace ces {

std::string_view toString(OrderStatus status) {
    switch (status) {
        case OrderStatus::submitted:
            return "submitted";
        case OrderStatus::awaiting_countersignature:
            return "awaiting_countersignature";
        case OrderStatus::awaiting_approval:
            return "awaiting_approval";
        case OrderStatus::approved:
            return "approved";
        case OrderStatus::awaiting_special:
            return "awaiting_special";
        case OrderStatus::allocated:
            return "allocated";
        case OrderStatus::scheduled:
            return "scheduled";
        case OrderStatus::out_for_delivery:
            return "out_for_delivery";
        case OrderStatus::delivered:
            return "delivered";
        case OrderStatus::failed_visit:
            return "failed_visit";
        case OrderStatus::cancelled:
            return "cancelled";
    }
    return "unknown";
}

std::optional<OrderStatus> parseOrderStatus(std::string_view text) {
    for (OrderStatus status : allOrderStatuses) {
        if (toString(status) == text) return status;
    }
    return std::nullopt;
}

bool canTransition(OrderStatus from, OrderStatus to) {
    using enum OrderStatus;
    switch (from) {
        case submitted:
            return to == approved || to == awaiting_countersignature || to == awaiting_approval ||
                   to == cancelled;
        case awaiting_countersignature:
            return to == approved || to == awaiting_approval || to == cancelled;
        case awaiting_approval:
            return to == approved || to == cancelled;
        case approved:
            return to == allocated || to == awaiting_special || to == cancelled;
        case awaiting_special:  // back to approved when a safety recall takes its stock
            return to == allocated || to == approved || to == cancelled;
        case allocated:  // back to approved when a safety recall takes its stock
            return to == scheduled || to == approved || to == cancelled;
        case scheduled:  // back to allocated when the booked slot is released
            return to == out_for_delivery || to == allocated || to == approved || to == cancelled;
        case out_for_delivery:  // the van is on its way: too late to cancel
            return to == delivered || to == failed_visit;
        case failed_visit:
            return to == scheduled || to == approved || to == cancelled;
        case delivered:
        case cancelled:
            return false;
    }
    return false;
}

void requireTransition(OrderStatus from, OrderStatus to) {
    if (!canTransition(from, to)) {
        throw Conflict("invalid_transition", "cannot move an order from " +
                                                 std::string(toString(from)) + " to " +
                                                 std::string(toString(to)));
    }
}

bool isTerminal(OrderStatus status) {
    return status == OrderStatus::delivered || status == OrderStatus::cancelled;
}

std::string_view residentDescription(OrderStatus status) {
    switch (status) {
        case OrderStatus::submitted:
            return "Your order has been received and is being checked.";
        case OrderStatus::awaiting_countersignature:
            return "Your order is waiting for a second therapist or nurse to check it.";
        case OrderStatus::awaiting_approval:
            return "Your order is waiting for a manager to approve it.";
        case OrderStatus::approved:
            return "Your order has been approved and we are getting your equipment ready.";
        case OrderStatus::awaiting_special:
            return "Some of your equipment is being specially ordered from a supplier.";
        case OrderStatus::allocated:
            return "Your equipment is reserved and waiting for a delivery date.";
        case OrderStatus::scheduled:
            return "Your delivery is being arranged. The day and time show below once they are "
                   "set.";
        case OrderStatus::out_for_delivery:
            return "Your equipment is on its way to you today.";
        case OrderStatus::delivered:
            return "Your equipment has been delivered and set up.";
        case OrderStatus::failed_visit:
            return "We could not complete your delivery. We will contact you to arrange a new "
                   "date.";
        case OrderStatus::cancelled:
            return "This order has been cancelled.";
    }
    return "We cannot show the status of this order just now.";
}

}  // namespace ces
