#include "warehouse/maintenance.h"

#include <algorithm>

namespace ces::warehouse {

ItemMaintenance MaintenancePolicy::standard(MaintenanceRegime regime) const {
    switch (regime) {
        case MaintenanceRegime::loler:
            return {regime, lolerMonths, MaintenanceSkill::lifting_engineer};
        case MaintenanceRegime::electrical:
            return {regime, electricalMonths, MaintenanceSkill::none};
        case MaintenanceRegime::planned_service:
            return {regime, serviceMonths, MaintenanceSkill::none};
        case MaintenanceRegime::none:
            break;
    }
    return {};
}

int MaintenancePolicy::intervalMonths(const CatalogueItem& item) const {
    if (const auto found = itemOverrides.find(item.code); found != itemOverrides.end()) {
        return found->second;
    }
    // The settings' regime interval is the longest any item of the regime may go; an item's
    // catalogue entry may ask for sooner (a manufacturer's schedule), never for later.
    const int regimeMonths = standard(item.maintenance.regime).intervalMonths;
    const int itemMonths = item.maintenance.intervalMonths;
    if (regimeMonths <= 0) return itemMonths;
    if (itemMonths <= 0) return regimeMonths;
    return std::min(itemMonths, regimeMonths);
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
