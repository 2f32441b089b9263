#pragma once
// Users, teams, funders and sign-in sessions.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/money.h"
#include "core/store/infrastructure/connection.h"
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

/// A user who gave the right password.
struct SignIn {
    Actor actor;
    std::string checkedHash;  ///< The stored hash the password matched.
    /// An Argon2id hash of the password when `checkedHash` is older (PBKDF2) or cheaper: made
    /// while reading, so that the write that starts the session only has to store it.
    std::optional<std::string> upgradedHash;
};

/// The user with this name and password, or nullopt (unknown name or wrong password).
std::optional<SignIn> authenticate(Connection& c, const std::string& username,
                                   const std::string& password);

/// Stores a session for `token` (only its hash is kept) valid until `expires`, and with it the
/// sign-in's upgraded password hash, if any (unless the password changed meanwhile).
void createSession(Connection& c, const SignIn& signIn, const std::string& token, Instant now,
                   Instant expires);
/// The actor behind a live session token.
std::optional<Actor> findSession(Connection& c, const std::string& token, Instant now);
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
