#pragma once
// Reading orders: one order in full (audited: it names a resident) and lists.
#include <vector>

#include "core/store/infrastructure/paging.h"
#include "core/store/orders/order_access.h"

namespace ces::store {

struct OrderLineView {
    std::string itemCode;
    std::string name;
    std::int64_t quantity = 0;
    Pence unitPricePence = 0;
    std::optional<std::string> depotCode;
};

struct SpecialView {
    std::string description;
    Pence estimatedPricePence = 0;
    std::string status;
};

struct OrderEventView {
    std::optional<std::string> from;
    std::string to;
    Instant at;
    std::string by;
    std::string note;
};

struct OrderDetail {
    std::string reference;
    OrderStatus status = OrderStatus::submitted;
    Speed speed = Speed::five_day;
    std::optional<std::string> dueBy;
    Instant createdAt;
    std::string notes;
    Pence totalPence = 0;
    std::string trackingToken;
    ResidentId residentId;
    std::string residentName;
    std::string residentPostcode;
    std::string residentDistrict;
    std::vector<OrderLineView> lines;
    std::vector<SpecialView> specials;
    std::vector<OrderEventView> history;
};

/// The whole order for an actor allowed to read it; writes an audit row (call in a write).
OrderDetail readOrder(Connection& c, const std::string& reference, const Actor& actor, Instant now);

struct OrderSummary {
    OrderId id;
    std::string reference;
    OrderStatus status = OrderStatus::submitted;
    Speed speed = Speed::five_day;
    std::optional<std::string> dueBy;
    Instant createdAt;
    ResidentId residentId;
};

/// A page of the orders the actor may see, newest first, optionally of one status.
Page<OrderSummary> listOrders(Connection& c, const Actor& actor, std::optional<OrderStatus> status,
                              const PageRequest& page);

}  // namespace ces::store
