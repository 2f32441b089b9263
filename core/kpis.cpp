#include "core/kpis.h"

#include <cmath>

#include "core/errors.h"
#include "core/iso_time.h"

namespace ces::kpi {

namespace chr = std::chrono;

std::optional<double> Share::percent() const {
    if (total <= 0) return std::nullopt;
    return std::round(1000.0 * static_cast<double>(count) / static_cast<double>(total)) / 10.0;
}

Share& Share::operator+=(const Share& other) {
    count += other.count;
    total += other.total;
    return *this;
}

void DayHistogram::add(std::int64_t days, std::int64_t count) {
    if (count <= 0) return;
    counts_[days] += count;
    total_ += count;
}

std::optional<double> DayHistogram::median() const {
    if (total_ == 0) return std::nullopt;
    // The values at 0-based positions (total-1)/2 and total/2 (equal when total is odd).
    const std::int64_t lowAt = (total_ - 1) / 2;
    const std::int64_t highAt = total_ / 2;
    std::optional<std::int64_t> low;
    std::optional<std::int64_t> high;
    std::int64_t seen = 0;
    for (const auto& [days, count] : counts_) {
        if (!low && lowAt < seen + count) low = days;
        if (!high && highAt < seen + count) high = days;
        if (high) break;
        seen += count;
    }
    return (static_cast<double>(*low) + static_cast<double>(*high)) / 2.0;
}

DayHistogram& DayHistogram::operator+=(const DayHistogram& other) {
    for (const auto& [days, count] : other.counts_) add(days, count);
    return *this;
}

std::int64_t daysBetween(Instant a, Instant b) {
    return (chr::floor<chr::days>(b) - chr::floor<chr::days>(a)).count();
}

std::optional<double> per1000(std::int64_t count, std::int64_t population) {
    if (population <= 0) return std::nullopt;
    return std::round(10000.0 * static_cast<double>(count) / static_cast<double>(population)) /
           10.0;
}

std::string financialYear(chr::year_month_day day) {
    int start = static_cast<int>(day.year());
    if (day.month() < chr::April) --start;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d/%02d", start, (start + 1) % 100);
    return buffer;
}

chr::year_month_day financialYearStart(const std::string& name) {
    if (name.size() != 7 || name[4] != '/') {
        throw ValidationError("year", "a financial year is written like 2024/25");
    }
    const int start = std::stoi(name.substr(0, 4));
    return chr::year(start) / chr::April / 1;
}

double CarbonFactors::itemWeightKg(const std::string& category) const {
    const auto found = categoryWeightKg.find(category);
    return found == categoryWeightKg.end() ? defaultWeightKg : found->second;
}

double vanKgCo2(std::int64_t metres, std::int64_t gramsPerKm) {
    return static_cast<double>(metres) / 1000.0 * static_cast<double>(gramsPerKm) / 1000.0;
}

double reuseKgCo2Avoided(const CarbonFactors& factors, const std::string& category,
                         std::int64_t items) {
    return static_cast<double>(items) * factors.itemWeightKg(category) * factors.kgCo2PerKgReused;
}

const std::vector<CouncilYearTarget>& councilTargets() {
    // domain.md, from the council's committee paper (13 September 2023); £000 -> pence.
    constexpr Pence k = 100'000;
    static const std::vector<CouncilYearTarget> targets{
        {"2024/25", 5'012'000 * k / 1000, 3'705'600 * k / 1000, 6.0, 2'650'500 * k / 1000, 5.0,
         2'484'000 * k / 1000},
        {"2025/26", 4'973'000 * k / 1000, 3'838'400 * k / 1000, 8.0, 2'720'800 * k / 1000, 7.0,
         2'481'600 * k / 1000},
        {"2026/27", 5'105'000 * k / 1000, 4'001'200 * k / 1000, 11.0, 2'769'700 * k / 1000, 10.0,
         2'421'800 * k / 1000},
    };
    return targets;
}

std::optional<CouncilYearTarget> councilTarget(const std::string& year) {
    for (const auto& target : councilTargets()) {
        if (target.year == year) return target;
    }
    return std::nullopt;
}

}  // namespace ces::kpi
