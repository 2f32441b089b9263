#include "core/store/orders/orders.h"

#include <set>

#include "core/credentials.h"
#include "core/settings.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/competences.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/messages/outbox.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/order_numbers.h"
#include "core/store/residents/deceased.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/stock.h"
#include "core/uk_time.h"

namespace ces::store {

namespace {

// The order keeps its resident's district and postcode's deprivation decile as they are when it
// is placed (migration 005), so the equity reports need no join. A new order is written once, in
// the status it reaches at once (its history events record each step).
const char* const kInsertOrder =
    "INSERT INTO orders (reference, tracking_token, resident_id, prescriber_id, team_id, "
    "funder_id, speed, status, notes, total_pence, created_at, approved_at, due_by, district, "
    "imd_decile) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
    "RETURNING id";
const char* const kInsertLine =
    "INSERT INTO order_lines (order_id, item_code, quantity, unit_price_pence, depot_id) "
    "VALUES ($1, $2, $3, $4, $5)";
const char* const kInsertSpecial =
    "INSERT INTO specials (order_id, description, estimated_price_pence, status, requested_at) "
    "VALUES ($1, $2, $3, 'requested', $4)";
const std::string kInsertEvents =
    "INSERT INTO order_events (order_id, from_status, to_status, at, user_id, note) VALUES ";
const std::string kInsertEvent = kInsertEvents + valuesPlaceholders(1, 6);
const char* const kSetStatus = "UPDATE orders SET status = $1 WHERE id = $2";
const char* const kSetApproved = "UPDATE orders SET approved_at = $1, due_by = $2 WHERE id = $3";
const char* const kLinesToReserve =
    "SELECT id, item_code, quantity, depot_id FROM order_lines WHERE order_id = $1 ORDER BY id";
const char* const kSetLineDepot = "UPDATE order_lines SET depot_id = $1 WHERE id = $2";
const char* const kSavepointReserve = "SAVEPOINT reserve_lines";
const char* const kReleaseReserve = "RELEASE SAVEPOINT reserve_lines";
const char* const kRollbackReserve = "ROLLBACK TO SAVEPOINT reserve_lines";
const char* const kCountersignFacts = "SELECT prescriber_id, total_pence FROM orders WHERE id = $1";
const char* const kSetCountersigned =
    "UPDATE orders SET countersigned_by = $1, countersigned_at = $2 WHERE id = $3";
// Specials not yet in: an order re-allocated after its specials arrived does not wait again.
const char* const kCountSpecials =
    "SELECT COUNT(*) FROM specials WHERE order_id = $1 AND status NOT IN ('received', 'delivered')";
const char* const kStartLoan =
    "INSERT INTO loans (order_line_id, resident_id, item_code, quantity, started_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
const char* const kReservedToLoan =
    "UPDATE stock SET reserved = reserved - $1, on_loan = on_loan + $1 "
    "WHERE depot_id = $2 AND item_code = $3 AND reserved >= $1 RETURNING reserved";
const char* const kSetDelivered = "UPDATE orders SET delivered_at = $1 WHERE id = $2";

void moveTo(Connection& c, OrderRow& order, OrderStatus to, const Actor& actor, Instant now,
            const std::string& note = "") {
    requireTransition(order.status, to);
    c.execute(kSetStatus, {std::string(toString(to)), order.id.value()});
    c.execute(kInsertEvent,
              {order.id.value(), std::string(toString(order.status)), std::string(toString(to)),
               formatInstant(now), actor.id.value(), note});
    audit(c, actor.id, "order." + std::string(toString(to)), "order", order.reference, now, note);
    order.status = to;
}

// Reserves every line at the depot nearest the resident; a short line throws OutOfStock.
void reserveLines(Connection& c, const OrderRow& order) {
    const auto resident = findResident(c, order.resident);
    const auto place = resident ? findPostcode(c, resident->postcode) : std::nullopt;
    const DeliveryPlace where{resident ? resident->district : "", place ? place->lat : 0.0,
                              place ? place->lon : 0.0};
    Rows lines = c.query(kLinesToReserve, {order.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines.isNull(i, 3)) continue;
        const DepotId depot = reserveStock(c, lines.text(i, 1), lines.integer(i, 2), where,
                                           "lines[" + std::to_string(i) + "].item_code");
        c.execute(kSetLineDepot, {depot.value(), lines.integer(i, 0)});
    }
}

void allocate(Connection& c, OrderRow& order, const Actor& actor, Instant now) {
    reserveLines(c, order);
    const bool hasSpecials = c.query(kCountSpecials, {order.id.value()}).integer(0, 0) > 0;
    moveTo(c, order, hasSpecials ? OrderStatus::awaiting_special : OrderStatus::allocated, actor,
           now);
}

// Approval starts the delivery clock.
void approve(Connection& c, OrderRow& order, const Actor& actor, Instant now,
             const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency) {
    moveTo(c, order, OrderStatus::approved, actor, now);
    const Instant due = dueBy(order.speed, now, calendar, emergency);
    c.execute(kSetApproved, {formatInstant(now), formatInstant(due), order.id.value()});
    order.dueBy = due;
}

// Reserves every line or none: a short line undoes the partial reservations and its
// OutOfStock goes on to the caller.
void allocateWhole(Connection& c, OrderRow& row, const Actor& actor, Instant now) {
    c.execute(kSavepointReserve);
    try {
        allocate(c, row, actor, now);
        c.execute(kReleaseReserve);
    } catch (const OutOfStock&) {
        c.execute(kRollbackReserve);
        c.execute(kReleaseReserve);
        throw;
    }
}

// Approves and reserves; the decision stands even when stock is short: the order waits,
// approved, for stock and the warehouse allocates it when stock arrives.
void approveAndReserve(Connection& c, OrderRow& row, const Actor& actor, Instant now,
                       const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency) {
    approve(c, row, actor, now, calendar, emergency);
    try {
        allocateWhole(c, row, actor, now);
    } catch (const OutOfStock&) {
        // approved, waiting for stock
    }
}

// Every colleague of the team who could countersign hears of the order waiting for them.
void askForCountersignature(Connection& c, const MissingCompetence& missing,
                            const std::string& reference, const Actor& actor, Instant now) {
    for (const auto& colleague :
         countersigners(c, *actor.team, missing.competence, ukDateOf(now), actor.id)) {
        OutboxMessage message;
        message.recipientUser = colleague.user;
        message.recipient = colleague.email.empty() ? colleague.name : colleague.email;
        message.subject = "Order " + reference + " waits for your countersignature";
        message.body = actor.displayName + " has ordered " + missing.itemCode + ", which needs " +
                       missing.competence +
                       " competence they do not hold. As a colleague who holds it, please "
                       "review and countersign order " +
                       reference + " on its page (or cancel it with the prescriber).";
        message.entity = "order";
        message.entityId = reference;
        queueMessage(c, message, now);
    }
}

// The refusal of an item the prescriber (or the countersigning colleague) is not competent for.
CompetenceRequired competenceRequired(const MissingCompetence& missing, bool countersigning) {
    const std::string field = "lines[" + std::to_string(missing.line) + "].item_code";
    const std::string lacks = missing.itemCode + " needs the competence " + missing.competence +
                              ", which you do not hold (or it has expired)";
    return CompetenceRequired(
        field, missing.itemCode, missing.competence,
        countersigning ? lacks + ": a colleague who holds it must countersign"
                       : lacks +
                             ": a colleague in your team who holds it may countersign (order "
                             "with countersign: true, then they countersign it)");
}

std::vector<OrderPlan::Line> validateLines(Connection& c, const NewOrder& order) {
    if (order.lines.empty() && order.specials.empty()) {
        throw ValidationError("lines", "an order needs at least one item or special");
    }
    if (order.lines.size() > kMaxOrderLines) {
        throw ValidationError(
            "lines", "an order may have at most " + std::to_string(kMaxOrderLines) + " lines");
    }
    std::vector<OrderPlan::Line> priced;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
        const auto& line = order.lines[i];
        const std::string at = "lines[" + std::to_string(i) + "]";
        if (line.quantity < 1 || line.quantity > kMaxLineQuantity) {
            throw ValidationError(at + ".quantity", "quantity must be between 1 and " +
                                                        std::to_string(kMaxLineQuantity));
        }
        const auto item = findItem(c, line.itemCode);
        if (!item) {
            throw ValidationError(at + ".item_code",
                                  "no catalogue item has the code " + line.itemCode);
        }
        if (item->retired) {
            throw ValidationError(at + ".item_code",
                                  line.itemCode + " is retired: order another item");
        }
        if (!seen.insert(line.itemCode).second) {
            throw ValidationError(at + ".item_code", line.itemCode + " is listed twice");
        }
        priced.push_back({line.itemCode, line.quantity, item->pricePence});
    }
    for (std::size_t i = 0; i < order.specials.size(); ++i) {
        const auto& special = order.specials[i];
        const std::string at = "specials[" + std::to_string(i) + "]";
        if (special.description.find_first_not_of(" \t") == std::string::npos ||
            special.description.size() > 1000) {
            throw ValidationError(at + ".description",
                                  "a special needs a description of up to 1000 characters");
        }
        // The estimate decides whether the budget holder must approve: it cannot be nothing.
        if (special.estimatedPricePence <= 0 || special.estimatedPricePence > 100'000'000) {
            throw ValidationError(at + ".estimated_price_pence",
                                  "estimated_price_pence must be between 1 and 100000000");
        }
    }
    return priced;
}

// The history events of a new order's first steps, in one statement.
void insertFirstEvents(Connection& c, OrderId order, const std::vector<OrderStatus>& path,
                       const std::string& at, const Actor& actor, const std::string& note) {
    std::vector<SqlValue> params;
    for (std::size_t step = 0; step < path.size(); ++step) {
        params.insert(params.end(),
                      {order.value(),
                       step == 0 ? SqlValue() : SqlValue(std::string(toString(path[step - 1]))),
                       std::string(toString(path[step])), at, actor.id.value(),
                       step == 0 ? std::string() : note});
    }
    c.execute(kInsertEvents + valuesPlaceholders(path.size(), 6), params);
}

std::vector<StartedLoan> startLoans(Connection& c, const OrderRow& order, Instant now) {
    std::vector<StartedLoan> started;
    Rows lines = c.query(kLinesToReserve, {order.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines.isNull(i, 3)) throw Conflict("not_reserved", "a line has no reserved stock");
        if (c.query(kReservedToLoan, {lines.integer(i, 2), lines.integer(i, 3), lines.text(i, 1)})
                .empty()) {
            throw Conflict("stock_mismatch", "the reserved stock for a line is not there");
        }
        const LoanId loan(
            c.insert(kStartLoan, {lines.integer(i, 0), order.resident.value(), lines.text(i, 1),
                                  lines.integer(i, 2), formatInstant(now)}));
        started.push_back({loan, OrderLineId(lines.integer(i, 0)), DepotId(lines.integer(i, 3)),
                           lines.text(i, 1), lines.integer(i, 2)});
    }
    c.execute(kSetDelivered, {formatInstant(now), order.id.value()});
    return started;
}

// Cancels the order: its reserved stock counts go back and its lines forget their depot.
CancelledOrder cancelRow(Connection& c, OrderRow row, const Actor& actor, Instant now,
                         const std::string& reason) {
    requireTransition(row.status, OrderStatus::cancelled);
    CancelledOrder cancelled;
    Rows lines = c.query(kLinesToReserve, {row.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines.isNull(i, 3)) continue;
        releaseStock(c, DepotId(lines.integer(i, 3)), lines.text(i, 1), lines.integer(i, 2));
        cancelled.releasedLines.emplace_back(lines.integer(i, 0));
        c.execute(kSetLineDepot, {std::monostate{}, lines.integer(i, 0)});
    }
    moveTo(c, row, OrderStatus::cancelled, actor, now, reason);
    cancelled.order = {row.reference, row.status, row.dueBy, row.trackingToken};
    return cancelled;
}

const char* const kCancelOpenDeliveries =
    "UPDATE visits SET status = 'cancelled' WHERE order_id = $1 AND kind = 'delivery' "
    "AND status IN ('pending', 'planned')";

}  // namespace

