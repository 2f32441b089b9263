#pragma once
// Orders: creation, approval and cancellation. Each transition checks the lifecycle rule,
// writes the change, its history event and an audit row in the caller's one transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/due_dates.h"
#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

struct NewOrderLine {
    std::string itemCode;
    std::int64_t quantity = 0;
};

struct NewSpecial {
    std::string description;
    Pence estimatedPricePence = 0;
};

/// What a prescriber asks for.
struct NewOrder {
    ResidentId resident;
    Speed speed = Speed::five_day;
    std::vector<NewOrderLine> lines;
    std::vector<NewSpecial> specials;
    std::string notes;
    /// When an item needs a competence the prescriber does not hold: keep the order for a
    /// competent colleague's countersignature instead of refusing it.
    bool countersign = false;
};

/// The answer to a successful order, transition or approval.
struct OrderOutcome {
    std::string reference;
    OrderStatus status = OrderStatus::submitted;
    std::optional<Instant> dueBy;
    std::string trackingToken;
};

/// Most lines and units one order may carry (a guard against mistakes, not a clinical limit).
inline constexpr std::size_t kMaxOrderLines = 50;
inline constexpr std::int64_t kMaxLineQuantity = 100;

/// An order checked and priced, with what placing it needs to know about its resident and team.
/// Made by planOrder, on any connection: reads only, so the API makes it on a reader and leaves
/// the single writer only the writes (what it reads does not change once written: residents,
/// the teams that serve them, items, teams, postcodes).
struct OrderPlan {
    struct Line {
        std::string itemCode;
        std::int64_t quantity = 0;
        Pence unitPrice = 0;
    };
    NewOrder order;
    std::vector<Line> lines;  ///< order.lines, priced, in the same order
    Pence total = 0;
    FunderId funder;
    Pence approvalLimit = 0;
    std::string district;  ///< the resident's
    double lat = 0;        ///< where the resident's postcode is (0 if unknown)
    double lon = 0;
    std::optional<int> imdDecile;  ///< the resident's postcode's deprivation decile
    std::vector<DepotId> depots;   ///< where stock is tried: the serving depot, then nearest
    std::string trackingSecret;    ///< 128 random bits of the resident's tracking link
};

/// Checks the order for the actor's team and prices it. Throws ValidationError or Forbidden.
OrderPlan planOrder(Connection& c, const NewOrder& order, const Actor& actor);

/// Writes a planned order; approves and reserves at once when the total is within the team's
/// approval limit. Throws OutOfStock (the caller's savepoint undoes the order then).
OrderOutcome placeOrder(Connection& c, const OrderPlan& plan, const Actor& actor, Instant now,
                        const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency = {});

/// planOrder then placeOrder on one connection.
OrderOutcome createOrder(Connection& c, const NewOrder& order, const Actor& actor, Instant now,
                         const WorkingDayCalendar& calendar, const EmergencyPolicy& emergency = {});

/// A budget holder approves an order waiting for approval; its lines are reserved.
OrderOutcome approveOrder(Connection& c, const std::string& reference, const Actor& actor,
                          Instant now, const WorkingDayCalendar& calendar,
                          const EmergencyPolicy& emergency = {});

/// A prescriber of the ordering team, not the one who placed it and holding every competence its
/// items need, countersigns an order awaiting a countersignature; it then goes on as a new order
/// would (to approval over the team's limit, else approved and reserved, or approved and waiting
/// for stock). CompetenceRequired when the countersigner lacks one too.
OrderOutcome countersignOrder(Connection& c, const std::string& reference, const Actor& actor,
                              Instant now, const WorkingDayCalendar& calendar,
                              const EmergencyPolicy& emergency = {});

/// The longest cancellation reason kept (longer ones are refused, naming `reason`).
inline constexpr std::size_t kMaxCancelReasonLength = 500;

/// An order cancelled, and its lines that held stock (their picked assets, if any, go back to
/// the shelf: warehouse::cancelOrder does both in one write).
struct CancelledOrder {
    OrderOutcome order;
    std::vector<OrderLineId> releasedLines;
};

/// Cancels an order not yet out for delivery; reserved stock counts go back.
CancelledOrder cancelOrder(Connection& c, const std::string& reference, const Actor& actor,
                           Instant now, const std::string& reason);

/// Cancels an order of a resident whose death is being recorded, whichever team placed it (the
/// caller checked that the actor may record the death); otherwise as cancelOrder.
CancelledOrder cancelOrderOfDeceased(Connection& c, const std::string& reference,
                                     const Actor& actor, Instant now);

/// A loan started when an order was delivered: one per line.
struct StartedLoan {
    LoanId loan;
    OrderLineId line;
    DepotId depot;
    std::string itemCode;
    std::int64_t quantity = 0;
};

/// An order moved along its delivery path, and the loans its delivery started (none for the
/// other steps).
struct ProgressedOrder {
    OrderOutcome order;
    ResidentId resident;
    std::vector<StartedLoan> startedLoans;
};

/// Moves an order along its delivery path (scheduled, out_for_delivery, delivered, failed_visit)
/// for staff who run visits. Delivery starts a loan per line and moves its stock from reserved
/// to on loan; the loans' assets and the issue charge are the warehouse's part
/// (warehouse::progressOrder does all of it in one write).
ProgressedOrder progressOrder(Connection& c, const std::string& reference, OrderStatus to,
                              const Actor& actor, Instant now, const std::string& note);

/// Reserves the still unreserved lines of an approved order (stock has arrived, or a line was
/// changed to an equivalent): it becomes allocated (or awaiting_special). Throws OutOfStock with
/// the equivalents in stock when a line is still short (nothing is reserved then), Conflict when
/// the order is not approved.
OrderOutcome allocateApprovedOrder(Connection& c, const std::string& reference, const Actor& actor,
                                   Instant now);

/// A safety recall took stock the order held: its reservations go back to the depots' counts,
/// its lines forget their depot, its open delivery visits are cancelled and it waits, approved,
/// for stock again (allocateApprovedOrder re-reserves). Answers the lines released, whose
/// picked assets the caller puts back on the shelf.
std::vector<OrderLineId> returnToWaitingForStock(Connection& c, const std::string& reference,
                                                 const Actor& actor, Instant now,
                                                 const std::string& reason);

/// An order waiting for its specials becomes allocated once every special has been received.
OrderOutcome releaseSpecialsHold(Connection& c, const std::string& reference, const Actor& actor,
                                 Instant now);

}  // namespace ces::store
