#pragma once
// Order lines still waiting for stock, and swapping a line to a close technical equivalent.
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// A line of an order with no reservation yet.
struct UnreservedLine {
    OrderLineId lineId;
    std::string itemCode;
    std::int64_t quantity = 0;
};
std::vector<UnreservedLine> unreservedLines(Connection& c, OrderId order);

/// True when `b` is recorded as a close technical equivalent of `a`.
bool isEquivalent(Connection& c, const std::string& a, const std::string& b);

/// True when the order already has a line of the item.
bool orderHasItem(Connection& c, OrderId order, const std::string& itemCode);

/// Changes an unreserved line's item and price (Conflict("concurrent_change") if it was
/// reserved meanwhile).
void replaceLineItem(Connection& c, OrderLineId lineId, const std::string& itemCode,
                     Pence unitPrice);

}  // namespace ces::store
