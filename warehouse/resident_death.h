#pragma once
// Recording a resident's death crosses the parts of the store: their open orders are cancelled
// (stock released and picked assets back on the shelf, as a cancellation does), the delivery
// visits still to make are cancelled, the equipment on loan is asked back, and the resident is
// marked deceased, all in the caller's one write.
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/collection_rules.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

/// What recording a death did.
struct RecordedDeath {
    std::string date;                            ///< YYYY-MM-DD
    std::vector<std::string> cancelledOrders;    ///< references
    std::vector<std::string> outForDelivery;     ///< on a van now: too late to cancel
    std::vector<std::string> collections;        ///< collections raised, by reference
    std::vector<std::string> alreadyCollecting;  ///< orders wholly on open collections already
    std::size_t cancelledVisits = 0;
};

/// Records the death (store::checkDeath's rules: Forbidden, NotFound, Conflict, ValidationError
/// naming `date`) and does everything it implies.
RecordedDeath recordDeath(store::Connection& c, ResidentId resident, const std::string& date,
                          const Actor& actor, Instant now, const WorkingDayCalendar& calendar,
                          const CollectionRules& rules);

}  // namespace ces::warehouse
