#pragma once
// Specials (non-catalogue items) through their steps: request, approval, quote, purchase
// order, receipt at a depot and delivery. Each step is a conditional update from the state the
// rule in warehouse/ checked, so a step cannot be recorded twice.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/specials.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

/// One special with its order and every step's date.
struct SpecialRecord {
    SpecialId id;
    OrderId order;
    std::string orderReference;
    OrderStatus orderStatus = OrderStatus::submitted;
    TeamId team;
    ResidentId resident;
    std::string description;
    Pence estimatedPricePence = 0;
    SpecialStatus status = SpecialStatus::requested;
    Instant requestedAt;
    std::optional<Instant> approvedAt;
    std::optional<std::string> supplier;
    std::optional<Pence> quotePence;
    std::optional<Instant> quotedAt;
    std::optional<std::string> purchaseOrder;
    std::optional<Instant> orderedAt;
    std::optional<Instant> receivedAt;
    std::optional<Instant> deliveredAt;
    std::optional<std::string> barcode;  ///< The asset it became on receipt.
};
std::optional<SpecialRecord> findSpecial(Connection& c, SpecialId id);
/// A page of the specials not yet delivered, plus delivered ones when `includeDelivered`;
/// oldest request first.
Page<SpecialRecord> listSpecials(Connection& c, bool includeDelivered, const PageRequest& page);
std::vector<SpecialRecord> specialsOfOrder(Connection& c, OrderId order);

/// Specials requested before `requestedBefore` and not yet at the warehouse, of orders not
/// cancelled, whose lateness no one has reported yet; oldest first, at most `limit`.
std::vector<SpecialRecord> unreportedLateSpecials(Connection& c, Instant requestedBefore,
                                                  std::int64_t limit);
/// Records that the special's lateness was reported; false when another report came first.
bool markSpecialLateReported(Connection& c, SpecialId id, Instant now);

/// Each throws Conflict("concurrent_change") if the special is no longer in `from`.
void recordSpecialApproval(Connection& c, SpecialId id, SpecialStatus from, UserId who,
                           Instant now);
void recordSpecialQuote(Connection& c, SpecialId id, SpecialStatus from,
                        const std::string& supplier, Pence price, Instant now);
void recordSpecialOrder(Connection& c, SpecialId id, SpecialStatus from,
                        const std::string& purchaseOrder, Instant now);
void recordSpecialReceipt(Connection& c, SpecialId id, SpecialStatus from, Instant now);
void recordSpecialDelivery(Connection& c, SpecialId id, SpecialStatus from, Instant now);

}  // namespace ces::store
