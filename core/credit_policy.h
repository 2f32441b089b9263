#pragma once
// Credits (domain.md): when a credit-eligible item passes inspection back into stock, the funder
// that paid for its issue is credited rate x catalogue price. The rate is 85% by default and may
// differ by date range (contract year), category and condition.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace ces {

/// A rate in basis points (1/100 of a percent): 8500 = 85%.
using BasisPoints = std::int64_t;

/// The enhanced credit model of the 2024 contract.
inline constexpr BasisPoints kDefaultCreditRate = 8500;

/// One row of the policy table. Empty category or condition means "any".
struct CreditRule {
    std::chrono::year_month_day validFrom;               ///< First day it applies.
    std::optional<std::chrono::year_month_day> validTo;  ///< Last day it applies (inclusive).
    std::string category;   ///< Catalogue category, e.g. "Beds"; "" for all.
    std::string condition;  ///< Condition on return, e.g. "good", "worn"; "" for all.
    BasisPoints rate = kDefaultCreditRate;  ///< 0 to 10000.
};

/// The policy table. Throws ValidationError for a rate outside 0..10000 or validTo < validFrom.
class CreditPolicy {
  public:
    CreditPolicy() = default;  ///< No rules: every credit at kDefaultCreditRate.
    explicit CreditPolicy(std::vector<CreditRule> rules);

    /// The rate for an item of `category` returned in `condition`, inspected on `day`: of the
    /// rules in force that day and matching, the most specific (category and condition, then
    /// category, then condition, then neither); among equals the one starting latest.
    /// kDefaultCreditRate when none matches.
    BasisPoints rateFor(std::chrono::year_month_day day, const std::string& category,
                        const std::string& condition) const;

    const std::vector<CreditRule>& rules() const { return rules_; }

  private:
    std::vector<CreditRule> rules_;
};

/// rate x price, rounded half up to the penny: (price x rate + 5000) / 10000 in integers, so
/// 85% of £0.01 (0.85p) is 1p and 85% of £0.03 (2.55p) is 3p. Price and rate are never negative.
Pence creditAmount(Pence cataloguePrice, BasisPoints rate);

}  // namespace ces
