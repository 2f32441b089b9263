#pragma once
// The arithmetic of the commissioner's reports, kept apart from the SQL that counts: shares,
// medians, per-1,000 rates, financial years, carbon, and the council's published targets.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/money.h"

namespace ces::kpi {

/// A count out of a total, e.g. orders delivered on time out of orders delivered.
struct Share {
    std::int64_t count = 0;
    std::int64_t total = 0;
    /// 100 x count / total rounded to one decimal place; nullopt when total is 0 (no data is
    /// not 0%).
    std::optional<double> percent() const;
    Share& operator+=(const Share& other);
};

/// Counts of whole days (e.g. days from approval to delivery) for a median without keeping
/// every value.
class DayHistogram {
  public:
    void add(std::int64_t days, std::int64_t count = 1);
    std::int64_t size() const { return total_; }
    /// The median; with an even number of values, the mean of the two middle ones. nullopt when
    /// empty.
    std::optional<double> median() const;
    DayHistogram& operator+=(const DayHistogram& other);

  private:
    std::map<std::int64_t, std::int64_t> counts_;
    std::int64_t total_ = 0;
};

/// Whole days from the (UTC) date of `a` to the date of `b`; negative when b is before a.
std::int64_t daysBetween(Instant a, Instant b);

/// `count` per 1,000 of `population`, to one decimal; nullopt for an unknown population.
std::optional<double> per1000(std::int64_t count, std::int64_t population);

/// The council's financial year (1 April to 31 March) of a date: "2024/25".
std::string financialYear(std::chrono::year_month_day day);
/// The first day of the financial year named "2024/25".
std::chrono::year_month_day financialYearStart(const std::string& name);

/// The target of a special: at the warehouse within 8 weeks of the order (domain.md).
inline constexpr std::chrono::days kSpecialsTarget{56};

// Carbon. Van emissions come from the plan's distance and each van's grams per km. Reuse avoids
// making a new item: kKgCo2PerKgReused is our documented assumption for the embodied carbon of a
// kilogram of mixed community equipment (steel and aluminium frames, plastics, motors): the UK
// government GHG conversion factors for primary metals and plastics lie between about 2 and 4 kg
// CO2e per kg, and 3.0 is the middle of that range. Item weights are estimated per category
// (itemWeightKg); both are configurable by replacing CarbonFactors.
struct CarbonFactors {
    double kgCo2PerKgReused = 3.0;
    std::map<std::string, double> categoryWeightKg{{"Beds", 70.0},
                                                   {"Pressure care", 12.0},
                                                   {"Pressure care / moving & handling", 12.0},
                                                   {"Moving & handling", 35.0},
                                                   {"Moving & handling spares", 3.0},
                                                   {"Seating", 35.0},
                                                   {"Bathing", 6.0},
                                                   {"Toileting", 8.0},
                                                   {"Mobility", 6.0},
                                                   {"Kitchen", 2.0}};
    double defaultWeightKg = 10.0;  ///< For a category not listed.
    double itemWeightKg(const std::string& category) const;
};
/// Kilograms of CO2 for `metres` driven by a van emitting `gramsPerKm`.
double vanKgCo2(std::int64_t metres, std::int64_t gramsPerKm);
/// Kilograms of CO2 avoided by returning `items` of `category` to stock instead of buying new.
double reuseKgCo2Avoided(const CarbonFactors& factors, const std::string& category,
                         std::int64_t items);

/// One year of the council's own forecast (domain.md, £000 turned into pence).
struct CouncilYearTarget {
    std::string year;                  ///< "2024/25".
    Pence forecastGross = 0;           ///< Forecast gross spend.
    Pence netCurrentCreditModel = 0;   ///< Net with the old credit model.
    double selfPurchaseTargetPercent;  ///< Share of need met by self-purchase.
    Pence netWith85Credits = 0;        ///< Net with the 85% credit model.
    double recyclingIncreasePercent;   ///< Increase in recycling over the 2023/24 baseline.
    Pence netAllTargets = 0;           ///< Net if every target is met.
};
/// The three years published by the council (2024/25 to 2026/27).
const std::vector<CouncilYearTarget>& councilTargets();
/// The target year named "2024/25", if published.
std::optional<CouncilYearTarget> councilTarget(const std::string& year);

}  // namespace ces::kpi
