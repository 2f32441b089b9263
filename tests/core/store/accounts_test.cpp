#include "core/store/admin/accounts.h"

#include <doctest/doctest.h>

#include "core/credentials.h"
#include "tests/core/store/fixture.h"

using namespace ces;

TEST_CASE("passwords are salted PBKDF2-SHA256 and checked exactly") {
    const std::string first = hashPassword("correct horse", 1000);
    const std::string second = hashPassword("correct horse", 1000);
    CHECK(first.starts_with("pbkdf2-sha256$1000$"));
    CHECK(first != second);  // a fresh salt each time
    CHECK(verifyPassword("correct horse", first));
    CHECK_FALSE(verifyPassword("correct horsE", first));
    CHECK_FALSE(verifyPassword("correct horse", "md5$x"));
    const std::string iterations = std::to_string(kPasswordIterations);
    CHECK(hashPassword("x").starts_with(std::string("pbkdf2-sha256$").append(iterations)));
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
        store::createSession(c, county.prescriber.id, "token-1", now, now + std::chrono::hours(1));
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
