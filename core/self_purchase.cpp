#include "core/self_purchase.h"

#include "core/errors.h"
#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<SelfPurchaseOutcome, 3> kOutcomeNames{{
    {SelfPurchaseOutcome::self_purchase, "self_purchase"},
    {SelfPurchaseOutcome::declined, "declined"},
    {SelfPurchaseOutcome::not_appropriate, "not_appropriate"},
}};

constexpr Pence kMostRetailPrice = 1'000'000;  // £10,000

bool blank(std::string_view text) { return text.find_first_not_of(" \t") == std::string::npos; }

std::string requireText(std::string_view text, const char* field, std::size_t longest) {
    if (blank(text) || text.size() > longest) {
        throw ValidationError(
            field, std::string(field) + " needs 1 to " + std::to_string(longest) + " characters");
    }
    return std::string(text);
}

}  // namespace

std::optional<RetailAlternative> retailAlternativeFrom(std::string_view product,
                                                       std::string_view pricePounds,
                                                       std::string_view whereToBuy,
                                                       std::string_view safetyNote) {
    if (blank(product) && blank(pricePounds) && blank(whereToBuy) && blank(safetyNote)) {
        return std::nullopt;
    }
    RetailAlternative alternative;
    alternative.product = requireText(product, "retail_product", 200);
    if (blank(pricePounds)) {
        throw ValidationError("retail_price_gbp", "give the typical price in pounds");
    }
    alternative.typicalPricePence = parsePoundsToPence(pricePounds, "retail_price_gbp");
    if (alternative.typicalPricePence < 1 || alternative.typicalPricePence > kMostRetailPrice) {
        throw ValidationError("retail_price_gbp", "the typical price is from £0.01 to £10,000");
    }
    alternative.whereToBuy = requireText(whereToBuy, "retail_where", 300);
    alternative.safetyNote = requireText(safetyNote, "retail_note", 1000);
    return alternative;
}

std::string_view toString(SelfPurchaseOutcome outcome) { return nameIn(kOutcomeNames, outcome); }
std::optional<SelfPurchaseOutcome> parseSelfPurchaseOutcome(std::string_view text) {
    return valueIn(kOutcomeNames, text);
}

void checkSelfPurchaseReason(SelfPurchaseOutcome outcome, const std::string& reason,
                             const std::string& field) {
    if (reason.size() > 500) {
        throw ValidationError(field + ".reason", "the reason is at most 500 characters");
    }
    if (outcome == SelfPurchaseOutcome::not_appropriate && blank(reason)) {
        throw ValidationError(field + ".reason",
                              "say the clinical reason self-purchase is not appropriate");
    }
}

std::optional<double> SelfPurchaseTally::sharePercent() const {
    if (offered() == 0) return std::nullopt;
    return 100.0 * static_cast<double>(selfPurchased) / static_cast<double>(offered());
}

}  // namespace ces