std::vector<OrderLineId> returnToWaitingForStock(Connection& c, const std::string& reference,
                                                 const Actor& actor, Instant now,
                                                 const std::string& reason) {
    OrderRow row = findOrderRow(c, reference);
    requireTransition(row.status, OrderStatus::approved);
    std::vector<OrderLineId> released;
    Rows lines = c.query(kLinesToReserve, {row.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines.isNull(i, 3)) continue;
        releaseStock(c, DepotId(lines.integer(i, 3)), lines.text(i, 1), lines.integer(i, 2));
        released.emplace_back(lines.integer(i, 0));
        c.execute(kSetLineDepot, {std::monostate{}, lines.integer(i, 0)});
    }
    c.execute(kCancelOpenDeliveries, {row.id.value()});
    moveTo(c, row, OrderStatus::approved, actor, now, reason);
    return released;
}

ProgressedOrder progressOrder(Connection& c, const std::string& reference, OrderStatus to,
                              const Actor& actor, Instant now, const std::string& note) {
    const bool deliveryStep = to == OrderStatus::scheduled || to == OrderStatus::out_for_delivery ||
                              to == OrderStatus::delivered || to == OrderStatus::failed_visit;
    if (!deliveryStep) {
        throw ValidationError("status", "only delivery steps can be recorded this way");
    }
    if (actor.role != Role::planner && actor.role != Role::driver &&
        actor.role != Role::warehouse && actor.role != Role::admin) {
        throw Forbidden("your role may not record deliveries");
    }
    OrderRow row = findOrderRow(c, reference);
    requireTransition(row.status, to);
    ProgressedOrder progressed;
    progressed.resident = row.resident;
    if (to == OrderStatus::delivered) progressed.startedLoans = startLoans(c, row, now);
    moveTo(c, row, to, actor, now, note);
    progressed.order = {row.reference, row.status, row.dueBy, row.trackingToken};
    return progressed;
}

