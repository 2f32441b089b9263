#pragma once
// The settings table: every change of a configurable number, never updated in place.
#include <vector>

#include "core/iso_time.h"
#include "core/settings.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// Every stored change, in the order they were set; std::runtime_error when a stored value
/// cannot be read (see SettingsHistory).
SettingsHistory loadSettings(Connection& c);

/// The settings in force at `at` (on its UK date).
Settings settingsInForce(Connection& c, Instant at);

/// Stores a change after validateSettingChange (as of the UK date of `change.setAt`) and
/// audits it ("setting_changed" on the key); ValidationError naming the field otherwise.
void addSettingChange(Connection& c, const SettingChange& change);

}  // namespace ces::store
