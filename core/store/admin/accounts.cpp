#include "core/store/admin/accounts.h"

#include <algorithm>

#include "core/credentials.h"
#include "core/password_rules.h"
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
    "SELECT id, username, display_name, role, team_id, password_hash, active, "
    "password_change_required FROM users WHERE username = $1";
const char* const kUpgradePasswordHash =
    "UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3";
const char* const kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
const char* const kSessionUser =
    "SELECT u.id, u.username, u.display_name, u.role, u.team_id, u.password_change_required "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1";
const char* const kActiveUser =
    "SELECT id, username, display_name, role, team_id FROM users WHERE id = $1 AND active = 1";
const char* const kUserNameTaken = "SELECT id FROM users WHERE LOWER(username) = LOWER($1)";
const char* const kInsertOneTimeUser =
    "INSERT INTO users (username, display_name, role, team_id, password_hash, created_at, email, "
    "password_change_required) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id";
const char* const kTeamByCode = "SELECT id FROM teams WHERE code = $1";
const char* const kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.team_id, t.code, t.name, u.email, "
    "u.active, u.password_change_required, u.created_at FROM users u "
    "LEFT JOIN teams t ON t.id = u.team_id ";
const std::string kListUsers =
    std::string(kUserColumns) +
    "WHERE u.id > $1 AND ($2 = '' OR LOWER(u.username) LIKE $3 ESCAPE '!' "
    "OR LOWER(u.display_name) LIKE $3 ESCAPE '!') AND ($4 = '' OR u.role = $4) "
    "ORDER BY u.id LIMIT $5";
const std::string kUserById = std::string(kUserColumns) + "WHERE u.id = $1";
const char* const kUpdateUser =
    "UPDATE users SET display_name = $1, role = $2, team_id = $3, email = $4, active = $5 "
    "WHERE id = $6";
const char* const kEndSessionsOf = "DELETE FROM sessions WHERE user_id = $1";
const char* const kSetOneTimePassword =
    "UPDATE users SET password_hash = $1, password_change_required = 1 WHERE id = $2";
const char* const kRequirePasswordChange =
    "UPDATE users SET password_change_required = 1 WHERE id = $1";
const char* const kPasswordHashOf = "SELECT password_hash FROM users WHERE id = $1";
const char* const kSetOwnPassword =
    "UPDATE users SET password_hash = $1, password_change_required = 0 WHERE id = $2";
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

UserRecord userFrom(const Rows& rows, std::size_t i) {
    UserRecord user;
    user.id = UserId(rows.integer(i, 0));
    user.username = rows.text(i, 1);
    user.displayName = rows.text(i, 2);
    user.role = enumAt(rows, i, 3, "role", parseRole);
    user.team = optionalId<TeamId>(rows, i, 4);
    user.teamCode = rows.optionalText(i, 5);
    user.teamName = rows.text(i, 6);
    user.email = rows.optionalText(i, 7);
    user.active = rows.integer(i, 8) != 0;
    user.passwordChangeRequired = rows.integer(i, 9) != 0;
    user.createdAt = instantAt(rows, i, 10, "users.created_at");
    return user;
}

bool belongsToTeam(Role role) { return role == Role::prescriber || role == Role::budget_holder; }

void checkUsername(const std::string& username) {
    if (username.empty() || username.size() > 100) {
        throw ValidationError("username", "a user name has 1 to 100 characters");
    }
    const bool plain = std::all_of(username.begin(), username.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-' || ch == '@';
    });
    if (!plain) {
        throw ValidationError("username",
                              "a user name has only letters, digits and the signs . _ - @");
    }
}

void checkName(const std::string& name) {
    if (name.empty() || name.size() > 200) {
        throw ValidationError("name", "a name has 1 to 200 characters");
    }
}

void checkEmail(const std::optional<std::string>& email) {
    if (!email) return;
    const auto at = email->find('@');
    const bool shaped = email->size() <= 254 && at != std::string::npos && at > 0 &&
                        at + 1 < email->size() && email->find('@', at + 1) == std::string::npos &&
                        email->find_first_of(" \t\r\n,;<>") == std::string::npos;
    if (!shaped) throw ValidationError("email", "an e-mail address like name@example.org");
}

// The team a code names (none for none); ValidationError when there is no such team, or when a
// prescriber or budget holder would be left without one.
std::optional<TeamId> teamFor(Connection& c, Role role, const std::optional<std::string>& code) {
    if (!code) {
        if (belongsToTeam(role)) {
            throw ValidationError("team_code", "a prescriber or budget holder belongs to a team");
        }
        return std::nullopt;
    }
    Rows rows = c.query(kTeamByCode, {*code});
    if (rows.empty()) throw ValidationError("team_code", "there is no team with code " + *code);
    return TeamId(rows.integer(0, 0));
}

// "%text%" for LIKE, with the pattern's own signs taken literally (escaped with '!').
std::string containing(const std::string& text) {
    std::string pattern = "%";
    for (unsigned char ch : text) {
        if (ch == '%' || ch == '_' || ch == '!') pattern += '!';
        pattern += static_cast<char>(std::tolower(ch));
    }
    return pattern + "%";
}

std::string orNone(const std::optional<std::string>& text) { return text ? *text : "none"; }

