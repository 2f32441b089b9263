#pragma once
// An order's life: submitted -> approved -> allocated (stock reserved) -> scheduled (visit
// booked in a slot) -> out_for_delivery -> delivered, with side exits awaiting_countersignature
// (an item the prescriber is not competent for), awaiting_approval, awaiting_special,
// failed_visit and cancelled. Only the moves listed in canTransition exist.
#include <array>
#include <optional>
#include <string_view>

namespace ces {

/// Where an order is in its life.
enum class OrderStatus {
    submitted,
    awaiting_countersignature,
    awaiting_approval,
    approved,
    awaiting_special,
    allocated,
    scheduled,
    out_for_delivery,
    delivered,
    failed_visit,
    cancelled,
};

/// Every status, in the order of a typical order's life.
inline constexpr std::array allOrderStatuses{
    OrderStatus::submitted,         OrderStatus::awaiting_countersignature,
    OrderStatus::awaiting_approval, OrderStatus::approved,
    OrderStatus::awaiting_special,  OrderStatus::allocated,
    OrderStatus::scheduled,         OrderStatus::out_for_delivery,
    OrderStatus::delivered,         OrderStatus::failed_visit,
    OrderStatus::cancelled,
};

/// The status's snake_case name, as stored and as shown in the API (e.g. "out_for_delivery").
std::string_view toString(OrderStatus status);

/// The status named `text` exactly (snake_case); nullopt for anything else.
std::optional<OrderStatus> parseOrderStatus(std::string_view text);

/// True when an order may move straight from `from` to `to`.
bool canTransition(OrderStatus from, OrderStatus to);

/// Throws Conflict("invalid_transition", "cannot move an order from X to Y") unless
/// canTransition(from, to).
void requireTransition(OrderStatus from, OrderStatus to);

/// True when no further move is possible (delivered, cancelled).
bool isTerminal(OrderStatus status);

/// What the status means, in plain English for the resident tracking their order.
std::string_view residentDescription(OrderStatus status);

}  // namespace ces
