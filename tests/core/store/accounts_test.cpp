#include "core/store/admin/accounts.h"

#include <doctest/doctest.h>

#include "core/credentials.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

// "demo-planner" as the service stored it before Argon2id: PBKDF2-SHA256, 210,000 iterations.
const std::string kPbkdf2Hash =
    "pbkdf2-sha256$210000$7250223a17508911ad6abd878c470052$"
    "66d6b4356543e248b7c3506d4e7d6e1a6a5dcff45861fbdeb2cfee0ec049ec4d";

std::string storedHash(store::Database& db, UserId user) {
    return db.read([&](store::Connection& c) {
        return c.query("SELECT password_hash FROM users WHERE id = $1", {user.value()}).text(0, 0);
    });
}

}  // namespace

TEST_CASE("passwords are salted Argon2id at the chosen cost and checked exactly") {
    const std::string first = hashPassword("correct horse");
    const std::string second = hashPassword("correct horse");
    CHECK(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    CHECK(first != second);  // a fresh salt each time
    CHECK(verifyPassword("correct horse", first));
    CHECK_FALSE(verifyPassword("correct horsE", first));
    CHECK_FALSE(verifyPassword("", first));
    CHECK_FALSE(verifyPassword("correct horse", "md5$x"));
    CHECK_FALSE(verifyPassword("correct horse", "$argon2id$v=19$m=19456,t=2,p=1$broken"));
    CHECK_FALSE(passwordNeedsRehash(first));
}

TEST_CASE("a PBKDF2 hash from before still verifies, and asks to be replaced") {
    CHECK(verifyPassword("demo-planner", kPbkdf2Hash));
    CHECK_FALSE(verifyPassword("demo-plannex", kPbkdf2Hash));
    CHECK_FALSE(verifyPassword("demo-planner", "pbkdf2-sha256$0$00$00"));
    CHECK(passwordNeedsRehash(kPbkdf2Hash));
    // A cheaper Argon2id hash (libsodium's MIN limits) verifies and is replaced too.
    const std::string cheap =
        "$argon2id$v=19$m=8,t=1,p=1$z2n/nYkw5eLDSv9Xne7VIA$8lmaMkYh1vH8KNbiLqTpeCCgiwFbqoMIQ1p/"
        "NKVoLko";
    CHECK(verifyPassword("demo-planner", cheap));
    CHECK(passwordNeedsRehash(cheap));
}

TEST_CASE("a PBKDF2 password is replaced by Argon2id with the session of its next sign-in") {
    test::SmallCounty county;
    auto& db = *county.db;
    const UserId planner = county.planner.id;
    db.write([&](store::Connection& c) {
        c.execute("UPDATE users SET password_hash = $1 WHERE id = $2",
                  {kPbkdf2Hash, planner.value()});
    });
    const std::string username = county.planner.username;

    // A wrong password neither signs in nor touches the hash.
    CHECK_FALSE(db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, "demo-plannex"); }));
    CHECK(storedHash(db, planner) == kPbkdf2Hash);

    const auto signIn = db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, "demo-planner"); });
    REQUIRE(signIn);
    CHECK(signIn->actor.id == planner);
    CHECK(signIn->checkedHash == kPbkdf2Hash);
    REQUIRE(signIn->upgradedHash);
    CHECK(storedHash(db, planner) == kPbkdf2Hash);  // reading alone writes nothing
    db.write([&](store::Connection& c) {
        store::createSession(c, *signIn, "token-1", county.now, county.now + std::chrono::hours(1));
    });
    const std::string upgraded = storedHash(db, planner);
    CHECK(upgraded.starts_with("$argon2id$"));
    CHECK(verifyPassword("demo-planner", upgraded));

    // The next sign-in checks the Argon2id hash and has nothing to upgrade.
    const auto again = db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, "demo-planner"); });
    REQUIRE(again);
    CHECK_FALSE(again->upgradedHash);
    CHECK_FALSE(db.read(
        [&](store::Connection& c) { return store::authenticate(c, username, "demo-plannex"); }));
}

TEST_CASE("an upgrade does not overwrite a password changed since the sign-in read it") {
    test::SmallCounty county;
    auto& db = *county.db;
    const UserId planner = county.planner.id;
    db.write([&](store::Connection& c) {
        c.execute("UPDATE users SET password_hash = $1 WHERE id = $2",
                  {kPbkdf2Hash, planner.value()});
    });
    const auto signIn = db.read([&](store::Connection& c) {
        return store::authenticate(c, county.planner.username, "demo-planner");
    });
    REQUIRE(signIn);
    const std::string changed = hashPassword("a new password");
    db.write([&](store::Connection& c) {
        c.execute("UPDATE users SET password_hash = $1 WHERE id = $2", {changed, planner.value()});
        store::createSession(c, *signIn, "token-1", county.now, county.now + std::chrono::hours(1));
    });
    CHECK(storedHash(db, planner) == changed);
}

TEST_CASE("tokens are 256 random bits") {
    const auto a = randomHex(32);
    CHECK(a.size() == 64);
    CHECK(a != randomHex(32));
}

TEST_CASE("sign-in, sessions and their expiry") {
    test::SmallCounty county;
    auto& db = *county.db;
    CHECK(db.read([](store::Connection& c) { return store::authenticate(c, "p", "pw"); }));
    CHECK_FALSE(db.read([](store::Connection& c) { return store::authenticate(c, "p", "PW"); }));
    CHECK_FALSE(
        db.read([](store::Connection& c) { return store::authenticate(c, "nobody", "pw"); }));

    const Instant now = county.now;
    db.write([&](store::Connection& c) {
        store::createSession(c, store::SignIn{county.prescriber, "", std::nullopt}, "token-1", now,
                             now + std::chrono::hours(1));
    });
    auto actor =
        db.read([&](store::Connection& c) { return store::findSession(c, "token-1", now); });
    REQUIRE(actor);
    CHECK(actor->username == "p");
    CHECK(toString(actor->role) == "prescriber");
    CHECK_FALSE(db.read([&](store::Connection& c) {
        return store::findSession(c, "token-1", now + std::chrono::hours(2));
    }));
    db.write([&](store::Connection& c) { store::deleteSession(c, "token-1"); });
    CHECK_FALSE(
        db.read([&](store::Connection& c) { return store::findSession(c, "token-1", now); }));
    // Only the token's hash is stored.
    CHECK(db.read([](store::Connection& c) {
                return c.query("SELECT COUNT(*) FROM sessions WHERE token_hash = 'token-1'");
            }).integer(0, 0) == 0);
}
