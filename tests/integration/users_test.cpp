// People and access over HTTP: the admin adds a user with a one-time password, which opens a
// session that may only set a new password; the admin changes, switches off and resets users;
// five failed sign-ins lock a user name; every other role is refused.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

Response patch(HttpClient& client, const std::string& path, const Poco::Dynamic::Var& body) {
    return client.send("PATCH", path, toJson(body), {});
}

Response signInAs(HttpClient& client, const std::string& username, const std::string& password) {
    return client.post("/api/v1/sessions",
                       jsonObject({{"username", username}, {"password", password}}));
}

std::string teamCodeOf(HttpClient& admin) {
    const Response teams = admin.get("/api/v1/teams");
    INFO(teams.describe());
    REQUIRE(teams.status == 200);
    return objectsIn(teams.object(), "teams").at(0)->getValue<std::string>("code");
}

// Adds a prescriber of the first team; answers the user's id and one-time password.
std::pair<std::int64_t, std::string> addPrescriber(HttpClient& admin, const std::string& username) {
    const Response added = admin.post("/api/v1/users",
                                      jsonObject({{"username", username},
                                                  {"name", "Nadia Brooks"},
                                                  {"role", "prescriber"},
                                                  {"team_code", teamCodeOf(admin)},
                                                  {"email", "nadia.brooks@example.org"}}),
                                      {{"Idempotency-Key", "user-" + username}});
    INFO(added.describe());
    REQUIRE(added.status == 201);
    CHECK(added.object()->getValue<bool>("password_change_required"));
    return {added.object()->getValue<std::int64_t>("id"),
            added.object()->getValue<std::string>("password")};
}

// Signs in with a one-time password and sets `next`; answers the signed-in client.
HttpClient withOwnPassword(DemoCounty& county, const std::string& username,
                           const std::string& oneTime, const std::string& next) {
    HttpClient client = county.anonymous();
    const Response session = signInAs(client, username, oneTime);
    INFO(session.describe());
    REQUIRE(session.status == 201);
    CHECK(session.object()->getValue<bool>("password_change_required"));
    client.setToken(session.object()->getValue<std::string>("token"));
    checkError(client.get("/api/v1/orders"), 403, "password_change_required");
    const Response changed = client.post(
        "/api/v1/me/password", jsonObject({{"current_password", oneTime}, {"new_password", next}}));
    INFO(changed.describe());
    REQUIRE(changed.status == 200);
    CHECK(client.get("/api/v1/orders").status == 200);
    return client;
}

}  // namespace

TEST_CASE(
    "users - a new prescriber signs in once with the one-time password, then sets their own") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto [id, oneTime] = addPrescriber(admin, "nbrooks");
    CHECK(oneTime.size() >= 12);

    const Response replay = admin.post("/api/v1/users",
                                       jsonObject({{"username", "nbrooks"},
                                                   {"name", "Nadia Brooks"},
                                                   {"role", "prescriber"},
                                                   {"team_code", teamCodeOf(admin)},
                                                   {"email", "nadia.brooks@example.org"}}),
                                       {{"Idempotency-Key", "user-nbrooks"}});
    CHECK(replay.status == 201);
    CHECK(replay.object()->getValue<std::int64_t>("id") == id);

    HttpClient nadia = withOwnPassword(county, "nbrooks", oneTime, "lilac river oak 42");
    HttpClient again = county.anonymous();
    checkError(signInAs(again, "nbrooks", oneTime), 401, "unauthenticated");
    const Response own = signInAs(again, "nbrooks", "lilac river oak 42");
    INFO(own.describe());
    REQUIRE(own.status == 201);
    CHECK_FALSE(own.object()->getValue<bool>("password_change_required"));

    bool listed = false;
    for (const auto& user : objectsIn(admin.get("/api/v1/users?q=nbrooks").object(), "users")) {
        listed = listed || user->getValue<std::string>("username") == "nbrooks";
        CHECK_FALSE(user->has("password"));
        CHECK_FALSE(user->has("password_hash"));
    }
    CHECK(listed);
}

