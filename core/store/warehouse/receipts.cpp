#include "core/store/warehouse/receipts.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kInsertReceipt =
    "INSERT INTO stock_receipts (depot_id, supplier, supplier_reference, received_at, "
    "received_by) VALUES ($1, $2, $3, $4, $5) RETURNING id";
const char* const kInsertLine =
    "INSERT INTO stock_receipt_lines (receipt_id, line_number, item_code, quantity, made_on, "
    "batch) VALUES ($1, $2, $3, $4, $5, $6)";
const char* const kInsertReceiptAsset =
    "INSERT INTO stock_receipt_assets (receipt_id, line_number, asset_id) VALUES ($1, $2, $3)";

// $1 = 0 lists every receipt (newest first, past the cursor $2); otherwise the one with id $1.
const char* const kReceipts =
    "SELECT r.id, d.code, d.name, r.supplier, r.supplier_reference, r.received_at, u.username, "
    "(SELECT COUNT(*) FROM stock_receipt_lines l WHERE l.receipt_id = r.id), "
    "(SELECT COALESCE(SUM(l.quantity), 0) FROM stock_receipt_lines l WHERE l.receipt_id = r.id) "
    "FROM stock_receipts r JOIN depots d ON d.id = r.depot_id JOIN users u ON u.id = r.received_by "
    "WHERE ($1 = 0 OR r.id = $1) AND ($2 = 0 OR r.id < $2) ORDER BY r.id DESC LIMIT $3";
const char* const kReceiptLines =
    "SELECT l.line_number, l.item_code, i.name, l.quantity FROM stock_receipt_lines l "
    "JOIN items i ON i.code = l.item_code WHERE l.receipt_id = $1 ORDER BY l.line_number";
const char* const kReceiptBarcodes =
    "SELECT ra.line_number, a.barcode FROM stock_receipt_assets ra "
    "JOIN assets a ON a.id = ra.asset_id WHERE ra.receipt_id = $1 ORDER BY ra.line_number, a.id";

std::vector<ReceiptSummary> receipts(Connection& c, std::int64_t id, std::int64_t after,
                                     std::int64_t limit) {
    const Rows rows = c.query(kReceipts, {id, after, limit});
    std::vector<ReceiptSummary> found;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        found.push_back({ReceiptId(rows.integer(i, 0)), rows.text(i, 1), rows.text(i, 2),
                         rows.text(i, 3), rows.text(i, 4),
                         instantAt(rows, i, 5, "stock_receipts.received_at"), rows.text(i, 6),
                         rows.integer(i, 7), rows.integer(i, 8)});
    }
    return found;
}

}  // namespace

ReceiptId insertReceipt(Connection& c, const NewReceipt& receipt, UserId receivedBy, Instant now) {
    const ReceiptId id(c.insert(kInsertReceipt,
                                {receipt.depot.value(), receipt.supplier, receipt.supplierReference,
                                 formatInstant(now), receivedBy.value()}));
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        const auto& line = receipt.lines[i];
        c.execute(kInsertLine,
                  {id.value(), static_cast<std::int64_t>(i + 1), line.itemCode, line.quantity,
                   line.madeOn ? SqlValue(formatDate(*line.madeOn)) : SqlValue(std::monostate{}),
                   line.batch ? SqlValue(*line.batch) : SqlValue(std::monostate{})});
    }
    return id;
}

void insertReceiptAsset(Connection& c, ReceiptId receipt, std::int64_t lineNumber, AssetId asset) {
    c.execute(kInsertReceiptAsset, {receipt.value(), lineNumber, asset.value()});
}

Page<ReceiptSummary> listReceipts(Connection& c, const PageRequest& page) {
    auto rows = receipts(c, 0, page.after.value_or(0), fetchLimit(page));
    return pageOf(std::move(rows), page, [](const ReceiptSummary& r) { return r.id.value(); });
}

std::optional<ReceiptRecord> findReceipt(Connection& c, ReceiptId id) {
    auto found = receipts(c, id.value(), 0, 1);
    if (found.empty()) return std::nullopt;
    ReceiptRecord record{std::move(found.front()), {}};
    const Rows lines = c.query(kReceiptLines, {id.value()});
    std::vector<std::int64_t> numbers;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        numbers.push_back(lines.integer(i, 0));
        record.lines.push_back({lines.text(i, 1), lines.text(i, 2), lines.integer(i, 3), {}});
    }
    const Rows barcodes = c.query(kReceiptBarcodes, {id.value()});
    for (std::size_t i = 0; i < barcodes.size(); ++i) {
        for (std::size_t n = 0; n < numbers.size(); ++n) {
            if (numbers[n] == barcodes.integer(i, 0)) {
                record.lines[n].barcodes.push_back(barcodes.text(i, 1));
            }
        }
    }
    return record;
}

}  // namespace ces::store
