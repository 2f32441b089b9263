#pragma once
// Specials (non-catalogue items) through their steps: request, approval, quote, purchase
// order, receipt at a depot and delivery. Each step is a conditional update from the state the
// rule in warehouse/ checked, so a step cannot be recorded twice.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// One special with its order and every step's date.
struct SpecialRecord {
    std::int64_t id = 0;
    OrderId order;
    std::string orderReference;
    std::string orderStatus;
    TeamId team;
    ResidentId resident;
    std::string description;
    Pence estimatedPricePence = 0;
    std::string status;
    std::string requestedAt;
    std::optional<std::string> approvedAt;
    std::optional<std::string> supplier;
    std::optional<Pence> quotePence;
    std::optional<std::string> quotedAt;
    std::optional<std::string> purchaseOrder;
    std::optional<std::string> orderedAt;
    std::optional<std::string> receivedAt;
    std::optional<std::string> deliveredAt;
    std::optional<std::string> barcode;  ///< The asset it became on receipt.
};
std::optional<SpecialRecord> findSpecial(Connection& c, std::int64_t id);
/// Every special not yet delivered, plus delivered ones when `includeDelivered`; oldest first.
std::vector<SpecialRecord> listSpecials(Connection& c, bool includeDelivered, std::size_t limit);
std::vector<SpecialRecord> specialsOfOrder(Connection& c, OrderId order);

/// Each throws Conflict("concurrent_change") if the special is no longer in `from`.
void recordSpecialApproval(Connection& c, std::int64_t id, const std::string& from, UserId who,
                           Instant now);
void recordSpecialQuote(Connection& c, std::int64_t id, const std::string& from,
                        const std::string& supplier, Pence price, Instant now);
void recordSpecialOrder(Connection& c, std::int64_t id, const std::string& from,
                        const std::string& purchaseOrder, Instant now);
void recordSpecialReceipt(Connection& c, std::int64_t id, const std::string& from, Instant now);
void recordSpecialDelivery(Connection& c, std::int64_t id, const std::string& from, Instant now);

/// The asset a received special became, if any.
std::optional<std::int64_t> assetOfSpecial(Connection& c, std::int64_t specialId);

}  // namespace ces::store
