#pragma once
// Goods in: the record of a supplier's delivery to a depot (who received it, when, what).
// The counts and the asset register are moved by the caller in the same write.
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

using ReceiptId = Id<struct ReceiptTag>;

struct ReceiptLine {
    std::string itemCode;
    std::int64_t quantity = 0;
};

struct NewReceipt {
    DepotId depot;
    std::string supplier;
    std::string supplierReference;
    std::vector<ReceiptLine> lines;
};

/// Writes the receipt and its lines; answers its id.
ReceiptId insertReceipt(Connection& c, const NewReceipt& receipt, UserId receivedBy, Instant now);

}  // namespace ces::store
