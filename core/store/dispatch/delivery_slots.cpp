#include "core/store/dispatch/delivery_slots.h"

#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

// An order's visits are found by visits_order_present (migration 006), whatever the
// statistics say of the many visits without an order.
const char* const kOpenDeliveryVisit =
    "SELECT id FROM visits WHERE order_id = $1 AND kind = 'delivery' "
    "AND status IN ('pending', 'planned') ORDER BY id DESC LIMIT 1";
// The same depot rule as dispatch's deliveries without a visit: the depot holding the stock,
// else the one serving the resident's district.
const char* const kProspectiveDelivery =
    "SELECT o.reference, o.resident_id, r.name, r.address_line1 || ', ' || r.town, r.postcode, "
    "r.access_notes, p.lat, p.lon, COALESCE((SELECT MIN(ol.depot_id) FROM order_lines ol "
    "WHERE ol.order_id = o.id), (SELECT dd.depot_id FROM district_depots dd "
    "WHERE dd.district = r.district)), o.due_by FROM orders o "
    "JOIN residents r ON r.id = o.resident_id JOIN postcodes p ON p.postcode = r.postcode "
    "WHERE o.id = $1";
const char* const kBookedPending =
    "SELECT id FROM visits WHERE status = 'pending' AND due_date = $1 "
    "AND slot_start_seconds IS NOT NULL AND slot_end_seconds IS NOT NULL ORDER BY id";
const char* const kSetVisitSlot =
    "UPDATE visits SET due_date = $1, slot_start_seconds = $2, slot_end_seconds = $3, "
    "status = 'pending', plan_date = NULL, van_id = NULL, unassigned_reason = NULL "
    "WHERE id = $4 AND status IN ('pending', 'planned')";
const char* const kScheduleOrder =
    "UPDATE orders SET status = 'scheduled' WHERE id = $1 AND status = $2";
const char* const kInsertEvent =
    "INSERT INTO order_events (order_id, from_status, to_status, at, user_id, note) "
    "VALUES ($1, $2, 'scheduled', $3, $4, $5)";
const char* const kBookedSlot =
    "SELECT v.due_date, v.slot_start_seconds, v.slot_end_seconds, "
    "COALESCE(ps.estimated_start_seconds, ps.start_seconds) "
    "FROM visits v LEFT JOIN plan_stops ps ON ps.visit_id = v.id AND ps.plan_date = v.plan_date "
    "AND v.status = 'planned' WHERE v.order_id = $1 AND v.kind = 'delivery' "
    "AND v.status IN ('pending', 'planned') AND v.slot_start_seconds IS NOT NULL "
    "AND v.slot_end_seconds IS NOT NULL ORDER BY v.id DESC LIMIT 1";

const char* const kPlannedDeliveryStart =
    "SELECT COALESCE(ps.estimated_start_seconds, ps.start_seconds) FROM visits v "
    "JOIN plan_stops ps ON ps.visit_id = v.id "
    "AND ps.plan_date = v.plan_date WHERE v.order_id = $1 AND v.kind = 'delivery' "
    "AND v.status = 'planned' ORDER BY v.id DESC LIMIT 1";

}  // namespace

std::optional<VisitJob> openDeliveryVisit(Connection& c, OrderId order) {
    Rows rows = c.query(kOpenDeliveryVisit, {order.value()});
    if (rows.empty()) return std::nullopt;
    return findVisit(c, VisitId(rows.integer(0, 0)));
}

std::optional<VisitJob> prospectiveDeliveryVisit(Connection& c, OrderId order) {
    Rows rows = c.query(kProspectiveDelivery, {order.value()});
    if (rows.empty() || rows.isNull(0, 8)) return std::nullopt;
    VisitJob job;
    job.kind = VisitKind::delivery;
    job.status = VisitStatus::pending;
    job.order = order;
    job.orderReference = rows.text(0, 0);
    job.resident = ResidentId(rows.integer(0, 1));
    job.residentName = rows.text(0, 2);
    job.address = rows.text(0, 3);
    job.postcode = rows.text(0, 4);
    job.accessNotes = rows.text(0, 5);
    job.lat = rows.real(0, 6);
    job.lon = rows.real(0, 7);
    job.depot = DepotId(rows.integer(0, 8));
    if (!rows.isNull(0, 9)) job.dueDate = utcDate(instantAt(rows, 0, 9, "order due time"));
    job.items = deliveryItems(c, order, false);
    return job;
}

std::vector<VisitJob> bookedPendingVisits(Connection& c, std::chrono::year_month_day date) {
    Rows rows = c.query(kBookedPending, {formatDate(date)});
    std::vector<VisitJob> visits;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto visit = findVisit(c, VisitId(rows.integer(i, 0)))) {
            visits.push_back(std::move(*visit));
        }
    }
    return visits;
}

void setDeliveryVisitSlot(Connection& c, VisitId visitId, std::chrono::year_month_day date,
                          int startSeconds, int endSeconds) {
    c.execute(kSetVisitSlot, {formatDate(date), static_cast<std::int64_t>(startSeconds),
                              static_cast<std::int64_t>(endSeconds), visitId.value()});
}

void markOrderScheduled(Connection& c, OrderId order, const std::string& reference,
                        OrderStatus from, std::optional<UserId> who, Instant now,
                        const std::string& note) {
    const std::string fromText(toString(from));
    if (from != OrderStatus::allocated && from != OrderStatus::failed_visit) {
        throw Conflict("invalid_transition",
                       "cannot move an order from " + fromText + " to scheduled");
    }
    c.execute(kScheduleOrder, {order.value(), fromText});
    c.execute(kInsertEvent, {order.value(), fromText, formatInstant(now),
                             who ? SqlValue(who->value()) : SqlValue(std::monostate{}), note});
    audit(c, who, "order.scheduled", "order", reference, now, note);
}

std::optional<BookedDeliverySlot> bookedDeliverySlot(Connection& c, OrderId order) {
    Rows rows = c.query(kBookedSlot, {order.value()});
    if (rows.empty()) return std::nullopt;
    BookedDeliverySlot slot;
    slot.date = dateAt(rows, 0, 0, "visit date");
    slot.startSeconds = static_cast<int>(rows.integer(0, 1));
    slot.endSeconds = static_cast<int>(rows.integer(0, 2));
    if (!rows.isNull(0, 3)) slot.plannedStartSeconds = static_cast<int>(rows.integer(0, 3));
    return slot;
}

std::optional<int> plannedDeliveryStart(Connection& c, OrderId order) {
    Rows rows = c.query(kPlannedDeliveryStart, {order.value()});
    if (rows.empty() || rows.isNull(0, 0)) return std::nullopt;
    return static_cast<int>(rows.integer(0, 0));
}

}  // namespace ces::store
