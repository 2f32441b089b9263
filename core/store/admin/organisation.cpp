#include "core/store/admin/organisation.h"

#include <algorithm>
#include <cstdio>

#include "core/errors.h"
#include "core/postcode.h"
#include "core/reserved_codes.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kListFunders = "SELECT code, name FROM funders ORDER BY code";
const char* const kFunderByCode = "SELECT id FROM funders WHERE code = $1";

const std::string kTeamColumns =
    "SELECT t.code, t.name, f.code, t.approval_limit_pence FROM teams t "
    "JOIN funders f ON f.id = t.funder_id ";
const std::string kListTeams = kTeamColumns + "ORDER BY t.code";
const std::string kTeamByCode = kTeamColumns + "WHERE t.code = $1";
const char* const kTeamNameTaken =
    "SELECT 1 FROM teams WHERE name = $1 AND (code IS NULL OR code <> $2)";
const char* const kInsertTeam =
    "INSERT INTO teams (code, name, funder_id, approval_limit_pence) VALUES ($1, $2, $3, $4)";
const char* const kUpdateTeam =
    "UPDATE teams SET code = $1, name = $2, funder_id = $3, approval_limit_pence = $4 "
    "WHERE code = $5";

const char* const kListDepots = "SELECT code, name, postcode FROM depots ORDER BY code";
const char* const kDepotByCode = "SELECT id, code, name, postcode FROM depots WHERE code = $1";
const char* const kDepotDistricts =
    "SELECT dd.district FROM district_depots dd JOIN depots d ON d.id = dd.depot_id "
    "WHERE d.code = $1 ORDER BY dd.district";
const char* const kCountyPostcode =
    "SELECT lat, lon FROM postcodes WHERE postcode = $1 AND in_county = 1";
const char* const kKnownDistricts =
    "SELECT DISTINCT district FROM postcodes WHERE in_county = 1 ORDER BY district";
const char* const kUpdateDepot =
    "UPDATE depots SET code = $1, name = $2, postcode = $3, lat = $4, lon = $5 WHERE id = $6";
const char* const kDropDistricts = "DELETE FROM district_depots WHERE depot_id = $1";

const std::string kVanColumns =
    "SELECT v.code, d.code, v.capacity, c.shift_start_seconds, c.shift_end_seconds, "
    "c.lifting_engineer, c.people, v.active FROM vans v JOIN depots d ON d.id = v.depot_id "
    "JOIN crews c ON c.van_id = v.id ";
const std::string kListVans = kVanColumns + "ORDER BY v.code";
const std::string kVanByCode = kVanColumns + "WHERE v.code = $1";
const char* const kVanId = "SELECT id FROM vans WHERE code = $1";
const char* const kSwitchVanOff = "UPDATE vans SET active = 0 WHERE id = $1";
const char* const kUpdateVan =
    "UPDATE vans SET code = $1, depot_id = $2, capacity = $3, active = $4 WHERE id = $5";
const char* const kUpdateCrew =
    "UPDATE crews SET name = $1, people = $2, lifting_engineer = $3, shift_start_seconds = $4, "
    "shift_end_seconds = $5 WHERE van_id = $6";

const char* const kCountFunders = "SELECT COUNT(*) FROM funders";
const char* const kCountDepots = "SELECT COUNT(*) FROM depots";
const char* const kCountVans = "SELECT COUNT(*) FROM vans WHERE active = 1";
const char* const kCountItems = "SELECT COUNT(*) FROM items";
const char* const kCountSerialisedItems = "SELECT COUNT(*) FROM items WHERE serialised = 1";
const char* const kCountRegimes = "SELECT COUNT(*) FROM item_maintenance WHERE regime <> 'none'";
const char* const kCountTeams = "SELECT COUNT(*) FROM teams";
const char* const kCountRole = "SELECT COUNT(*) FROM users WHERE role = $1";
const char* const kDistrictsWithoutDepot =
    "SELECT DISTINCT p.district FROM postcodes p WHERE p.in_county = 1 AND NOT EXISTS "
    "(SELECT 1 FROM district_depots dd WHERE dd.district = p.district) ORDER BY p.district";

// A new van's emissions until the admin can set them (a diesel Luton van).
constexpr int kVanCo2GramsPerKm = 240;

bool exists(Connection& c, const std::string& sql, const std::vector<SqlValue>& params) {
    return c.query(sql, params).size() > 0;
}

std::int64_t count(Connection& c, const char* sql, const std::vector<SqlValue>& params = {}) {
    return c.query(sql, params).integer(0, 0);
}

