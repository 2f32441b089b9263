#pragma once
// Users, teams, funders and sign-in sessions.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/money.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

FunderId createFunder(Connection& c, const std::string& code, const std::string& name);
TeamId createTeam(Connection& c, const std::string& name, FunderId funder, Pence approvalLimit,
                  const std::string& phone);
/// Creates a user with a freshly hashed password; ValidationError("username") if taken.
UserId createUser(Connection& c, const std::string& username, const std::string& displayName,
                  Role role, std::optional<TeamId> team, const std::string& password, Instant now);

/// True once any user exists (a new database has none).
bool hasUsers(Connection& c);

/// A staff account as the administrator sees it (never its password hash).
struct UserRecord {
    UserId id;
    std::string username;
    std::string displayName;
    Role role = Role::prescriber;
    std::optional<TeamId> team;
    std::optional<std::string> teamCode;  ///< None for a team without a code.
    std::string teamName;                 ///< "" without a team.
    std::optional<std::string> email;
    bool active = true;                   ///< Switched off: no sessions, no sign-in.
    bool passwordChangeRequired = false;  ///< Signed in with a one-time password.
    Instant createdAt;
};

/// A user an administrator adds; its password is for one sign-in only.
struct NewUser {
    std::string username;
    std::string displayName;
    Role role = Role::prescriber;
    std::optional<std::string> teamCode;
    std::optional<std::string> email;
    std::string password;  ///< Checked against the password rules.
};

/// Adds a user who must set a new password at the first sign-in, audited as `by`.
/// ValidationError naming the field (username, name, team_code, email, password); Conflict
/// "duplicate" when the user name is taken (whatever its case).
UserId addUser(Connection& c, const NewUser& user, UserId by, Instant now);

/// Which users a list shows: `search` in the user name or name (any case), and one role.
struct UserQuery {
    std::string search;
    std::optional<Role> role;
};
/// Users in id order, a page at a time.
Page<UserRecord> listUsers(Connection& c, const UserQuery& query, const PageRequest& page);
/// One user; NotFound when there is none.
UserRecord findUser(Connection& c, UserId id);

/// What an administrator changes about a user; unset fields are left alone.
struct UserChange {
    std::optional<std::string> displayName;
    std::optional<Role> role;
    std::optional<std::optional<std::string>> teamCode;  ///< Set to none: no team.
    std::optional<std::optional<std::string>> email;     ///< Set to none: no address.
    std::optional<bool> active;
};
/// Changes a user, audited with old and new values; switching off ends their sessions at once.
/// An administrator cannot switch themselves off or take away their own admin role (Conflict).
UserRecord changeUser(Connection& c, UserId id, const UserChange& change, UserId by, Instant now);

/// Gives a user a new one-time password (the old one stops working, sessions end), audited.
void resetPassword(Connection& c, UserId id, const std::string& oneTimePassword, UserId by,
                   Instant now);
/// Makes the password a user has now a one-time one (the first administrator's, printed once).
void requirePasswordChange(Connection& c, UserId id);
/// True when `password` is the user's password now.
bool isPassword(Connection& c, UserId id, const std::string& password);
/// The user's own new password, checked against the rules (ValidationError "new_password"); it
/// ends the need to change it. Audited.
void changeOwnPassword(Connection& c, const Actor& user, const std::string& newPassword,
                       Instant now);

/// A user who gave the right password.
struct SignIn {
    Actor actor;
    std::string checkedHash;  ///< The stored hash the password matched.
    /// An Argon2id hash of the password when `checkedHash` is older (PBKDF2) or cheaper: made
    /// while reading, so that the write that starts the session only has to store it.
    std::optional<std::string> upgradedHash;
    bool passwordChangeRequired = false;  ///< Signed in with a one-time password.
};

/// The active user with this name and password, or nullopt (unknown name, wrong password, or
/// switched off).
std::optional<SignIn> authenticate(Connection& c, const std::string& username,
                                   const std::string& password);

/// Stores a session for `token` (only its hash is kept) valid until `expires`, and with it the
/// sign-in's upgraded password hash, if any (unless the password changed meanwhile).
void createSession(Connection& c, const SignIn& signIn, const std::string& token, Instant now,
                   Instant expires);
/// The actor behind a live session token of an active user.
std::optional<Actor> findSession(Connection& c, const std::string& token, Instant now);
/// The user with this id as an actor, unless switched off (or unknown).
std::optional<Actor> findActiveUser(Connection& c, UserId id);
/// A live session: its actor, and whether it must set a new password before anything else.
struct SessionUser {
    Actor actor;
    bool passwordChangeRequired = false;
};
std::optional<SessionUser> findSessionUser(Connection& c, const std::string& token, Instant now);
void deleteSession(Connection& c, const std::string& token);

/// The team's name, approval limit and phone number.
struct TeamInfo {
    std::string name;
    Pence approvalLimit = 0;
    std::string phone;
    FunderId funder;
};
TeamInfo findTeam(Connection& c, TeamId team);

}  // namespace ces::store
