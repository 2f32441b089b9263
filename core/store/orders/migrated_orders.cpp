#include "core/store/orders/migrated_orders.h"

#include "core/credentials.h"
#include "core/errors.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/orders/order_numbers.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"

namespace ces::store {

namespace {

const char* const kInsertOrder =
    "INSERT INTO orders (reference, tracking_token, resident_id, prescriber_id, team_id, "
    "funder_id, speed, status, notes, total_pence, created_at, delivered_at, district, "
    "imd_decile) VALUES ($1, $2, $3, $4, $5, $6, 'five_day', 'delivered', $7, 0, $8, $8, $9, $10) "
    "RETURNING id";
const char* const kInsertEvent =
    "INSERT INTO order_events (order_id, from_status, to_status, at, user_id, note) "
    "VALUES ($1, NULL, 'delivered', $2, $3, $4)";
const char* const kInsertLine =
    "INSERT INTO order_lines (order_id, item_code, quantity, unit_price_pence, depot_id) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
const char* const kAddToTotal = "UPDATE orders SET total_pence = total_pence + $1 WHERE id = $2";
const char* const kInsertLoan =
    "INSERT INTO loans (order_line_id, resident_id, item_code, quantity, started_at, legacy_ref) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
const char* const kLoanByLegacyRef = "SELECT id FROM loans WHERE legacy_ref = $1";
const char* const kNote = "lent by the previous provider; brought in by ces migrate";
const char* const kMigratedOrderOf =
    "SELECT id FROM orders WHERE resident_id = $1 AND notes = $2 ORDER BY id LIMIT 1";

}  // namespace

OrderId insertMigratedOrder(Connection& c, const MigratedOrder& order, Instant now) {
    const auto resident = findResident(c, order.resident);
    if (!resident) throw NotFound("no resident " + std::to_string(order.resident.value()));
    const auto place = findPostcode(c, resident->postcode);
    const TeamInfo team = findTeam(c, order.team);
    const OrderNumber number = nextOrderNumber(c, now);
    const std::string reference = number.reference();
    const OrderId id(c.insert(
        kInsertOrder,
        {reference, trackingToken(number, randomHex(16)), order.resident.value(), order.by.value(),
         order.team.value(), team.funder.value(), std::string(kNote),
         formatInstant(order.deliveredAt), resident->district,
         place && place->imdDecile ? SqlValue(std::int64_t{*place->imdDecile}) : SqlValue()}));
    c.execute(kInsertEvent, {id.value(), formatInstant(now), order.by.value(), std::string(kNote)});
    audit(c, order.by, "order.migrate", "order", reference, now, kNote);
    return id;
}

MigratedLoanIds insertMigratedLine(Connection& c, const MigratedLine& line) {
    const OrderLineId lineId(
        c.insert(kInsertLine, {line.order.value(), line.itemCode, line.quantity,
                               line.unitPricePence, line.depot.value()}));
    c.execute(kAddToTotal, {line.unitPricePence * line.quantity, line.order.value()});
    const LoanId loan(c.insert(
        kInsertLoan,
        {lineId.value(), line.resident.value(), line.itemCode, line.quantity,
         formatInstant(line.since), line.legacyRef ? SqlValue(*line.legacyRef) : SqlValue()}));
    if (!applyCountDelta(c, line.depot, line.itemCode,
                         CountDelta{}.add(AssetState::on_loan, line.quantity))) {
        throw Conflict("stock_mismatch", "the on-loan count of " + line.itemCode + " is wrong");
    }
    return {lineId, loan};
}

std::optional<OrderId> migratedOrderOf(Connection& c, ResidentId resident) {
    Rows rows = c.query(kMigratedOrderOf, {resident.value(), std::string(kNote)});
    if (rows.empty()) return std::nullopt;
    return OrderId(rows.integer(0, 0));
}

std::optional<LoanId> loanByLegacyRef(Connection& c, const std::string& reference) {
    Rows rows = c.query(kLoanByLegacyRef, {reference});
    if (rows.empty()) return std::nullopt;
    return LoanId(rows.integer(0, 0));
}

}  // namespace ces::store
