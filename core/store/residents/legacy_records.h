#pragma once
// Records brought in from the provider the county is leaving (`ces migrate`): their references.
#include <optional>
#include <string>

#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The resident migrated with the outgoing provider's reference, if any.
std::optional<ResidentId> residentByLegacyRef(Connection& c, const std::string& reference);
/// Records the outgoing provider's reference of a resident.
void setResidentLegacyRef(Connection& c, ResidentId resident, const std::string& reference);
/// The team of this name, if any.
std::optional<TeamId> teamByName(Connection& c, const std::string& name);
/// The first administrator: who migrated records are audited as.
std::optional<UserId> firstAdministrator(Connection& c);

}  // namespace ces::store
