#pragma once
// Competences as stored: the list the admin keeps, the competence each catalogue item needs, and
// what each prescriber holds until when. The rule of who may order what is core/competence.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/competence.h"
#include "core/errors.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

struct Competence {
    std::string code;
    std::string name;
};
std::vector<Competence> listCompetences(Connection& c);
bool competenceExists(Connection& c, const std::string& code);
/// The refusal of a competence code not on the list (naming `competence`).
ValidationError unknownCompetence(const std::string& code);
/// Adds a competence to the list (ValidationError naming code or name; Conflict "duplicate");
/// audited.
void addCompetence(Connection& c, const Competence& competence, const Actor& actor, Instant now);

/// One prescriber's competence as the admin sees it.
struct GrantedCompetence {
    UserId user;
    std::string username;
    std::string userName;
    std::string code;
    std::chrono::year_month_day expiresOn;
    Instant grantedAt;
    std::string grantedBy;
};
/// What a user holds (expired ones too: holdsCompetence looks at the dates).
std::vector<HeldCompetence> heldCompetences(Connection& c, UserId user);
std::vector<GrantedCompetence> competencesOf(Connection& c, UserId user);
/// Grants a competence to a prescriber or budget holder until `expiresOn`, or renews it (a new
/// date); ValidationError naming `competence` (unknown, or basic) or `expires_on` (past);
/// Conflict("not_a_prescriber") for other roles; NotFound unknown user. Audited.
void grantCompetence(Connection& c, UserId user, const std::string& code,
                     std::chrono::year_month_day expiresOn, const Actor& actor, Instant now);
/// Withdraws it; false when the user did not hold it. Audited.
bool withdrawCompetence(Connection& c, UserId user, const std::string& code, const Actor& actor,
                        Instant now);
/// Competences that end between `from` and `until` (inclusive), soonest first.
std::vector<GrantedCompetence> competencesExpiring(Connection& c, std::chrono::year_month_day from,
                                                   std::chrono::year_month_day until);

/// A colleague who may countersign: an active prescriber of the team, other than `except`,
/// holding `competence` on `day`.
struct Countersigner {
    UserId user;
    std::string name;
    std::string email;  ///< Empty when none is kept.
};
std::vector<Countersigner> countersigners(Connection& c, TeamId team, const std::string& competence,
                                          std::chrono::year_month_day day, UserId except);

/// The items (by index) that need a competence `prescriber` does not hold on `day`.
std::vector<MissingCompetence> missingCompetences(Connection& c,
                                                  const std::vector<std::string>& itemCodes,
                                                  UserId prescriber,
                                                  std::chrono::year_month_day day);

/// The competence each of these items needs (basic for items needing nothing more, or unknown).
std::map<std::string, std::string> requiredCompetences(Connection& c,
                                                       const std::vector<std::string>& itemCodes);

}  // namespace ces::store
