#include "core/store/admin/competences.h"

#include "core/errors.h"
#include "core/settings.h"
#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kList = "SELECT code, name FROM competences ORDER BY code";
const char* const kExists = "SELECT 1 FROM competences WHERE code = $1";
const char* const kAdd = "INSERT INTO competences (code, name) VALUES ($1, $2)";
const char* const kHeld =
    "SELECT competence, expires_on FROM user_competences WHERE user_id = $1 ORDER BY competence";
const std::string kGranted =
    "SELECT g.user_id, u.username, u.display_name, g.competence, g.expires_on, g.granted_at, "
    "b.display_name FROM user_competences g JOIN users u ON u.id = g.user_id "
    "JOIN users b ON b.id = g.granted_by ";
const std::string kOfUser = kGranted + "WHERE g.user_id = $1 ORDER BY g.competence";
const std::string kExpiring = kGranted +
                              "WHERE g.expires_on >= $1 AND g.expires_on <= $2 AND u.active = 1 "
                              "ORDER BY g.expires_on, u.username, g.competence";
const char* const kCountersigners =
    "SELECT u.id, u.display_name, COALESCE(u.email, '') FROM users u "
    "JOIN user_competences g ON g.user_id = u.id AND g.competence = $2 AND g.expires_on >= $3 "
    "WHERE u.team_id = $1 AND u.role = 'prescriber' AND u.active = 1 AND u.id <> $4 "
    "ORDER BY u.display_name";
const char* const kRemove = "DELETE FROM user_competences WHERE user_id = $1 AND competence = $2";
const char* const kGrant =
    "INSERT INTO user_competences (user_id, competence, expires_on, granted_at, granted_by) "
    "VALUES ($1, $2, $3, $4, $5)";
const char* const kNeeded = "SELECT code, competence FROM items WHERE competence <> 'basic'";

std::vector<GrantedCompetence> grantedFrom(const Rows& rows) {
    std::vector<GrantedCompetence> granted;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        granted.push_back({UserId(rows.integer(i, 0)), rows.text(i, 1), rows.text(i, 2),
                           rows.text(i, 3), dateAt(rows, i, 4, "competence expiry"),
                           instantAt(rows, i, 5, "competence granted"), rows.text(i, 6)});
    }
    return granted;
}

}  // namespace

std::vector<Competence> listCompetences(Connection& c) {
    Rows rows = c.query(kList);
    std::vector<Competence> list;
    for (std::size_t i = 0; i < rows.size(); ++i)
        list.push_back({rows.text(i, 0), rows.text(i, 1)});
    return list;
}

bool competenceExists(Connection& c, const std::string& code) {
    return !c.query(kExists, {code}).empty();
}

ValidationError unknownCompetence(const std::string& code) {
    return ValidationError("competence", "no competence has the code " + code.substr(0, 40) +
                                             " (the admin keeps the list)");
}

void addCompetence(Connection& c, const Competence& competence, const Actor& actor, Instant now) {
    if (!isCompetenceCode(competence.code)) {
        throw ValidationError("code",
                              "code needs 2 to 40 lowercase letters, digits or underscores, "
                              "starting with a letter");
    }
    if (competence.name.find_first_not_of(' ') == std::string::npos ||
        competence.name.size() > 200) {
        throw ValidationError("name", "name needs 1 to 200 characters");
    }
    if (competenceExists(c, competence.code)) {
        throw Conflict("duplicate", "the competence " + competence.code + " exists already");
    }
    c.execute(kAdd, {competence.code, competence.name});
    audit(c, actor.id, "competence.add", "competence", competence.code, now, competence.name);
}

std::vector<HeldCompetence> heldCompetences(Connection& c, UserId user) {
    Rows rows = c.query(kHeld, {user.value()});
    std::vector<HeldCompetence> held;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        held.push_back({rows.text(i, 0), dateAt(rows, i, 1, "competence expiry")});
    }
    return held;
}

std::vector<GrantedCompetence> competencesOf(Connection& c, UserId user) {
    return grantedFrom(c.query(kOfUser, {user.value()}));
}

void grantCompetence(Connection& c, UserId user, const std::string& code,
                     std::chrono::year_month_day expiresOn, const Actor& actor, Instant now) {
    const UserRecord record = findUser(c, user);
    if (record.role != Role::prescriber && record.role != Role::budget_holder) {
        throw Conflict("not_a_prescriber",
                       record.username + " is not a prescriber: only prescribers order equipment");
    }
    if (code == kBasicCompetence) {
        throw ValidationError("competence", "every prescriber holds basic: it needs no grant");
    }
    if (!competenceExists(c, code)) throw unknownCompetence(code);
    if (std::chrono::sys_days(expiresOn) < std::chrono::sys_days(ukDateOf(now))) {
        throw ValidationError("expires_on", "expires_on must be today or later");
    }
    const bool renewal = c.executeCounting(kRemove, {user.value(), code}) > 0;
    c.execute(kGrant,
              {user.value(), code, formatDate(expiresOn), formatInstant(now), actor.id.value()});
    audit(c, actor.id, renewal ? "user.competence.renew" : "user.competence.grant", "user",
          std::to_string(user.value()), now, code + " until " + formatDate(expiresOn));
}

bool withdrawCompetence(Connection& c, UserId user, const std::string& code, const Actor& actor,
                        Instant now) {
    if (c.executeCounting(kRemove, {user.value(), code}) == 0) return false;
    audit(c, actor.id, "user.competence.withdraw", "user", std::to_string(user.value()), now, code);
    return true;
}

std::vector<GrantedCompetence> competencesExpiring(Connection& c, std::chrono::year_month_day from,
                                                   std::chrono::year_month_day until) {
    return grantedFrom(c.query(kExpiring, {formatDate(from), formatDate(until)}));
}

std::vector<MissingCompetence> missingCompetences(Connection& c,
                                                  const std::vector<std::string>& itemCodes,
                                                  UserId prescriber,
                                                  std::chrono::year_month_day day) {
    const auto needed = requiredCompetences(c, itemCodes);
    const auto held = heldCompetences(c, prescriber);
    std::vector<MissingCompetence> missing;
    for (std::size_t i = 0; i < itemCodes.size(); ++i) {
        const std::string& competence = needed.at(itemCodes[i]);
        if (!holdsCompetence(held, competence, day))
            missing.push_back({i, itemCodes[i], competence});
    }
    return missing;
}

std::map<std::string, std::string> requiredCompetences(Connection& c,
                                                       const std::vector<std::string>& itemCodes) {
    std::map<std::string, std::string> needed;
    Rows rows = c.query(kNeeded);
    for (std::size_t i = 0; i < rows.size(); ++i) needed[rows.text(i, 0)] = rows.text(i, 1);
    std::map<std::string, std::string> result;
    for (const auto& code : itemCodes) {
        const auto found = needed.find(code);
        result[code] = found == needed.end() ? std::string(kBasicCompetence) : found->second;
    }
    return result;
}

std::vector<Countersigner> countersigners(Connection& c, TeamId team, const std::string& competence,
                                          std::chrono::year_month_day day, UserId except) {
    const Rows rows =
        c.query(kCountersigners, {team.value(), competence, formatDate(day), except.value()});
    std::vector<Countersigner> found;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        found.push_back({UserId(rows.integer(i, 0)), rows.text(i, 1), rows.text(i, 2)});
    }
    return found;
}

}  // namespace ces::store