OrderPlan planOrder(Connection& c, const NewOrder& order, const Actor& actor) {
    if (actor.role != Role::prescriber || !actor.team) {
        throw Forbidden("only prescribers may place orders");
    }
    const auto resident = findResident(c, order.resident);
    if (!resident || !teamServesResident(c, *actor.team, order.resident)) {
        throw ValidationError("resident_id", "no resident with that id is served by your team");
    }
    if (deceasedOn(c, order.resident)) {
        throw ValidationError("resident_id", "resident " + std::to_string(order.resident.value()) +
                                                 " has died: no new orders may be placed");
    }
    if (order.notes.size() > 2000) {
        throw ValidationError("notes", "notes may be at most 2000 characters");
    }
    OrderPlan plan;
    plan.lines = validateLines(c, order);
    plan.order = order;
    for (const auto& line : plan.lines) plan.total += line.unitPrice * line.quantity;
    for (const auto& special : order.specials) plan.total += special.estimatedPricePence;
    const TeamInfo team = findTeam(c, *actor.team);
    plan.funder = team.funder;
    plan.approvalLimit = team.approvalLimit;
    plan.district = resident->district;
    if (const auto place = findPostcode(c, resident->postcode)) {
        plan.lat = place->lat;
        plan.lon = place->lon;
        plan.imdDecile = place->imdDecile;
    }
    plan.depots = depotPreference(c, {plan.district, plan.lat, plan.lon});
    plan.trackingSecret = randomHex(16);
    return plan;
}