// "name: old -> new" for each field that changed, for the audit row.
std::string differences(const UserRecord& before, const UserRecord& after) {
    std::string detail;
    auto note = [&](const char* field, const std::string& from, const std::string& to) {
        if (from == to) return;
        if (!detail.empty()) detail += "; ";
        detail += std::string(field) + ": " + from + " -> " + to;
    };
    note("name", before.displayName, after.displayName);
    note("role", std::string(toString(before.role)), std::string(toString(after.role)));
    note("team_code", orNone(before.teamCode), orNone(after.teamCode));
    note("email", orNone(before.email), orNone(after.email));
    note("active", before.active ? "true" : "false", after.active ? "true" : "false");
    return detail;
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

UserId addUser(Connection& c, const NewUser& user, UserId by, Instant now) {
    checkUsername(user.username);
    checkName(user.displayName);
    checkEmail(user.email);
    checkNewPassword(user.password, user.username, "password");
    const auto team = teamFor(c, user.role, user.teamCode);
    if (!c.query(kUserNameTaken, {user.username}).empty()) {
        throw Conflict("duplicate", "a user called " + user.username + " already exists");
    }
    const SqlValue email = user.email ? SqlValue(*user.email) : SqlValue(std::monostate{});
    UserId id(c.insert(kInsertOneTimeUser,
                       {user.username, user.displayName, std::string(toString(user.role)),
                        idOrNull(team), hashPassword(user.password), formatInstant(now), email}));
    audit(c, by, "user.create", "user", std::to_string(id.value()), now,
          user.username + " as " + std::string(toString(user.role)));
    return id;
}

Page<UserRecord> listUsers(Connection& c, const UserQuery& query, const PageRequest& page) {
    const std::string role = query.role ? std::string(toString(*query.role)) : "";
    Rows rows = c.query(kListUsers, {cursorParam(page), query.search, containing(query.search),
                                     role, fetchLimit(page)});
    std::vector<UserRecord> users;
    for (std::size_t i = 0; i < rows.size(); ++i) users.push_back(userFrom(rows, i));
    return pageOf(std::move(users), page, [](const UserRecord& u) { return u.id.value(); });
}

UserRecord findUser(Connection& c, UserId id) {
    Rows rows = c.query(kUserById, {id.value()});
    if (rows.empty()) throw NotFound("no such user");
    return userFrom(rows, 0);
}

UserRecord changeUser(Connection& c, UserId id, const UserChange& change, UserId by, Instant now) {
    const UserRecord before = findUser(c, id);
    UserRecord after = before;
    if (change.displayName) after.displayName = *change.displayName;
    if (change.role) after.role = *change.role;
    if (change.teamCode) after.teamCode = *change.teamCode;
    if (change.email) after.email = *change.email;
    if (change.active) after.active = *change.active;
    checkName(after.displayName);
    checkEmail(after.email);
    if (change.teamCode) {
        after.team = teamFor(c, after.role, after.teamCode);
    } else if (belongsToTeam(after.role) && !after.team) {
        throw ValidationError("team_code", "a prescriber or budget holder belongs to a team");
    }
    if (id == by && (!after.active || after.role != Role::admin)) {
        throw Conflict("own_account",
                       "you cannot switch yourself off or take away your own admin role");
    }
    const SqlValue email = after.email ? SqlValue(*after.email) : SqlValue(std::monostate{});
    c.execute(kUpdateUser, {after.displayName, std::string(toString(after.role)),
                            idOrNull(after.team), email, after.active ? 1 : 0, id.value()});
    if (!after.active) c.execute(kEndSessionsOf, {id.value()});
    audit(c, by, after.active || !before.active ? "user.change" : "user.switch_off", "user",
          std::to_string(id.value()), now, differences(before, after));
    return findUser(c, id);
}

void resetPassword(Connection& c, UserId id, const std::string& oneTimePassword, UserId by,
                   Instant now) {
    findUser(c, id);
    c.execute(kSetOneTimePassword, {hashPassword(oneTimePassword), id.value()});
    c.execute(kEndSessionsOf, {id.value()});
    audit(c, by, "user.password_reset", "user", std::to_string(id.value()), now);
}

void requirePasswordChange(Connection& c, UserId id) {
    c.execute(kRequirePasswordChange, {id.value()});
}

bool isPassword(Connection& c, UserId id, const std::string& password) {
    Rows rows = c.query(kPasswordHashOf, {id.value()});
    if (rows.empty()) throw NotFound("no such user");
    return verifyPassword(password, rows.text(0, 0));
}

void changeOwnPassword(Connection& c, const Actor& user, const std::string& newPassword,
                       Instant now) {
    checkNewPassword(newPassword, user.username, "new_password");
    c.execute(kSetOwnPassword, {hashPassword(newPassword), user.id.value()});
    audit(c, user.id, "user.password_change", "user", std::to_string(user.id.value()), now);
}

std::optional<SignIn> authenticate(Connection& c, const std::string& username,
                                   const std::string& password) {
    Rows rows = c.query(kUserForLogin, {username});
    if (rows.empty()) {
        imitatePasswordCheck(password);  // so that user names cannot be probed by timing
        return std::nullopt;
    }
    std::string stored = rows.text(0, 5);
    if (!verifyPassword(password, stored) || rows.integer(0, 6) == 0) return std::nullopt;
    std::optional<std::string> upgraded;
    if (passwordNeedsRehash(stored)) upgraded = hashPassword(password);
    return SignIn{actorFrom(rows), std::move(stored), std::move(upgraded), rows.integer(0, 7) != 0};
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

std::optional<SessionUser> findSessionUser(Connection& c, const std::string& token, Instant now) {
    Rows rows = c.query(kSessionUser, {sha256Hex(token), formatInstant(now)});
    if (rows.empty()) return std::nullopt;
    return SessionUser{actorFrom(rows), rows.integer(0, 5) != 0};
}

std::optional<Actor> findSession(Connection& c, const std::string& token, Instant now) {
    auto session = findSessionUser(c, token, now);
    if (!session) return std::nullopt;
    return session->actor;
}

std::optional<Actor> findActiveUser(Connection& c, UserId id) {
    Rows rows = c.query(kActiveUser, {id.value()});
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
