#pragma once
// Key-safe codes as stored: only ever sealed (the store never sees a code), with when consent
// was given and who recorded it. Sealing, opening and who may see one are the callers' rules.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

struct KeySafeRecord {
    std::string sealed;
    Instant consentAt;
    UserId recordedBy;
    std::string recordedByName;
};

/// Keeps (or replaces) the resident's sealed code.
void keepKeySafe(Connection& c, ResidentId resident, const std::string& sealed, Instant consentAt,
                 UserId recordedBy);
/// Deletes it; false when there was none.
bool deleteKeySafe(Connection& c, ResidentId resident);
std::optional<KeySafeRecord> findKeySafe(Connection& c, ResidentId resident);

}  // namespace ces::store
