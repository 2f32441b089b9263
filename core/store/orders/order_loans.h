#pragma once
// What of an order is still in the resident's home: its open loans, and the barcoded assets on
// them, for choosing what a collection brings back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// One line of an order still (partly) on loan; `barcodes` lists its assets in the home (empty
/// for a counted item).
struct OrderLoanLine {
    std::string itemCode;
    std::string itemName;
    std::int64_t quantityOut = 0;
    std::vector<std::string> barcodes;
};

/// The order's open loans by line, in line order. The caller checks who may read the order.
std::vector<OrderLoanLine> orderLoanLines(Connection& c, const std::string& orderReference);

}  // namespace ces::store
