#pragma once
// Residents and which teams serve them. Reads of personal data are audited by the caller's
// operation (see orders and the web layer).
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The outcome of registering a resident.
struct ResidentRegistration {
    ResidentId id;
    std::string district;
    bool existing = false;  ///< The NHS number was known; the team now serves the resident too.
};

/// Validates and stores a resident for the actor's team: NHS number (modulus 11), date of birth
/// (a past date), postcode (known and inside the county). Throws ValidationError naming the field.
ResidentRegistration registerResident(Connection& c, const NewResident& resident,
                                      const Actor& actor, Instant now);

std::optional<Resident> findResident(Connection& c, ResidentId id);
bool teamServesResident(Connection& c, TeamId team, ResidentId resident);
/// The actor's team's residents with this NHS number (a search; audited).
std::vector<Resident> findResidentsByNhsNumber(Connection& c, const std::string& nhsNumber,
                                               const Actor& actor, Instant now);
/// One resident for a member of a team that serves them (audited); NotFound otherwise.
Resident readResident(Connection& c, ResidentId id, const Actor& actor, Instant now);

/// The details a correction may change; a field left empty keeps its value.
struct ResidentChanges {
    std::optional<std::string> name;
    std::optional<std::string> addressLine1;
    std::optional<std::string> town;
    std::optional<std::string> postcode;  ///< The district is recomputed from it.
    std::optional<std::string> phone;     ///< Empty text removes the number.
    std::optional<std::string> accessNotes;
    std::optional<std::string> email;   ///< Empty text removes the address.
    std::optional<std::string> mobile;  ///< Empty text removes the number.
    std::optional<ContactChannel> channel;
    std::optional<Language> language;
    std::optional<std::string> contactName;  ///< Empty text: messages go to the resident again.
    std::optional<std::string> contactRelationship;
};

/// Forbidden unless the actor is an admin or in a team serving the resident (checked before a
/// change's body is read).
void requireResidentChanger(Connection& c, ResidentId id, const Actor& actor);

/// Changes only how a resident hears from us (their own choice through the tracking link, or
/// staff's): `actor` is nullopt for the resident; audited with the old and new values.
Resident changeContact(Connection& c, ResidentId id, const ResidentChanges& changes,
                       std::optional<UserId> actor, Instant now);

/// Corrects a resident's details, by a member of a team that serves them or an admin (Forbidden
/// for anyone else), audited with the old and new values; ValidationError naming the field.
Resident changeResident(Connection& c, ResidentId id, const ResidentChanges& changes,
                        const Actor& actor, Instant now);

}  // namespace ces::store
