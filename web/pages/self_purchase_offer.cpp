#include "web/pages/self_purchase_offer.h"

#include "core/errors.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

struct OutcomeWords {
    SelfPurchaseOutcome outcome;
    const char* text;
};
constexpr OutcomeWords kOutcomeWords[] = {
    {SelfPurchaseOutcome::self_purchase, "Yes: they will buy it themselves, we will not issue it"},
    {SelfPurchaseOutcome::declined, "No: they would rather have the service's"},
    {SelfPurchaseOutcome::not_appropriate, "Not appropriate, for a clinical reason"},
};

}  // namespace

kainjow::mustache::data retailOffers(const std::vector<DraftLine>& lines,
                                     const std::map<std::string, RetailAlternative>& alternatives,
                                     const FormFields* answers, const FieldError& error) {
    kainjow::mustache::data offers(kainjow::mustache::data::type::list);
    for (const auto& line : lines) {
        const auto found = alternatives.find(line.itemCode);
        if (found == alternatives.end()) continue;
        const auto& alternative = found->second;
        const std::string chosen = answers ? answers->text("self_purchase_" + line.itemCode) : "";
        kainjow::mustache::data offer;
        offer.set("code", line.itemCode);
        offer.set("name", line.name);
        offer.set("product", alternative.product);
        offer.set("price", pounds(alternative.typicalPricePence));
        offer.set("where", alternative.whereToBuy);
        offer.set("note", alternative.safetyNote);
        offer.set("reason", answers ? answers->text("reason_" + line.itemCode).substr(0, 500) : "");
        kainjow::mustache::data options(kainjow::mustache::data::type::list);
        for (const auto& words : kOutcomeWords) {
            kainjow::mustache::data option;
            const std::string value(toString(words.outcome));
            option.set("value", value);
            option.set("text", words.text);
            option.set(
                "id", "self_purchase_" + line.itemCode +
                          (words.outcome == SelfPurchaseOutcome::self_purchase ? "" : "_" + value));
            option.set("checked", chosen == value);
            options.push_back(option);
        }
        offer.set("options", options);
        if (error.field == "self_purchase_" + line.itemCode ||
            error.field == "reason_" + line.itemCode) {
            offer.set("error", error.message);
            offer.set("error_id", error.field);
        }
        offers.push_back(offer);
    }
    return offers;
}

std::vector<store::SelfPurchaseChoice> choicesFrom(
    const FormFields& answers, const std::vector<DraftLine>& lines,
    const std::map<std::string, RetailAlternative>& alternatives) {
    std::vector<store::SelfPurchaseChoice> choices;
    for (const auto& line : lines) {
        if (!alternatives.contains(line.itemCode)) continue;
        const std::string field = "self_purchase_" + line.itemCode;
        const auto outcome = parseSelfPurchaseOutcome(answers.text(field));
        if (!outcome) {
            throw ValidationError(
                field, "Say whether the resident will buy the " + line.name + " themselves");
        }
        const std::string reason = answers.text("reason_" + line.itemCode).substr(0, 600);
        if (*outcome == SelfPurchaseOutcome::not_appropriate && reason.empty()) {
            throw ValidationError(
                "reason_" + line.itemCode,
                "Give the clinical reason buying the " + line.name + " is not appropriate");
        }
        choices.push_back({line.itemCode, line.quantity, *outcome,
                           *outcome == SelfPurchaseOutcome::not_appropriate ? reason : ""});
    }
    return choices;
}

}  // namespace ces::web
