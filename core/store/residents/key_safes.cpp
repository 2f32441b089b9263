#include "core/store/residents/key_safes.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kDelete = "DELETE FROM key_safes WHERE resident_id = $1";
const char* const kInsert =
    "INSERT INTO key_safes (resident_id, sealed, consent_at, recorded_by) VALUES ($1, $2, $3, $4)";
const char* const kFind =
    "SELECT k.sealed, k.consent_at, k.recorded_by, u.display_name FROM key_safes k "
    "JOIN users u ON u.id = k.recorded_by WHERE k.resident_id = $1";

}  // namespace

void keepKeySafe(Connection& c, ResidentId resident, const std::string& sealed, Instant consentAt,
                 UserId recordedBy) {
    c.execute(kDelete, {resident.value()});
    c.execute(kInsert, {resident.value(), sealed, formatInstant(consentAt), recordedBy.value()});
}

bool deleteKeySafe(Connection& c, ResidentId resident) {
    return c.executeCounting(kDelete, {resident.value()}) > 0;
}

std::optional<KeySafeRecord> findKeySafe(Connection& c, ResidentId resident) {
    Rows rows = c.query(kFind, {resident.value()});
    if (rows.empty()) return std::nullopt;
    return KeySafeRecord{rows.text(0, 0), instantAt(rows, 0, 1, "key safe consent"),
                         UserId(rows.integer(0, 2)), rows.text(0, 3)};
}

}  // namespace ces::store
