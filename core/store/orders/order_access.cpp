#include "core/store/orders/order_access.h"

#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kOrderRow =
    "SELECT id, reference, tracking_token, resident_id, team_id, speed, status, due_by "
    "FROM orders WHERE reference = $1";

bool sameFunder(Connection& c, const Actor& actor, TeamId orderTeam) {
    return actor.team &&
           findTeam(c, *actor.team).funder.value() == findTeam(c, orderTeam).funder.value();
}

}  // namespace

OrderRow findOrderRow(Connection& c, const std::string& reference) {
    Rows rows = c.query(kOrderRow, {reference});
    if (rows.empty()) throw NotFound("no order has the reference " + reference);
    OrderRow row;
    row.id = OrderId(rows.integer(0, 0));
    row.reference = rows.text(0, 1);
    row.trackingToken = rows.text(0, 2);
    row.resident = ResidentId(rows.integer(0, 3));
    row.team = TeamId(rows.integer(0, 4));
    row.speed = parseSpeed(rows.text(0, 5)).value_or(Speed::five_day);
    row.status = enumAt(rows, 0, 6, "order status", parseOrderStatus);
    if (auto due = rows.optionalText(0, 7)) row.dueBy = parseInstant(*due);

    return row;
}

OrderRow loadOrderFor(Connection& c, const std::string& reference, const Actor& actor,
                      OrderAccess access) {
    const bool staffReader = actor.role == Role::warehouse || actor.role == Role::planner;
    const bool mayTry = actor.role == Role::prescriber || actor.role == Role::budget_holder ||
                        (staffReader && access == OrderAccess::read);
    if (!mayTry || (access == OrderAccess::approve && actor.role != Role::budget_holder)) {
        throw Forbidden("your role may not do this to an order");
    }
    const OrderRow row = findOrderRow(c, reference);
    const bool visible = staffReader ||
                         (actor.role == Role::prescriber && actor.team == row.team) ||
                         (actor.role == Role::budget_holder && sameFunder(c, actor, row.team));
    if (!visible) throw NotFound("no order has the reference " + reference);
    return row;
}

std::optional<TeamId> orderListScope(const Actor& actor) {
    switch (actor.role) {
        case Role::prescriber:
            if (!actor.team) throw Forbidden("prescribers must belong to a team");
            return actor.team;
        case Role::budget_holder:
        case Role::warehouse:
        case Role::planner:
            return std::nullopt;
        default:
            throw Forbidden("your role may not list orders");
    }
}

}  // namespace ces::store
