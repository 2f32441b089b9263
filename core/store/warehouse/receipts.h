#pragma once
// Goods in: the record of a supplier's delivery to a depot (who received it, when, what).
// The counts and the asset register are moved by the caller in the same write.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

using ReceiptId = Id<struct ReceiptTag>;

struct ReceiptLine {
    std::string itemCode;
    std::int64_t quantity = 0;
    std::optional<std::chrono::year_month_day> madeOn{};  ///< From the label, when it says.
    std::optional<std::string> batch{};                   ///< The maker's batch or lot.
};

struct NewReceipt {
    DepotId depot;
    std::string supplier;
    std::string supplierReference;
    std::vector<ReceiptLine> lines;
};

/// Writes the receipt and its lines; answers its id.
ReceiptId insertReceipt(Connection& c, const NewReceipt& receipt, UserId receivedBy, Instant now);

/// Records that line `lineNumber` (from 1) of the receipt put `asset` on the register.
void insertReceiptAsset(Connection& c, ReceiptId receipt, std::int64_t lineNumber, AssetId asset);

/// A receipt as listed: who received what, where and when.
struct ReceiptSummary {
    ReceiptId id;
    std::string depotCode;
    std::string depotName;
    std::string supplier;
    std::string supplierReference;
    Instant receivedAt;
    std::string receivedBy;  ///< The user name.
    std::int64_t lineCount = 0;
    std::int64_t units = 0;
};

/// A line of a receipt, with the barcodes of the assets it registered (none for counted items).
struct ReceiptLineRecord {
    std::string itemCode;
    std::string itemName;
    std::int64_t quantity = 0;
    std::vector<std::string> barcodes;
};

struct ReceiptRecord {
    ReceiptSummary summary;
    std::vector<ReceiptLineRecord> lines;
};

/// Receipts newest first, a page at a time.
Page<ReceiptSummary> listReceipts(Connection& c, const PageRequest& page);

/// One receipt with its lines and barcodes; nothing when no receipt has the id.
std::optional<ReceiptRecord> findReceipt(Connection& c, ReceiptId id);

}  // namespace ces::store
