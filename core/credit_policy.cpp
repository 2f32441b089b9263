#include "core/credit_policy.h"

#include "core/errors.h"

namespace ces {

CreditPolicy::CreditPolicy(std::vector<CreditRule> rules) : rules_(std::move(rules)) {
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const auto& rule = rules_[i];
        const std::string at = "rules[" + std::to_string(i) + "]";
        if (rule.rate < 0 || rule.rate > 10000) {
            throw ValidationError(at + ".rate", "a credit rate is 0 to 10000 basis points");
        }
        if (!rule.validFrom.ok() ||
            (rule.validTo && (!rule.validTo->ok() || *rule.validTo < rule.validFrom))) {
            throw ValidationError(at + ".valid_to", "a rule must end on or after it starts");
        }
    }
}

BasisPoints CreditPolicy::rateFor(std::chrono::year_month_day day, const std::string& category,
                                  const std::string& condition) const {
    const CreditRule* best = nullptr;
    int bestScore = -1;
    for (const auto& rule : rules_) {
        if (day < rule.validFrom || (rule.validTo && day > *rule.validTo)) continue;
        if (!rule.category.empty() && rule.category != category) continue;
        if (!rule.condition.empty() && rule.condition != condition) continue;
        const int score = (rule.category.empty() ? 0 : 2) + (rule.condition.empty() ? 0 : 1);
        if (score > bestScore || (score == bestScore && rule.validFrom > best->validFrom)) {
            best = &rule;
            bestScore = score;
        }
    }
    return best ? best->rate : kDefaultCreditRate;
}

Pence creditAmount(Pence cataloguePrice, BasisPoints rate) {
    if (cataloguePrice < 0 || rate < 0) {
        throw ValidationError("price", "credits are computed from non-negative prices and rates");
    }
    return (cataloguePrice * rate + 5000) / 10000;
}

}  // namespace ces