OrderOutcome placeOrder(Connection& c, const OrderPlan& plan, const Actor& actor, Instant now,
                        const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency) {
    if (actor.role != Role::prescriber || !actor.team) {
        throw Forbidden("only prescribers may place orders");
    }
    const NewOrder& order = plan.order;
    const std::string at = formatInstant(now);
    OrderOutcome outcome;
    std::vector<OrderStatus> path = {OrderStatus::submitted};
    std::vector<SqlValue> depots(plan.lines.size());
    std::string note;
    std::vector<std::string> codes;
    for (const auto& line : plan.lines) codes.push_back(line.itemCode);
    const auto missing = missingCompetences(c, codes, actor.id, ukDateOf(now));
    if (!missing.empty() && !order.countersign) throw competenceRequired(missing.front(), false);
    if (!missing.empty()) {
        path.push_back(OrderStatus::awaiting_countersignature);
        note = "needs a countersignature: " + missing.front().competence + " for " +
               missing.front().itemCode;
    } else if (plan.total > plan.approvalLimit) {
        path.push_back(OrderStatus::awaiting_approval);
        note = "total over the team's approval limit";
    } else {
        // A prescriber ordering within their limit gets the stock now or a 409 with equivalents:
        // the whole order (the caller's savepoint) is undone when a line is short.
        for (std::size_t i = 0; i < plan.lines.size(); ++i) {
            const auto& line = plan.lines[i];
            depots[i] = reserveStock(c, line.itemCode, line.quantity, plan.depots,
                                     "lines[" + std::to_string(i) + "].item_code")
                            .value();
        }
        path.push_back(OrderStatus::approved);
        path.push_back(order.specials.empty() ? OrderStatus::allocated
                                              : OrderStatus::awaiting_special);
        outcome.dueBy = dueBy(order.speed, now, calendar, emergency);
    }
    for (std::size_t step = 1; step < path.size(); ++step) {
        requireTransition(path[step - 1], path[step]);
    }
    outcome.status = path.back();
    const OrderNumber number = nextOrderNumber(c, now);
    outcome.reference = number.reference();
    outcome.trackingToken = trackingToken(number, plan.trackingSecret);
    const OrderId id(c.insert(
        kInsertOrder,
        {outcome.reference, outcome.trackingToken, order.resident.value(), actor.id.value(),
         actor.team->value(), plan.funder.value(), std::string(toString(order.speed)),
         std::string(toString(outcome.status)), order.notes, plan.total, at,
         outcome.dueBy ? SqlValue(at) : SqlValue(),
         outcome.dueBy ? SqlValue(formatInstant(*outcome.dueBy)) : SqlValue(), plan.district,
         plan.imdDecile ? SqlValue(std::int64_t{*plan.imdDecile}) : SqlValue()}));
    for (std::size_t i = 0; i < plan.lines.size(); ++i) {
        const auto& line = plan.lines[i];
        c.execute(kInsertLine,
                  {id.value(), line.itemCode, line.quantity, line.unitPrice, depots[i]});
    }
    for (const auto& special : order.specials) {
        c.execute(kInsertSpecial,
                  {id.value(), special.description, special.estimatedPricePence, at});
    }
    insertFirstEvents(c, id, path, at, actor, note);
    std::vector<AuditStep> steps = {{"order.create", ""}};
    for (std::size_t step = 1; step < path.size(); ++step) {
        steps.push_back({"order." + std::string(toString(path[step])), note});
    }
    audit(c, actor.id, steps, "order", outcome.reference, now);
    ResidentNotice placed{
        .kind = message_kind::orderPlaced, .entity = "order", .entityId = outcome.reference};
    if (outcome.dueBy)
        placed.fields.emplace_back("date", formatDate(toUkLocal(*outcome.dueBy).date));
    if (outcome.status == OrderStatus::awaiting_approval ||
        outcome.status == OrderStatus::awaiting_countersignature) {
        placed.flags.push_back("awaiting_approval");
    }
    messageResident(c, id, placed, now);
    if (!missing.empty()) askForCountersignature(c, missing.front(), outcome.reference, actor, now);
    return outcome;
}