TEST_CASE("users - a new password breaking a rule is refused naming the field") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto [id, oneTime] = addPrescriber(admin, "tnguyen");
    HttpClient client = county.anonymous();
    client.setToken(signInAs(client, "tnguyen", oneTime).object()->getValue<std::string>("token"));
    const auto change = [&](const std::string& current, const std::string& next) {
        return client.post("/api/v1/me/password",
                           jsonObject({{"current_password", current}, {"new_password", next}}));
    };
    checkError(change(oneTime, "short"), 422, "validation", "new_password");
    checkError(change(oneTime, "tnguyen-is-my-name"), 422, "validation", "new_password");
    checkError(change(oneTime, "password1234"), 422, "validation", "new_password");
    checkError(change("not the password", "lilac river oak 42"), 422, "validation",
               "current_password");
    checkError(client.get("/api/v1/orders"), 403, "password_change_required");

    checkError(admin.post("/api/v1/users", jsonObject({{"username", "weak"},
                                                       {"name", "Weak"},
                                                       {"role", "warehouse"},
                                                       {"password", "letmein"}})),
               422, "validation", "password");
}

TEST_CASE("users - bad fields are 422 naming them, a taken user name 409, an unknown user 404") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto user = [](const std::string& username, const std::string& role,
                         const std::string& team) {
        return jsonObject(
            {{"username", username}, {"name", "Sam Field"}, {"role", role}, {"team_code", team}});
    };
    checkError(admin.post("/api/v1/users", user("admin", "warehouse", "")), 409, "duplicate");
    checkError(admin.post("/api/v1/users", user("ADMIN", "warehouse", "")), 409, "duplicate");
    checkError(admin.post("/api/v1/users", user("sfield", "wizard", "")), 422, "validation",
               "role");
    checkError(admin.post("/api/v1/users", user("sfield", "prescriber", "NOPE")), 422, "validation",
               "team_code");
    checkError(admin.post("/api/v1/users", user("", "warehouse", "")), 422, "validation",
               "username");
    checkError(admin.post("/api/v1/users", jsonObject({{"username", "sfield"},
                                                       {"name", "Sam Field"},
                                                       {"role", "warehouse"},
                                                       {"email", "not an address"}})),
               422, "validation", "email");
    checkError(patch(admin, "/api/v1/users/999999", jsonObject({{"name", "X"}})), 404, "not_found");
    checkError(admin.post("/api/v1/users/999999/password-reset", std::string("{}")), 404,
               "not_found");
    checkError(patch(admin, "/api/v1/users/abc", jsonObject({{"name", "X"}})), 404, "not_found");
}

TEST_CASE("users - switching a user off ends their session at once and stops sign-in") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto [id, oneTime] = addPrescriber(admin, "jokafor");
    HttpClient jo = withOwnPassword(county, "jokafor", oneTime, "copper kettle moss 7");

    const std::string path = "/api/v1/users/" + std::to_string(id);
    const Response off = patch(admin, path, jsonObject({{"active", false}}));
    INFO(off.describe());
    REQUIRE(off.status == 200);
    CHECK_FALSE(off.object()->getValue<bool>("active"));
    checkError(jo.get("/api/v1/orders"), 401, "unauthenticated");
    HttpClient again = county.anonymous();
    checkError(signInAs(again, "jokafor", "copper kettle moss 7"), 401, "unauthenticated");

    const Response on = patch(admin, path, jsonObject({{"active", true}, {"role", "planner"}}));
    REQUIRE(on.status == 200);
    CHECK(on.object()->getValue<std::string>("role") == "planner");
    CHECK(signInAs(again, "jokafor", "copper kettle moss 7").status == 201);

    const Response me = admin.get("/api/v1/users?q=admin");
    const auto adminId = objectsIn(me.object(), "users").at(0)->getValue<std::int64_t>("id");
    checkError(
        patch(admin, "/api/v1/users/" + std::to_string(adminId), jsonObject({{"active", false}})),
        409, "own_account");
}

TEST_CASE("users - a password reset gives a new one-time password and ends the old one") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto [id, oneTime] = addPrescriber(admin, "mkowalski");
    HttpClient marta = withOwnPassword(county, "mkowalski", oneTime, "harbour lantern 1984");

    const Response reset =
        admin.post("/api/v1/users/" + std::to_string(id) + "/password-reset", std::string("{}"));
    INFO(reset.describe());
    REQUIRE(reset.status == 200);
    const std::string fresh = reset.object()->getValue<std::string>("password");
    CHECK(fresh != oneTime);
    checkError(marta.get("/api/v1/orders"), 401, "unauthenticated");
    HttpClient again = county.anonymous();
    checkError(signInAs(again, "mkowalski", "harbour lantern 1984"), 401, "unauthenticated");
    withOwnPassword(county, "mkowalski", fresh, "second harbour lantern");
}

