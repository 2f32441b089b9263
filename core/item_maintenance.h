#pragma once
// The planned maintenance a catalogue item needs while it is in a home (domain.md "Maintenance
// and the clinical team"): its regime, how often, and who may do the checks. Catalogue data,
// stored per item (table item_maintenance); the regime's free text on the item is for reading.
#include <optional>
#include <string_view>

namespace ces {

/// loler: a thorough examination of equipment that lifts people (hoists, slings, bath lifts),
/// every 6 months. electrical: a PAT test and service of electrical items (beds, mattress pumps,
/// riser chairs, powered wheelchairs), every 12 months. planned_service: a service of other
/// items (manual wheelchairs), every 12 months. none: no planned check in the home.
enum class MaintenanceRegime { none, loler, electrical, planned_service };
std::string_view toString(MaintenanceRegime regime);  ///< "none", "loler", ...
std::optional<MaintenanceRegime> parseMaintenanceRegime(std::string_view text);  ///< Inverse.

/// Who must do the item's checks, repairs and fitting in a home.
enum class MaintenanceSkill { none, lifting_engineer };
std::string_view toString(MaintenanceSkill skill);  ///< "none" or "lifting_engineer".
std::optional<MaintenanceSkill> parseMaintenanceSkill(std::string_view text);  ///< Inverse.

/// One item's maintenance; the default is none.
struct ItemMaintenance {
    MaintenanceRegime regime = MaintenanceRegime::none;
    int intervalMonths = 0;  ///< 0 = no planned inspection.
    MaintenanceSkill skill = MaintenanceSkill::none;

    bool operator==(const ItemMaintenance&) const = default;
};

}  // namespace ces
