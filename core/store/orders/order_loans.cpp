#include "core/store/orders/order_loans.h"

namespace ces::store {

namespace {

const char* const kOpenLoanLines =
    "SELECT ol.id, l.item_code, i.name, SUM(l.quantity - l.returned_quantity) "
    "FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
    "JOIN orders o ON o.id = ol.order_id JOIN items i ON i.code = l.item_code "
    "WHERE o.reference = $1 AND l.ended_at IS NULL "
    "GROUP BY ol.id, l.item_code, i.name ORDER BY ol.id";
const char* const kAssetsOnLoan =
    "SELECT ol.id, a.barcode FROM assets a JOIN loans l ON l.id = a.loan_id "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "WHERE o.reference = $1 AND l.ended_at IS NULL AND a.state = 'on_loan' "
    "ORDER BY ol.id, a.barcode";

}  // namespace

std::vector<OrderLoanLine> orderLoanLines(Connection& c, const std::string& orderReference) {
    std::vector<OrderLoanLine> lines;
    std::vector<std::int64_t> lineIds;
    Rows rows = c.query(kOpenLoanLines, {orderReference});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        lineIds.push_back(rows.integer(i, 0));
        lines.push_back({rows.text(i, 1), rows.text(i, 2), rows.integer(i, 3), {}});
    }
    Rows assets = c.query(kAssetsOnLoan, {orderReference});
    for (std::size_t i = 0; i < assets.size(); ++i) {
        for (std::size_t k = 0; k < lineIds.size(); ++k) {
            if (lineIds[k] == assets.integer(i, 0)) lines[k].barcodes.push_back(assets.text(i, 1));
        }
    }
    return lines;
}

}  // namespace ces::store
