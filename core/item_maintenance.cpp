#include "core/item_maintenance.h"

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<MaintenanceRegime, 4> kRegimes{{
    {MaintenanceRegime::none, "none"},
    {MaintenanceRegime::loler, "loler"},
    {MaintenanceRegime::electrical, "electrical"},
    {MaintenanceRegime::planned_service, "planned_service"},
}};
constexpr NameTable<MaintenanceSkill, 2> kSkills{{
    {MaintenanceSkill::none, "none"},
    {MaintenanceSkill::lifting_engineer, "lifting_engineer"},
}};

}  // namespace

std::string_view toString(MaintenanceRegime regime) { return nameIn(kRegimes, regime); }
std::optional<MaintenanceRegime> parseMaintenanceRegime(std::string_view text) {
    return valueIn(kRegimes, text);
}
std::string_view toString(MaintenanceSkill skill) { return nameIn(kSkills, skill); }
std::optional<MaintenanceSkill> parseMaintenanceSkill(std::string_view text) {
    return valueIn(kSkills, text);
}

}  // namespace ces
