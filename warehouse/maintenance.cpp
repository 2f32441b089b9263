#include "warehouse/maintenance.h"

#include <algorithm>
#include <cctype>

namespace ces::warehouse {

namespace {

bool contains(std::string text, std::string word) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    return text.find(word) != std::string::npos;
}

}  // namespace

int MaintenancePolicy::intervalMonths(const std::string& itemCode,
                                      const std::string& regime) const {
    if (const auto found = itemOverrides.find(itemCode); found != itemOverrides.end()) {
        return found->second;
    }
    if (contains(regime, "LOLER")) return lolerMonths;
    if (contains(regime, "PAT") || contains(regime, "ELECTRICAL")) return electricalMonths;
    if (contains(regime, "PLANNED SERVICE") || contains(regime, "ANNUALLY")) return serviceMonths;
    return 0;
}

Instant addMonths(Instant from, int months) {
    using namespace std::chrono;
    const auto day = floor<days>(from);
    const auto timeOfDay = from - day;
    const year_month_day date(day);
    year_month_day moved = date.year() / date.month() / date.day() + std::chrono::months(months);
    if (!moved.ok()) moved = moved.year() / moved.month() / last;
    return sys_days(moved) + timeOfDay;
}

std::optional<Instant> nextInspectionDue(Instant lastInspected, int intervalMonths) {
    if (intervalMonths <= 0) return std::nullopt;
    return addMonths(lastInspected, intervalMonths);
}

bool isOverdue(const std::optional<Instant>& due, Instant now) { return due && *due < now; }

}  // namespace ces::warehouse
