#include "core/types.h"

#include <array>
#include <utility>

namespace ces {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoleNames{{
    {Role::prescriber, "prescriber"},
    {Role::budget_holder, "budget_holder"},
    {Role::warehouse, "warehouse"},
    {Role::planner, "planner"},
    {Role::driver, "driver"},
    {Role::commissioner, "commissioner"},
    {Role::admin, "admin"},
}};

}  // namespace

std::string_view toString(Role role) {
    for (const auto& [value, name] : kRoleNames) {
        if (value == role) return name;
    }
    return "unknown";
}

std::optional<Role> parseRole(std::string_view text) {
    for (const auto& [value, name] : kRoleNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace ces