OrderOutcome createOrder(Connection& c, const NewOrder& order, const Actor& actor, Instant now,
                         const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency) {
    return placeOrder(c, planOrder(c, order, actor), actor, now, calendar, emergency);
}

OrderOutcome approveOrder(Connection& c, const std::string& reference, const Actor& actor,
                          Instant now, const WorkingDayCalendar& calendar,
                          const EmergencyPolicy& emergency) {
    OrderRow row = loadOrderFor(c, reference, actor, OrderAccess::approve);
    if (row.status != OrderStatus::awaiting_approval) {
        throw Conflict("invalid_transition", "order " + reference + " is " +
                                                 std::string(toString(row.status)) +
                                                 ", not awaiting approval");
    }
    approveAndReserve(c, row, actor, now, calendar, emergency);
    return {row.reference, row.status, row.dueBy, row.trackingToken};
}

OrderOutcome countersignOrder(Connection& c, const std::string& reference, const Actor& actor,
                              Instant now, const WorkingDayCalendar& calendar,
                              const EmergencyPolicy& emergency) {
    if (actor.role != Role::prescriber || !actor.team) {
        throw Forbidden("only a prescriber of the ordering team may countersign");
    }
    OrderRow row = loadOrderFor(c, reference, actor, OrderAccess::read);
    if (row.status != OrderStatus::awaiting_countersignature) {
        throw Conflict("invalid_transition", "order " + reference + " is " +
                                                 std::string(toString(row.status)) +
                                                 ", not awaiting a countersignature");
    }
    Rows facts = c.query(kCountersignFacts, {row.id.value()});
    if (UserId(facts.integer(0, 0)) == actor.id) {
        throw Forbidden("a colleague must countersign: you placed order " + reference);
    }
    std::vector<std::string> codes;
    Rows lines = c.query(kLinesToReserve, {row.id.value()});
    for (std::size_t i = 0; i < lines.size(); ++i) codes.push_back(lines.text(i, 1));
    const auto missing = missingCompetences(c, codes, actor.id, ukDateOf(now));
    if (!missing.empty()) throw competenceRequired(missing.front(), true);
    c.execute(kSetCountersigned, {actor.id.value(), formatInstant(now), row.id.value()});
    audit(c, actor.id, "order.countersign", "order", reference, now);
    if (facts.integer(0, 1) > findTeam(c, row.team).approvalLimit) {
        moveTo(c, row, OrderStatus::awaiting_approval, actor, now,
               "total over the team's approval limit");
    } else {
        approveAndReserve(c, row, actor, now, calendar, emergency);
    }
    return {row.reference, row.status, row.dueBy, row.trackingToken};
}

