#include "core/types.h"

#include <array>
#include <utility>

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<Role, 7> kRoleNames{{
    {Role::prescriber, "prescriber"},
    {Role::budget_holder, "budget_holder"},
    {Role::warehouse, "warehouse"},
    {Role::planner, "planner"},
    {Role::driver, "driver"},
    {Role::commissioner, "commissioner"},
    {Role::admin, "admin"},
}};

}  // namespace

std::string_view toString(Role role) { return nameIn(kRoleNames, role); }

std::optional<Role> parseRole(std::string_view text) { return valueIn(kRoleNames, text); }

}  // namespace ces
