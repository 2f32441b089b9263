#pragma once
// A resident's death, as the store records it: who may record it, the date, which of their
// orders are still open and which loans are not yet being collected. The whole step (cancelling
// orders, raising collections) is warehouse::recordDeath's, in one write.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Checks that the death may be recorded and answers its date: the actor is an admin or a
/// prescriber of a team serving the resident (Forbidden), the resident exists (NotFound), their
/// death is not recorded yet (Conflict "already_deceased"), and `date` is YYYY-MM-DD, not after
/// today (UK) and not before their birth (ValidationError naming `date`).
std::chrono::year_month_day checkDeath(Connection& c, ResidentId resident, const std::string& date,
                                       const Actor& actor, Instant now);

/// The resident's date of death (YYYY-MM-DD), once recorded.
std::optional<std::string> deceasedOn(Connection& c, ResidentId resident);

/// An order of the resident not yet delivered or cancelled.
struct OpenOrder {
    std::string reference;
    std::string status;
};
/// The resident's open orders, oldest first.
std::vector<OpenOrder> openOrdersOf(Connection& c, ResidentId resident);

/// The resident's orders with equipment still on loan, by reference, oldest first.
struct OrdersOnLoan {
    std::vector<std::string> toCollect;       ///< none of it on an open collection
    std::vector<std::string> beingCollected;  ///< some of it on an open collection already
};
OrdersOnLoan ordersOnLoan(Connection& c, ResidentId resident);

/// Cancels the delivery visits of the order not yet made; answers how many.
std::size_t cancelDeliveryVisits(Connection& c, const std::string& orderReference);

/// Marks the resident deceased on `date`, audited as resident.deceased with `detail`.
void markDeceased(Connection& c, ResidentId resident, std::chrono::year_month_day date,
                  const Actor& actor, Instant now, const std::string& detail);

}  // namespace ces::store
