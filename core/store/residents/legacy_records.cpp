#include "core/store/residents/legacy_records.h"

namespace ces::store {

namespace {

const char* const kResidentByLegacyRef = "SELECT id FROM residents WHERE legacy_ref = $1";
const char* const kSetResidentLegacyRef = "UPDATE residents SET legacy_ref = $1 WHERE id = $2";
const char* const kTeamByName = "SELECT id FROM teams WHERE name = $1";
const char* const kFirstAdministrator =
    "SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1";

}  // namespace

std::optional<ResidentId> residentByLegacyRef(Connection& c, const std::string& reference) {
    Rows rows = c.query(kResidentByLegacyRef, {reference});
    if (rows.empty()) return std::nullopt;
    return ResidentId(rows.integer(0, 0));
}

void setResidentLegacyRef(Connection& c, ResidentId resident, const std::string& reference) {
    c.execute(kSetResidentLegacyRef, {reference, resident.value()});
}

std::optional<TeamId> teamByName(Connection& c, const std::string& name) {
    Rows rows = c.query(kTeamByName, {name});
    if (rows.empty()) return std::nullopt;
    return TeamId(rows.integer(0, 0));
}

std::optional<UserId> firstAdministrator(Connection& c) {
    Rows rows = c.query(kFirstAdministrator);
    if (rows.empty()) return std::nullopt;
    return UserId(rows.integer(0, 0));
}

}  // namespace ces::store
