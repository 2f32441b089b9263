#include "core/store/warehouse/receipts.h"

namespace ces::store {

namespace {

const char* const kInsertReceipt =
    "INSERT INTO stock_receipts (depot_id, supplier, supplier_reference, received_at, "
    "received_by) VALUES ($1, $2, $3, $4, $5) RETURNING id";
const char* const kInsertLine =
    "INSERT INTO stock_receipt_lines (receipt_id, line_number, item_code, quantity) "
    "VALUES ($1, $2, $3, $4)";

}  // namespace

ReceiptId insertReceipt(Connection& c, const NewReceipt& receipt, UserId receivedBy, Instant now) {
    const ReceiptId id(c.insert(kInsertReceipt,
                                {receipt.depot.value(), receipt.supplier, receipt.supplierReference,
                                 formatInstant(now), receivedBy.value()}));
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        c.execute(kInsertLine, {id.value(), static_cast<std::int64_t>(i + 1),
                                receipt.lines[i].itemCode, receipt.lines[i].quantity});
    }
    return id;
}

}  // namespace ces::store