void requireText(const std::string& value, const std::string& field) {
    if (value.empty()) throw ValidationError(field, "Enter the " + field);
}

// A new code must not be taken by another row (`current` is the row's own code when changing).
void requireFreeCode(Connection& c, const std::string& sql, const std::string& code,
                     const std::string& current, const std::string& what) {
    if (code != current && exists(c, sql, {code})) {
        throw Conflict("duplicate", "There is already a " + what + " with the code " + code);
    }
}

std::int64_t funderIdOf(Connection& c, const std::string& code, const std::string& field) {
    const Rows rows = c.query(kFunderByCode, {code});
    if (rows.size() == 0) throw ValidationError(field, "There is no funder " + code);
    return rows.integer(0, 0);
}

std::int64_t depotIdOf(Connection& c, const std::string& code, const std::string& field) {
    const Rows rows = c.query(kDepotByCode, {code});
    if (rows.size() == 0) throw ValidationError(field, "There is no depot " + code);
    return rows.integer(0, 0);
}

void validateTeam(const TeamEntry& team) {
    requireText(team.code, "code");
    requireText(team.name, "name");
    requireText(team.funderCode, "funder_code");
    if (team.approvalLimit < 0) {
        throw ValidationError("approval_limit_pence", "The approval limit cannot be negative");
    }
}

struct CountyPlace {
    std::string postcode;
    double lat = 0;
    double lon = 0;
};

// The depot's postcode normalised and placed, and its districts checked against the county's.
CountyPlace validateDepot(Connection& c, const DepotEntry& depot) {
    requireText(depot.code, "code");
    refuseReservedDepotCode("code", depot.code);
    requireText(depot.name, "name");
    const auto postcode = normalisePostcode(depot.postcode);
    if (!postcode) throw ValidationError("postcode", "Enter a postcode like ME14 1XX");
    const Rows place = c.query(kCountyPostcode, {*postcode});
    if (place.size() == 0) {
        throw ValidationError("postcode", "The postcode " + *postcode + " is not in the county");
    }
    const auto districts = knownDistricts(c);
    for (std::size_t i = 0; i < depot.districts.size(); ++i) {
        if (std::find(districts.begin(), districts.end(), depot.districts[i]) == districts.end()) {
            throw ValidationError("districts[" + std::to_string(i) + "]",
                                  "There is no district called " + depot.districts[i]);
        }
    }
    return {*postcode, place.real(0, 0), place.real(0, 1)};
}

void serveDistricts(Connection& c, std::int64_t depotId, const std::vector<std::string>& names) {
    c.execute(kDropDistricts, {depotId});
    for (const auto& district : names) assignDistrictToDepot(c, district, DepotId(depotId));
}

void validateVan(const VanEntry& van) {
    requireText(van.code, "code");
    requireText(van.depotCode, "depot_code");
    if (van.capacityUnits <= 0) {
        throw ValidationError("capacity_units", "The capacity must be more than 0 units");
    }
    if (van.shiftStartSeconds >= van.shiftEndSeconds) {
        throw ValidationError("shift_end", "The shift must end after it starts");
    }
    for (std::size_t i = 0; i < van.skills.size(); ++i) {
        if (van.skills[i] != kLiftingSkill) {
            throw ValidationError("skills[" + std::to_string(i) + "]",
                                  "The only skill is " + std::string(kLiftingSkill));
        }
    }
}

bool lifts(const VanEntry& van) {
    return std::find(van.skills.begin(), van.skills.end(), kLiftingSkill) != van.skills.end();
}

std::string vanDetail(const VanEntry& van) {
    return van.depotCode + ", " + std::to_string(van.capacityUnits) + " units, " +
           (van.active ? "active" : "switched off");
}

VanEntry vanFrom(const Rows& rows, std::size_t i) {
    VanEntry van;
    van.code = rows.text(i, 0);
    van.depotCode = rows.text(i, 1);
    van.capacityUnits = rows.integer(i, 2);
    van.shiftStartSeconds = static_cast<int>(rows.integer(i, 3));
    van.shiftEndSeconds = static_cast<int>(rows.integer(i, 4));
    if (rows.integer(i, 5) != 0) van.skills.emplace_back(kLiftingSkill);
    van.twoPerson = rows.integer(i, 6) >= 2;
    van.active = rows.integer(i, 7) != 0;
    return van;
}

TeamEntry teamFrom(const Rows& rows, std::size_t i) {
    return {rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.integer(i, 3)};
}

}  // namespace

std::vector<FunderEntry> listFunderEntries(Connection& c) {
    const Rows rows = c.query(kListFunders);
    std::vector<FunderEntry> funders;
    for (std::size_t i = 0; i < rows.size(); ++i)
        funders.push_back({rows.text(i, 0), rows.text(i, 1)});
    return funders;
}

