#pragma once
// Equipment the outgoing provider lent, recorded when the county takes the service over: an
// order already delivered (no approval, no due date, so it counts in no on-time figure) whose
// lines are loans started on the day the provider lent them.
#include <cstdint>
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The order a resident's migrated loans hang on, for the team taking them over.
struct MigratedOrder {
    ResidentId resident;
    TeamId team;
    UserId by;            ///< Who ran the migration (audited as them).
    Instant deliveredAt;  ///< When the provider lent the first item.
};

/// Inserts the order (status delivered), its history row and audit row.
OrderId insertMigratedOrder(Connection& c, const MigratedOrder& order, Instant now);

/// The resident's migrated order, if one was made (every later migrated item joins it).
std::optional<OrderId> migratedOrderOf(Connection& c, ResidentId resident);

/// One item (or a counted quantity) already in the resident's home.
struct MigratedLine {
    OrderId order;
    ResidentId resident;
    std::string itemCode;
    std::int64_t quantity = 1;
    Pence unitPricePence = 0;
    DepotId depot;  ///< The depot that takes it back.
    Instant since;
    std::optional<std::string> legacyRef;  ///< Their loan reference (counted items).
};

struct MigratedLoanIds {
    OrderLineId line;
    LoanId loan;
};

/// Adds the line and its loan, adds its price to the order's total and the quantity to the
/// depot's on-loan count.
MigratedLoanIds insertMigratedLine(Connection& c, const MigratedLine& line);

/// The loan migrated with the outgoing provider's reference, if any.
std::optional<LoanId> loanByLegacyRef(Connection& c, const std::string& reference);

}  // namespace ces::store
