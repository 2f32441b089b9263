#pragma once
// Self-purchase (domain.md): digital signposting for people who choose to buy equipment
// themselves (colour, style), against the council's rising target. A catalogue item may carry
// a retail alternative; when a prescriber orders such an item the resident's choice is recorded:
// they buy it themselves (the line is not issued, and counts towards the target), they decline,
// or it is not appropriate for a clinical reason.
#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"

namespace ces {

/// What a resident could buy instead, as the admin keeps it (illustrative in the demo).
struct RetailAlternative {
    std::string product;  ///< "Folding walking frame with wheels"
    Pence typicalPricePence = 0;
    std::string whereToBuy;  ///< "Pharmacies and mobility shops; online retailers"
    std::string safetyNote;  ///< What to check so the choice is safe.
};

/// The CSV cells retail_product, retail_price_gbp, retail_where and retail_note of one row (or
/// the same fields of a form): nothing when all are empty; ValidationError naming the cell when
/// some are given but not all, a price is not pounds from £0.01 to £10,000, or a text is too long.
std::optional<RetailAlternative> retailAlternativeFrom(std::string_view product,
                                                       std::string_view pricePounds,
                                                       std::string_view whereToBuy,
                                                       std::string_view safetyNote);

/// What the resident chose when offered the retail alternative.
enum class SelfPurchaseOutcome {
    self_purchase,    ///< They buy it themselves: the line is not issued.
    declined,         ///< They prefer the service's item.
    not_appropriate,  ///< A clinical reason rules it out (the reason is kept).
};
std::string_view toString(SelfPurchaseOutcome outcome);
std::optional<SelfPurchaseOutcome> parseSelfPurchaseOutcome(std::string_view text);

/// ValidationError naming `field`.reason when "not appropriate" comes without a clinical reason
/// (or any reason is over 500 characters).
void checkSelfPurchaseReason(SelfPurchaseOutcome outcome, const std::string& reason,
                             const std::string& field);

/// The choices counted in a period: the share is self-purchases among every offer.
struct SelfPurchaseTally {
    std::int64_t selfPurchased = 0;
    std::int64_t declined = 0;
    std::int64_t notAppropriate = 0;
    Pence spendAvoidedPence = 0;  ///< Catalogue price of the items not issued.

    std::int64_t offered() const { return selfPurchased + declined + notAppropriate; }
    /// Self-purchases as a percentage of offers; nothing when nothing was offered.
    std::optional<double> sharePercent() const;
};

}  // namespace ces