CancelledOrder cancelOrder(Connection& c, const std::string& reference, const Actor& actor,
                           Instant now, const std::string& reason) {
    if (reason.size() > kMaxCancelReasonLength) {
        throw ValidationError("reason", "the reason may be at most " +
                                            std::to_string(kMaxCancelReasonLength) + " characters");
    }
    return cancelRow(c, loadOrderFor(c, reference, actor, OrderAccess::cancel), actor, now, reason);
}

CancelledOrder cancelOrderOfDeceased(Connection& c, const std::string& reference,
                                     const Actor& actor, Instant now) {
    return cancelRow(c, findOrderRow(c, reference), actor, now, "the resident has died");
}

OrderOutcome allocateApprovedOrder(Connection& c, const std::string& reference, const Actor& actor,
                                   Instant now) {
    OrderRow row = findOrderRow(c, reference);
    if (row.status != OrderStatus::approved) {
        throw Conflict("invalid_transition", "order " + reference + " is " +
                                                 std::string(toString(row.status)) +
                                                 ", not approved and waiting for stock");
    }
    allocateWhole(c, row, actor, now);
    return {row.reference, row.status, row.dueBy, row.trackingToken};
}

OrderOutcome releaseSpecialsHold(Connection& c, const std::string& reference, const Actor& actor,
                                 Instant now) {
    OrderRow row = findOrderRow(c, reference);
    moveTo(c, row, OrderStatus::allocated, actor, now, "every special has been received");
    return {row.reference, row.status, row.dueBy, row.trackingToken};
}

}  // namespace ces::store
