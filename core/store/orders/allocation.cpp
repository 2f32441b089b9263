#include "core/store/orders/allocation.h"

namespace ces::store {

namespace {

const char* const kUnreserved =
    "SELECT id, item_code, quantity FROM order_lines WHERE order_id = $1 AND depot_id IS NULL "
    "ORDER BY id";
const char* const kIsEquivalent =
    "SELECT COUNT(*) FROM item_equivalents WHERE item_code = $1 AND equivalent_code = $2";
const char* const kHasItem =
    "SELECT COUNT(*) FROM order_lines WHERE order_id = $1 AND item_code = $2";
const char* const kReplace =
    "UPDATE order_lines SET item_code = $1, unit_price_pence = $2 WHERE id = $3 "
    "AND depot_id IS NULL";

}  // namespace

std::vector<UnreservedLine> unreservedLines(Connection& c, OrderId order) {
    Rows rows = c.query(kUnreserved, {order.value()});
    std::vector<UnreservedLine> lines;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        lines.push_back({OrderLineId(rows.integer(i, 0)), rows.text(i, 1), rows.integer(i, 2)});
    }
    return lines;
}

bool isEquivalent(Connection& c, const std::string& a, const std::string& b) {
    return c.query(kIsEquivalent, {a, b}).integer(0, 0) > 0;
}

bool orderHasItem(Connection& c, OrderId order, const std::string& itemCode) {
    return c.query(kHasItem, {order.value(), itemCode}).integer(0, 0) > 0;
}

void replaceLineItem(Connection& c, OrderLineId lineId, const std::string& itemCode,
                     Pence unitPrice) {
    if (c.executeCounting(kReplace, {itemCode, unitPrice, lineId.value()}) != 1) {
        throw Conflict("concurrent_change", "the line was reserved meanwhile");
    }
}

}  // namespace ces::store