void addFunder(Connection& c, const FunderEntry& funder, const OrganisationChange& change) {
    requireText(funder.code, "code");
    requireText(funder.name, "name");
    requireFreeCode(c, kFunderByCode, funder.code, "", "funder");
    createFunder(c, funder.code, funder.name);
    audit(c, change.by, "funder_added", "funder", funder.code, change.at, funder.name);
}

std::vector<TeamEntry> listTeamEntries(Connection& c) {
    const Rows rows = c.query(kListTeams);
    std::vector<TeamEntry> teams;
    for (std::size_t i = 0; i < rows.size(); ++i) teams.push_back(teamFrom(rows, i));
    return teams;
}

std::optional<TeamEntry> findTeamEntry(Connection& c, const std::string& code) {
    const Rows rows = c.query(kTeamByCode, {code});
    if (rows.size() == 0) return std::nullopt;
    return teamFrom(rows, 0);
}

void addTeam(Connection& c, const TeamEntry& team, const OrganisationChange& change) {
    validateTeam(team);
    requireFreeCode(c, kTeamByCode, team.code, "", "team");
    if (exists(c, kTeamNameTaken, {team.name, team.code})) {
        throw Conflict("duplicate", "There is already a team called " + team.name);
    }
    c.execute(kInsertTeam, {team.code, team.name, funderIdOf(c, team.funderCode, "funder_code"),
                            team.approvalLimit});
    audit(c, change.by, "team_added", "team", team.code, change.at,
          team.name + ", limit " + formatPounds(team.approvalLimit));
}

void changeTeam(Connection& c, const std::string& code, const TeamEntry& team,
                const OrganisationChange& change) {
    if (!findTeamEntry(c, code)) throw NotFound("There is no team " + code);
    validateTeam(team);
    requireFreeCode(c, kTeamByCode, team.code, code, "team");
    if (exists(c, kTeamNameTaken, {team.name, code})) {
        throw Conflict("duplicate", "There is already a team called " + team.name);
    }
    c.execute(kUpdateTeam, {team.code, team.name, funderIdOf(c, team.funderCode, "funder_code"),
                            team.approvalLimit, code});
    audit(c, change.by, "team_changed", "team", team.code, change.at,
          team.name + ", limit " + formatPounds(team.approvalLimit));
}

std::vector<std::string> knownDistricts(Connection& c) {
    const Rows rows = c.query(kKnownDistricts);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < rows.size(); ++i) names.push_back(rows.text(i, 0));
    return names;
}

std::optional<DepotEntry> findDepotEntry(Connection& c, const std::string& code) {
    const Rows rows = c.query(kDepotByCode, {code});
    if (rows.size() == 0) return std::nullopt;
    DepotEntry depot{rows.text(0, 1), rows.text(0, 2), rows.text(0, 3), {}};
    const Rows districts = c.query(kDepotDistricts, {code});
    for (std::size_t i = 0; i < districts.size(); ++i)
        depot.districts.push_back(districts.text(i, 0));
    return depot;
}

std::vector<DepotEntry> listDepotEntries(Connection& c) {
    const Rows rows = c.query(kListDepots);
    std::vector<DepotEntry> depots;
    for (std::size_t i = 0; i < rows.size(); ++i)
        depots.push_back(*findDepotEntry(c, rows.text(i, 0)));
    return depots;
}

void addDepot(Connection& c, const DepotEntry& depot, const OrganisationChange& change) {
    const CountyPlace place = validateDepot(c, depot);
    requireFreeCode(c, kDepotByCode, depot.code, "", "depot");
    const DepotId id =
        createDepot(c, {DepotId(), depot.code, depot.name, place.postcode, place.lat, place.lon});
    serveDistricts(c, id.value(), depot.districts);
    audit(c, change.by, "depot_added", "depot", depot.code, change.at,
          depot.name + ", " + place.postcode);
}

void changeDepot(Connection& c, const std::string& code, const DepotEntry& depot,
                 const OrganisationChange& change) {
    const Rows current = c.query(kDepotByCode, {code});
    if (current.size() == 0) throw NotFound("There is no depot " + code);
    const CountyPlace place = validateDepot(c, depot);
    requireFreeCode(c, kDepotByCode, depot.code, code, "depot");
    const std::int64_t id = current.integer(0, 0);
    c.execute(kUpdateDepot, {depot.code, depot.name, place.postcode, place.lat, place.lon, id});
    serveDistricts(c, id, depot.districts);
    audit(c, change.by, "depot_changed", "depot", depot.code, change.at,
          depot.name + ", " + place.postcode);
}

