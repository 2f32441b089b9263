#include "core/store/warehouse/specials.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const std::string kColumns =
    "SELECT s.id, s.order_id, o.reference, o.status, o.team_id, o.resident_id, s.description, "
    "s.estimated_price_pence, s.status, s.requested_at, s.approved_at, s.supplier, "
    "s.quote_pence, s.quoted_at, s.purchase_order, s.ordered_at, s.received_at, "
    "s.delivered_at, (SELECT a.barcode FROM assets a WHERE a.special_id = s.id) "
    "FROM specials s JOIN orders o ON o.id = s.order_id ";
const std::string kFind = kColumns + "WHERE s.id = $1";
// Keyset paging in request order: the rows after the cursor's (requested_at, id).
const std::string kList =
    kColumns +
    "WHERE ($1 = 1 OR s.status <> 'delivered') AND o.status <> 'cancelled' "
    "AND ($2 = 0 OR (s.requested_at, s.id) > (SELECT x.requested_at, x.id FROM specials x "
    "WHERE x.id = $2)) ORDER BY s.requested_at, s.id LIMIT $3";
const std::string kOfOrder = kColumns + "WHERE s.order_id = $1 ORDER BY s.id";
const std::string kUnreportedLate =
    kColumns +
    "WHERE s.status IN ('requested', 'approved', 'quoted', 'ordered') AND o.status <> "
    "'cancelled' AND s.requested_at < $1 AND s.late_reported_at IS NULL "
    "ORDER BY s.requested_at, s.id LIMIT $2";
const char* const kMarkLateReported =
    "UPDATE specials SET late_reported_at = $1 WHERE id = $2 AND late_reported_at IS NULL";
const char* const kApprove =
    "UPDATE specials SET status = 'approved', approved_at = $1, approved_by = $2 "
    "WHERE id = $3 AND status = $4";
const char* const kQuote =
    "UPDATE specials SET status = 'quoted', supplier = $1, quote_pence = $2, quoted_at = $3 "
    "WHERE id = $4 AND status = $5";
const char* const kOrder =
    "UPDATE specials SET status = 'ordered', purchase_order = $1, ordered_at = $2 "
    "WHERE id = $3 AND status = $4";
const char* const kReceive =
    "UPDATE specials SET status = 'received', received_at = $1 WHERE id = $2 AND status = $3";
const char* const kDeliver =
    "UPDATE specials SET status = 'delivered', delivered_at = $1 WHERE id = $2 AND status = $3";

std::vector<SpecialRecord> specialsFrom(const Rows& rows) {
    std::vector<SpecialRecord> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SpecialRecord s;
        s.id = SpecialId(rows.integer(i, 0));
        s.order = OrderId(rows.integer(i, 1));
        s.orderReference = rows.text(i, 2);
        s.orderStatus = enumAt(rows, i, 3, "order status", parseOrderStatus);
        s.team = TeamId(rows.integer(i, 4));
        s.resident = ResidentId(rows.integer(i, 5));
        s.description = rows.text(i, 6);
        s.estimatedPricePence = rows.integer(i, 7);
        s.status = enumAt(rows, i, 8, "special status", parseSpecialStatus);
        s.requestedAt = instantAt(rows, i, 9, "time");
        s.approvedAt = optionalInstantAt(rows, i, 10, "time");
        s.supplier = rows.optionalText(i, 11);
        if (!rows.isNull(i, 12)) s.quotePence = rows.integer(i, 12);
        s.quotedAt = optionalInstantAt(rows, i, 13, "time");
        s.purchaseOrder = rows.optionalText(i, 14);
        s.orderedAt = optionalInstantAt(rows, i, 15, "time");
        s.receivedAt = optionalInstantAt(rows, i, 16, "time");
        s.deliveredAt = optionalInstantAt(rows, i, 17, "time");
        s.barcode = rows.optionalText(i, 18);
        result.push_back(std::move(s));
    }
    return result;
}

std::string word(SpecialStatus status) { return std::string(toString(status)); }

void requireOne(std::size_t changed) {
    if (changed != 1) throw Conflict("concurrent_change", "the special has moved on meanwhile");
}

}  // namespace

std::optional<SpecialRecord> findSpecial(Connection& c, SpecialId id) {
    auto found = specialsFrom(c.query(kFind, {id.value()}));
    if (found.empty()) return std::nullopt;
    return found.front();
}

Page<SpecialRecord> listSpecials(Connection& c, bool includeDelivered, const PageRequest& page) {
    return pageOf(specialsFrom(c.query(kList, {static_cast<std::int64_t>(includeDelivered ? 1 : 0),
                                               cursorParam(page), fetchLimit(page)})),
                  page, [](const SpecialRecord& s) { return s.id.value(); });
}

std::vector<SpecialRecord> specialsOfOrder(Connection& c, OrderId order) {
    return specialsFrom(c.query(kOfOrder, {order.value()}));
}

std::vector<SpecialRecord> unreportedLateSpecials(Connection& c, Instant requestedBefore,
                                                  std::int64_t limit) {
    return specialsFrom(c.query(kUnreportedLate, {formatInstant(requestedBefore), limit}));
}

bool markSpecialLateReported(Connection& c, SpecialId id, Instant now) {
    return c.executeCounting(kMarkLateReported, {formatInstant(now), id.value()}) == 1;
}

void recordSpecialApproval(Connection& c, SpecialId id, SpecialStatus from, UserId who,
                           Instant now) {
    requireOne(
        c.executeCounting(kApprove, {formatInstant(now), who.value(), id.value(), word(from)}));
}

void recordSpecialQuote(Connection& c, SpecialId id, SpecialStatus from,
                        const std::string& supplier, Pence price, Instant now) {
    requireOne(
        c.executeCounting(kQuote, {supplier, price, formatInstant(now), id.value(), word(from)}));
}

void recordSpecialOrder(Connection& c, SpecialId id, SpecialStatus from,
                        const std::string& purchaseOrder, Instant now) {
    requireOne(
        c.executeCounting(kOrder, {purchaseOrder, formatInstant(now), id.value(), word(from)}));
}

void recordSpecialReceipt(Connection& c, SpecialId id, SpecialStatus from, Instant now) {
    requireOne(c.executeCounting(kReceive, {formatInstant(now), id.value(), word(from)}));
}

void recordSpecialDelivery(Connection& c, SpecialId id, SpecialStatus from, Instant now) {
    requireOne(c.executeCounting(kDeliver, {formatInstant(now), id.value(), word(from)}));
}

}  // namespace ces::store
