// Passwords stored as PBKDF2 before Argon2id: the owner's next sign-in over HTTP is accepted and
// leaves an Argon2id hash in place of the old one; a wrong password changes nothing.
#include <doctest/doctest.h>

#include "harness.h"

using namespace ces::integration;

namespace {

// "demo-planner" as the service stored it before Argon2id: PBKDF2-SHA256, 210,000 iterations.
const std::string kPbkdf2Hash =
    "pbkdf2-sha256$210000$7250223a17508911ad6abd878c470052$"
    "66d6b4356543e248b7c3506d4e7d6e1a6a5dcff45861fbdeb2cfee0ec049ec4d";
const std::string kPlannerHash = "SELECT password_hash FROM users WHERE username = 'planner'";

}  // namespace

TEST_CASE("a PBKDF2 password signs in over HTTP and is stored as Argon2id afterwards") {
    DemoCounty county;
    const CommandResult set =
        runSql(county.dbPath(),
               "UPDATE users SET password_hash = '" + kPbkdf2Hash + "' WHERE username = 'planner'");
    INFO(set.output);
    REQUIRE(set.exit_code == 0);
    REQUIRE(firstSqlValue(county.dbPath(), kPlannerHash) == kPbkdf2Hash);

    HttpClient anonymous = county.anonymous();
    const Response wrong = anonymous.post(
        "/api/v1/sessions", jsonObject({{"username", "planner"}, {"password", "demo-plannex"}}));
    checkError(wrong, 401, "unauthenticated");
    CHECK(firstSqlValue(county.dbPath(), kPlannerHash) == kPbkdf2Hash);

    HttpClient planner = county.signIn("planner");
    const Response orders = planner.get("/api/v1/orders");
    INFO(orders.describe());
    CHECK(orders.status == 200);
    const std::string upgraded = firstSqlValue(county.dbPath(), kPlannerHash);
    CHECK(upgraded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));

    // The Argon2id hash signs in from then on, and is not replaced again.
    county.signIn("planner");
    CHECK(firstSqlValue(county.dbPath(), kPlannerHash) == upgraded);
    checkError(anonymous.post("/api/v1/sessions",
                              jsonObject({{"username", "planner"}, {"password", "demo-planner "}})),
               401, "unauthenticated");
}