int shiftSeconds(const std::string& text, const std::string& field) {
    int hours = -1;
    int minutes = -1;
    char end = 0;
    if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &hours, &minutes, &end) != 2 ||
        hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
        throw ValidationError(field, "Enter the time as HH:MM, like 08:00");
    }
    return hours * 3600 + minutes * 60;
}

std::string shiftText(int seconds) {
    const int hours = seconds / 3600 % 24;
    const int minutes = seconds / 60 % 60;
    return std::string{static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10),
                       ':', static_cast<char>('0' + minutes / 10),
                       static_cast<char>('0' + minutes % 10)};
}

std::vector<VanEntry> listVanEntries(Connection& c) {
    const Rows rows = c.query(kListVans);
    std::vector<VanEntry> vans;
    for (std::size_t i = 0; i < rows.size(); ++i) vans.push_back(vanFrom(rows, i));
    return vans;
}

std::optional<VanEntry> findVanEntry(Connection& c, const std::string& code) {
    const Rows rows = c.query(kVanByCode, {code});
    if (rows.size() == 0) return std::nullopt;
    return vanFrom(rows, 0);
}

void addVan(Connection& c, const VanEntry& van, const OrganisationChange& change) {
    validateVan(van);
    const std::int64_t depot = depotIdOf(c, van.depotCode, "depot_code");
    requireFreeCode(c, kVanId, van.code, "", "van");
    const VanId id = createVan(c, van.code, DepotId(depot), van.capacityUnits, kVanCo2GramsPerKm);
    createCrew(c, van.code, id, van.twoPerson ? 2 : 1, lifts(van), van.shiftStartSeconds,
               van.shiftEndSeconds);
    if (!van.active) c.execute(kSwitchVanOff, {id.value()});
    audit(c, change.by, "van_added", "van", van.code, change.at, vanDetail(van));
}

void changeVan(Connection& c, const std::string& code, const VanEntry& van,
               const OrganisationChange& change) {
    const Rows current = c.query(kVanId, {code});
    if (current.size() == 0) throw NotFound("There is no van " + code);
    validateVan(van);
    const std::int64_t depot = depotIdOf(c, van.depotCode, "depot_code");
    requireFreeCode(c, kVanId, van.code, code, "van");
    const std::int64_t id = current.integer(0, 0);
    c.execute(kUpdateVan, {van.code, depot, van.capacityUnits, van.active ? 1 : 0, id});
    c.execute(kUpdateCrew, {van.code, van.twoPerson ? 2 : 1, lifts(van) ? 1 : 0,
                            van.shiftStartSeconds, van.shiftEndSeconds, id});
    audit(c, change.by, "van_changed", "van", van.code, change.at, vanDetail(van));
}

std::vector<ReadinessGap> readinessGaps(Connection& c) {
    std::vector<ReadinessGap> gaps;
    const auto missing = [&](bool none, const char* key, const char* message, const char* at) {
        if (none) gaps.push_back({key, message, at, false});
    };
    missing(count(c, kCountFunders) == 0, "no_funder", "Add a funder", "/admin/organisation");
    missing(count(c, kCountDepots) == 0, "no_depot", "Add a depot", "/admin/depots");
    const Rows districts = c.query(kDistrictsWithoutDepot);
    for (std::size_t i = 0; i < districts.size(); ++i) {
        gaps.push_back({"district_without_depot", "No depot serves " + districts.text(i, 0),
                        "/admin/depots", true});
    }
    missing(count(c, kCountVans) == 0, "no_van", "Add a van", "/admin/depots");
    missing(count(c, kCountItems) == 0, "no_catalogue_item", "Add a catalogue item",
            "/admin/catalogue");
    // A catalogue imported without its maintenance column would never call a hoist in for LOLER.
    missing(count(c, kCountSerialisedItems) > 0 && count(c, kCountRegimes) == 0,
            "no_inspection_regime",
            "Give the catalogue its inspection regimes (import data/catalogue_maintenance.csv)",
            "/admin/catalogue/import");
    missing(count(c, kCountTeams) == 0, "no_prescriber_team", "Add a prescribing team",
            "/admin/organisation");
    missing(count(c, kCountRole, {std::string("prescriber")}) == 0, "no_prescriber",
            "Add a prescriber", "/admin/users");
    missing(count(c, kCountRole, {std::string("budget_holder")}) == 0, "no_budget_holder",
            "Add a budget holder", "/admin/users");
    return gaps;
}

}  // namespace ces::store
