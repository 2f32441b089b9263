#pragma once
// Delivery slots of orders: the order's open delivery visit (or the one dispatch would make),
// booking a slot on it, and the booked slot with its planned start for the resident's view.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The order's open (pending or planned) delivery visit, newest first; nullopt when none.
std::optional<VisitJob> openDeliveryVisit(Connection& c, OrderId order);

/// The delivery visit dispatch would create for the order (id 0, not valid): the resident's
/// place, the depot holding the order's stock (else the district's depot) and the items.
/// nullopt when no depot serves the order.
std::optional<VisitJob> prospectiveDeliveryVisit(Connection& c, OrderId order);

/// Pending visits (any kind) booked into a slot on `date` that no stored plan holds yet, in
/// booking order: a day's offers must leave room for them.
std::vector<VisitJob> bookedPendingVisits(Connection& c, std::chrono::year_month_day date);

/// Puts the booked slot on a visit: due on `date`, a hard window [start, end] seconds after
/// local midnight, and back to pending (off any plan) so the next optimisation places it.
void setDeliveryVisitSlot(Connection& c, VisitId visitId, std::chrono::year_month_day date,
                          int startSeconds, int endSeconds);

/// Moves an allocated or failed-visit order to scheduled with its history entry and audit row
/// (`who` is empty for a resident). Throws Conflict("invalid_transition") from another state.
void markOrderScheduled(Connection& c, OrderId order, const std::string& reference,
                        OrderStatus from, std::optional<UserId> who, Instant now,
                        const std::string& note);

/// The slot booked for an order's open delivery, and its planned start once a plan holds it.
struct BookedDeliverySlot {
    std::chrono::year_month_day date;        ///< The slot's (UK) day.
    int startSeconds = 0;                    ///< Seconds after local midnight.
    int endSeconds = 0;                      ///< Seconds after local midnight.
    std::optional<int> plannedStartSeconds;  ///< Service start on the latest stored plan.
};
/// nullopt when the order's open delivery visit has no slot (or there is no open visit).
std::optional<BookedDeliverySlot> bookedDeliverySlot(Connection& c, OrderId order);
/// The service start (seconds after local midnight) of the order's delivery on its stored plan,
/// slot or none; nullopt while the delivery is not on a plan.
std::optional<int> plannedDeliveryStart(Connection& c, OrderId order);

}  // namespace ces::store
