#pragma once
// The organisation the admin sets up: funders, prescribing teams, depots with the districts they
// serve, and vans with their crew's shift and skills. Every change is audited in its
// transaction; a taken code is a Conflict("duplicate"), a broken rule a ValidationError naming
// the field, an unknown code NotFound.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/money.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Who changes the organisation and when (for the audit row).
struct OrganisationChange {
    std::optional<UserId> by;
    Instant at;
};

struct FunderEntry {
    std::string code;
    std::string name;
};
std::vector<FunderEntry> listFunderEntries(Connection& c);
void addFunder(Connection& c, const FunderEntry& funder, const OrganisationChange& change);

struct TeamEntry {
    std::string code;
    std::string name;
    std::string funderCode;
    Pence approvalLimit = 0;
};
std::vector<TeamEntry> listTeamEntries(Connection& c);
std::optional<TeamEntry> findTeamEntry(Connection& c, const std::string& code);
void addTeam(Connection& c, const TeamEntry& team, const OrganisationChange& change);
/// Replaces the team `code` with `team` (its code may change too).
void changeTeam(Connection& c, const std::string& code, const TeamEntry& team,
                const OrganisationChange& change);

struct DepotEntry {
    std::string code;
    std::string name;
    std::string postcode;
    std::vector<std::string> districts;  ///< The districts it serves, by name.
};
std::vector<DepotEntry> listDepotEntries(Connection& c);
std::optional<DepotEntry> findDepotEntry(Connection& c, const std::string& code);
/// The postcode must be in the county's postcode table, each district a known district; a
/// district served by another depot moves to this one.
void addDepot(Connection& c, const DepotEntry& depot, const OrganisationChange& change);
void changeDepot(Connection& c, const std::string& code, const DepotEntry& depot,
                 const OrganisationChange& change);
/// The county's districts (from the postcode table), by name.
std::vector<std::string> knownDistricts(Connection& c);

/// The one skill a crew can have beyond its number of people.
inline constexpr const char* kLiftingSkill = "lifting";

struct VanEntry {
    std::string code;
    std::string depotCode;
    std::int64_t capacityUnits = 0;
    int shiftStartSeconds = 0;  ///< After local midnight.
    int shiftEndSeconds = 0;
    std::vector<std::string> skills;
    bool twoPerson = false;
    bool active = true;  ///< An inactive van is not planned.
};
/// A shift time "HH:MM" (00:00 to 23:59) as seconds after midnight; a ValidationError naming
/// `field` otherwise.
int shiftSeconds(const std::string& text, const std::string& field);
/// Seconds after midnight as "HH:MM".
std::string shiftText(int seconds);
std::vector<VanEntry> listVanEntries(Connection& c);
std::optional<VanEntry> findVanEntry(Connection& c, const std::string& code);
void addVan(Connection& c, const VanEntry& van, const OrganisationChange& change);
void changeVan(Connection& c, const std::string& code, const VanEntry& van,
               const OrganisationChange& change);

/// One thing missing before the county can go live, and the page that fixes it.
struct ReadinessGap {
    std::string key;  ///< "no_funder", "district_without_depot", ...
    std::string message;
    std::string fixAt;     ///< The page's URL.
    bool warning = false;  ///< A gap the county can go live with (a district without a depot).
};
/// Every gap, in the order an admin would fix them; empty when ready.
std::vector<ReadinessGap> readinessGaps(Connection& c);

}  // namespace ces::store