TEST_CASE("users - five failed sign-ins lock the user name, even for the right password") {
    DemoCounty county;
    HttpClient client = county.anonymous();
    for (int i = 0; i < 5; ++i) {
        checkError(signInAs(client, "warehouse", "wrong guess " + std::to_string(i)), 401,
                   "unauthenticated");
    }
    checkError(signInAs(client, "warehouse", "demo-warehouse"), 429, "rate_limited");
    checkError(signInAs(client, "WAREHOUSE", "demo-warehouse"), 429, "rate_limited");
    // Another user name is not locked by them.
    CHECK(signInAs(client, "planner", "demo-planner").status == 201);
}

TEST_CASE("users - only the admin manages users") {
    DemoCounty county;
    for (const std::string role :
         {"prescriber", "warehouse", "planner", "driver", "budget", "commissioner"}) {
        CAPTURE(role);
        HttpClient client = county.signIn(role);
        checkError(client.get("/api/v1/users"), 403, "forbidden");
        checkError(
            client.post("/api/v1/users",
                        jsonObject({{"username", "x" + role}, {"name", "X"}, {"role", "driver"}})),
            403, "forbidden");
        checkError(patch(client, "/api/v1/users/1", jsonObject({{"name", "X"}})), 403, "forbidden");
        checkError(client.post("/api/v1/users/1/password-reset", std::string("{}")), 403,
                   "forbidden");
    }
    HttpClient anonymous = county.anonymous();
    checkError(anonymous.get("/api/v1/users"), 401, "unauthenticated");
    checkError(anonymous.post("/api/v1/me/password",
                              jsonObject({{"current_password", "a"}, {"new_password", "b"}})),
               401, "unauthenticated");
}

TEST_CASE("users - the admin's pages add a user, show the one-time password once, and switch off") {
    DemoCounty county;
    PageBrowser admin(county, "admin");
    REQUIRE(admin.get("/admin/users/new").status == 200);
    const Response empty = admin.post("/admin/users/new", "username=&name=&role=warehouse");
    CHECK(empty.status == 422);
    CHECK(contains(empty, "govuk-error-summary"));
    CHECK(contains(empty, "href=\"#username\""));

    admin.get("/admin/users/new");
    const Response added =
        admin.post("/admin/users/new", "username=kpatel&name=Kiran+Patel&role=warehouse");
    INFO(added.describe());
    REQUIRE(added.status == 200);
    REQUIRE(contains(added, "id=\"one-time-password\""));
    const std::string marker = "id=\"one-time-password\">";
    const auto at = added.body.find(marker) + marker.size();
    const std::string oneTime = added.body.substr(at, added.body.find('<', at) - at);
    CHECK(oneTime.size() >= 12);

    HttpClient kiran = county.anonymous();
    const Response session =
        kiran.post("/api/v1/sessions", jsonObject({{"username", "kpatel"}, {"password", oneTime}}));
    INFO(session.describe());
    REQUIRE(session.status == 201);
    CHECK(session.object()->getValue<bool>("password_change_required"));

    HttpClient api = county.signIn("admin");
    const auto users = objectsIn(api.get("/api/v1/users?q=kpatel").object(), "users");
    REQUIRE(users.size() == 1);
    const std::string page = "/admin/users/" + std::to_string(users[0]->getValue<int>("id"));
    const Response edit = admin.get(page);
    CHECK(edit.status == 200);
    CHECK_FALSE(contains(edit, oneTime));
    CHECK(admin.post(page + "/active", "active=false").status == 303);
    checkError(
        kiran.post("/api/v1/sessions", jsonObject({{"username", "kpatel"}, {"password", oneTime}})),
        401, "unauthenticated");

    PageBrowser warehouse(county, "warehouse");
    CHECK(warehouse.get("/admin/users").status == 403);
    CHECK(admin.post("/admin/users/new", "username=x&name=X&role=driver", false).status == 403);
}
