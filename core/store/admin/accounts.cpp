#include "core/store/admin/accounts.h"

#include "core/credentials.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kInsertFunder = "INSERT INTO funders (code, name) VALUES ($1, $2) RETURNING id";
const char* const kInsertTeam =
    "INSERT INTO teams (name, funder_id, approval_limit_pence, phone) VALUES ($1, $2, $3, $4) "
    "RETURNING id";
const char* const kUserExists = "SELECT id FROM users WHERE username = $1";
const char* const kInsertUser =
    "INSERT INTO users (username, display_name, role, team_id, password_hash, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
const char* const kUserForLogin =
    "SELECT id, username, display_name, role, team_id, password_hash FROM users "
    "WHERE username = $1";
const char* const kUpgradePasswordHash =
    "UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3";
const char* const kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
const char* const kSessionUser =
    "SELECT u.id, u.username, u.display_name, u.role, u.team_id FROM sessions s "
    "JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2";
const char* const kAnyUser = "SELECT 1 FROM users LIMIT 1";
const char* const kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
const char* const kNumberTeam = "UPDATE teams SET code = 'TEAM' || CAST(id AS TEXT) WHERE id = $1";
const char* const kTeamInfo =
    "SELECT name, approval_limit_pence, phone, funder_id FROM teams WHERE id = $1";

Actor actorFrom(const Rows& rows) {
    Actor actor;
    actor.id = UserId(rows.integer(0, 0));
    actor.username = rows.text(0, 1);
    actor.displayName = rows.text(0, 2);
    actor.role = enumAt(rows, 0, 3, "role", parseRole);
    if (!rows.isNull(0, 4)) actor.team = TeamId(rows.integer(0, 4));
    return actor;
}

}  // namespace

FunderId createFunder(Connection& c, const std::string& code, const std::string& name) {
    return FunderId(c.insert(kInsertFunder, {code, name}));
}

TeamId createTeam(Connection& c, const std::string& name, FunderId funder, Pence approvalLimit,
                  const std::string& phone) {
    const TeamId team(c.insert(kInsertTeam, {name, funder.value(), approvalLimit, phone}));
    c.execute(kNumberTeam, {team.value()});  // a code like the admin's teams have
    return team;
}

UserId createUser(Connection& c, const std::string& username, const std::string& displayName,
                  Role role, std::optional<TeamId> team, const std::string& password, Instant now) {
    if (!c.query(kUserExists, {username}).empty()) {
        throw ValidationError("username", "a user called " + username + " already exists");
    }
    SqlValue teamValue = team ? SqlValue(team->value()) : SqlValue(std::monostate{});
    UserId id(c.insert(kInsertUser, {username, displayName, std::string(toString(role)), teamValue,
                                     hashPassword(password), formatInstant(now)}));
    audit(c, std::nullopt, "user.create", "user", std::to_string(id.value()), now, username);
    return id;
}

bool hasUsers(Connection& c) { return !c.query(kAnyUser).empty(); }

std::optional<SignIn> authenticate(Connection& c, const std::string& username,
                                   const std::string& password) {
    Rows rows = c.query(kUserForLogin, {username});
    if (rows.empty()) {
        imitatePasswordCheck(password);  // so that user names cannot be probed by timing
        return std::nullopt;
    }
    std::string stored = rows.text(0, 5);
    if (!verifyPassword(password, stored)) return std::nullopt;
    std::optional<std::string> upgraded;
    if (passwordNeedsRehash(stored)) upgraded = hashPassword(password);
    return SignIn{actorFrom(rows), std::move(stored), std::move(upgraded)};
}

void createSession(Connection& c, const SignIn& signIn, const std::string& token, Instant now,
                   Instant expires) {
    c.execute(kInsertSession, {sha256Hex(token), signIn.actor.id.value(), formatInstant(now),
                               formatInstant(expires)});
    if (signIn.upgradedHash) {
        c.execute(kUpgradePasswordHash,
                  {*signIn.upgradedHash, signIn.actor.id.value(), signIn.checkedHash});
    }
}

std::optional<Actor> findSession(Connection& c, const std::string& token, Instant now) {
    Rows rows = c.query(kSessionUser, {sha256Hex(token), formatInstant(now)});
    if (rows.empty()) return std::nullopt;
    return actorFrom(rows);
}

void deleteSession(Connection& c, const std::string& token) {
    c.execute(kDeleteSession, {sha256Hex(token)});
}

TeamInfo findTeam(Connection& c, TeamId team) {
    Rows rows = c.query(kTeamInfo, {team.value()});
    if (rows.empty()) throw NotFound("no such team");
    return TeamInfo{rows.text(0, 0), rows.integer(0, 1), rows.text(0, 2),
                    FunderId(rows.integer(0, 3))};
}

}  // namespace ces::store
