#include "core/store/orders/order_queries.h"

#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kOrderDetail =
    "SELECT o.reference, o.status, o.speed, o.due_by, o.created_at, o.notes, o.total_pence, "
    "o.tracking_token, r.id, r.name, r.postcode, r.district FROM orders o "
    "JOIN residents r ON r.id = o.resident_id WHERE o.id = $1";
const char* const kOrderLines =
    "SELECT l.item_code, i.name, l.quantity, l.unit_price_pence, d.code FROM order_lines l "
    "JOIN items i ON i.code = l.item_code LEFT JOIN depots d ON d.id = l.depot_id "
    "WHERE l.order_id = $1 ORDER BY l.id";
const char* const kOrderSpecials =
    "SELECT description, estimated_price_pence, status FROM specials WHERE order_id = $1 "
    "ORDER BY id";
const char* const kOrderEvents =
    "SELECT e.from_status, e.to_status, e.at, COALESCE(u.username, ''), e.note "
    "FROM order_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.order_id = $1 "
    "ORDER BY e.id";
const char* const kListOrders =
    "SELECT reference, status, speed, due_by, created_at, resident_id, id FROM orders "
    "WHERE ($1 = 0 OR team_id = $2) AND ($3 = '' OR status = $3) AND ($4 = 0 OR id < $4) "
    "ORDER BY id DESC LIMIT $5";

}  // namespace

OrderDetail readOrder(Connection& c, const std::string& reference, const Actor& actor,
                      Instant now) {
    const OrderRow row = loadOrderFor(c, reference, actor, OrderAccess::read);
    Rows o = c.query(kOrderDetail, {row.id.value()});
    OrderDetail d;
    d.reference = o.text(0, 0);
    d.status = row.status;
    d.speed = row.speed;
    d.dueBy = o.optionalText(0, 3);
    d.createdAt = instantAt(o, 0, 4, "order time");
    d.notes = o.text(0, 5);
    d.totalPence = o.integer(0, 6);
    d.trackingToken = o.text(0, 7);
    d.residentId = ResidentId(o.integer(0, 8));
    d.residentName = o.text(0, 9);
    d.residentPostcode = o.text(0, 10);
    d.residentDistrict = o.text(0, 11);
    Rows lines = c.query(kOrderLines, {row.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        d.lines.push_back({lines.text(i, 0), lines.text(i, 1), lines.integer(i, 2),
                           lines.integer(i, 3), lines.optionalText(i, 4)});
    }
    Rows specials = c.query(kOrderSpecials, {row.id.value()});
    for (std::size_t i = 0; i < specials.size(); ++i) {
        d.specials.push_back({specials.text(i, 0), specials.integer(i, 1), specials.text(i, 2)});
    }
    Rows events = c.query(kOrderEvents, {row.id.value()});
    for (std::size_t i = 0; i < events.size(); ++i) {
        d.history.push_back({events.optionalText(i, 0), events.text(i, 1),
                             instantAt(events, i, 2, "order event time"), events.text(i, 3),
                             events.text(i, 4)});
    }
    audit(c, actor.id, "order.read", "order", reference, now);
    return d;
}

Page<OrderSummary> listOrders(Connection& c, const Actor& actor, std::optional<OrderStatus> status,
                              const PageRequest& page) {
    const auto team = orderListScope(actor);
    Rows rows = c.query(kListOrders,
                        {std::int64_t{team.has_value()}, team ? team->value() : std::int64_t{0},
                         status ? std::string(toString(*status)) : std::string(), cursorParam(page),
                         fetchLimit(page)});
    std::vector<OrderSummary> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        OrderSummary s;
        s.reference = rows.text(i, 0);
        s.status = enumAt(rows, i, 1, "order status", parseOrderStatus);
        s.speed = parseSpeed(rows.text(i, 2)).value_or(Speed::five_day);
        s.dueBy = rows.optionalText(i, 3);
        s.createdAt = instantAt(rows, i, 4, "order time");
        s.residentId = ResidentId(rows.integer(i, 5));
        s.id = OrderId(rows.integer(i, 6));
        result.push_back(std::move(s));
    }
    return pageOf(std::move(result), page, [](const OrderSummary& s) { return s.id.value(); });
}

}  // namespace ces::store
