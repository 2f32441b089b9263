#include "core/store/residents/deceased.h"

#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/residents/residents.h"
#include "core/uk_time.h"

namespace ces::store {

namespace {

const char* const kOpenOrders =
    "SELECT reference, status FROM orders WHERE resident_id = $1 "
    "AND status NOT IN ('delivered', 'cancelled') ORDER BY id";
// The resident's orders with equipment on loan, and whether any of it is on an open collection.
const char* const kOrdersOnLoan =
    "SELECT o.reference, CASE WHEN EXISTS (SELECT 1 FROM collection_items ci "
    "JOIN collections k ON k.id = ci.collection_id JOIN loans l ON l.id = ci.loan_id "
    "JOIN order_lines ol ON ol.id = l.order_line_id WHERE ol.order_id = o.id "
    "AND k.status = 'requested') THEN 1 ELSE 0 END FROM orders o WHERE o.resident_id = $1 "
    "AND EXISTS (SELECT 1 FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
    "WHERE ol.order_id = o.id AND l.ended_at IS NULL) ORDER BY o.id";
const char* const kCancelDeliveryVisits =
    "UPDATE visits SET status = 'cancelled' WHERE kind = 'delivery' "
    "AND status IN ('pending', 'planned') "
    "AND order_id = (SELECT id FROM orders WHERE reference = $1)";
const char* const kDeceasedOn = "SELECT deceased_on FROM residents WHERE id = $1";
const char* const kMarkDeceased = "UPDATE residents SET deceased_on = $2 WHERE id = $1";

}  // namespace

std::chrono::year_month_day checkDeath(Connection& c, ResidentId resident, const std::string& date,
                                       const Actor& actor, Instant now) {
    if (actor.role != Role::admin && actor.role != Role::prescriber) {
        throw Forbidden("only a prescriber of a serving team or an admin may record a death");
    }
    requireResidentChanger(c, resident, actor);
    const auto found = findResident(c, resident);
    if (!found) throw NotFound("no resident has the id " + std::to_string(resident.value()));
    if (const auto died = deceasedOn(c, resident)) {
        throw Conflict("already_deceased", "the death of resident " +
                                               std::to_string(resident.value()) +
                                               " was recorded already, on " + *died);
    }
    const auto died = parseDate(date);
    if (!died) throw ValidationError("date", "date must be a date as YYYY-MM-DD");
    if (*died > toUkLocal(now).date) {
        throw ValidationError("date", "date must be today or earlier");
    }
    const auto born = parseDate(found->dateOfBirth);
    if (born && *died < *born) {
        throw ValidationError("date", "date must not be before the resident's date of birth");
    }
    return *died;
}

std::optional<std::string> deceasedOn(Connection& c, ResidentId resident) {
    Rows rows = c.query(kDeceasedOn, {resident.value()});
    if (rows.empty()) return std::nullopt;
    return rows.optionalText(0, 0);
}

std::vector<OpenOrder> openOrdersOf(Connection& c, ResidentId resident) {
    Rows rows = c.query(kOpenOrders, {resident.value()});
    std::vector<OpenOrder> orders;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        orders.push_back({rows.text(i, 0), rows.text(i, 1)});
    }
    return orders;
}

OrdersOnLoan ordersOnLoan(Connection& c, ResidentId resident) {
    Rows rows = c.query(kOrdersOnLoan, {resident.value()});
    OrdersOnLoan orders;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        (rows.integer(i, 1) != 0 ? orders.beingCollected : orders.toCollect)
            .push_back(rows.text(i, 0));
    }
    return orders;
}

std::size_t cancelDeliveryVisits(Connection& c, const std::string& orderReference) {
    return c.executeCounting(kCancelDeliveryVisits, {orderReference});
}

void markDeceased(Connection& c, ResidentId resident, std::chrono::year_month_day date,
                  const Actor& actor, Instant now, const std::string& detail) {
    c.execute(kMarkDeceased, {resident.value(), formatDate(date)});
    audit(c, actor.id, "resident.deceased", "resident", std::to_string(resident.value()), now,
          detail);
}

}  // namespace ces::store
