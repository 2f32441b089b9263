#pragma once
// Who may see or change an order (domain.md's role table), in one place.
#include <optional>
#include <string>

#include "core/due_dates.h"
#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The order columns the transitions need.
struct OrderRow {
    OrderId id;
    std::string reference;
    std::string trackingToken;
    ResidentId resident;
    TeamId team;
    Speed speed = Speed::five_day;
    OrderStatus status = OrderStatus::submitted;
    std::optional<Instant> dueBy;
};

/// The order with this reference, whoever asks; NotFound if there is none.
OrderRow findOrderRow(Connection& c, const std::string& reference);

enum class OrderAccess { read, approve, cancel };

/// The order, if the actor may do `access` to it. Throws NotFound (unknown, or another team's
/// order for a prescriber) or Forbidden (the role may not).
OrderRow loadOrderFor(Connection& c, const std::string& reference, const Actor& actor,
                      OrderAccess access);

/// True when the actor's role may list orders (and which team it is limited to, if any).
std::optional<TeamId> orderListScope(const Actor& actor);

}  // namespace ces::store
