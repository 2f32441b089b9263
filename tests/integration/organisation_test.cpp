// The organisation over HTTP: the admin adds and changes funders, teams, depots and vans,
// each write audited and replayed under an Idempotency-Key; a taken code is 409, a broken rule
// 422 naming its field, an unknown code 404, and every other role is refused.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

Response patch(HttpClient& client, const std::string& path, const Poco::Dynamic::Var& body) {
    return client.send("PATCH", path, toJson(body), {});
}

Poco::JSON::Object::Ptr depotOf(HttpClient& admin) {
    const Response depots = admin.get("/api/v1/depots");
    INFO(depots.describe());
    REQUIRE(depots.status == 200);
    return objectsIn(depots.object(), "depots").at(0);
}

Poco::JSON::Object::Ptr van(const std::string& code, const std::string& depot) {
    auto skills = Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    skills->add(std::string("lifting"));
    return jsonObject({{"code", code},
                       {"depot_code", depot},
                       {"capacity_units", 50},
                       {"shift_start", "08:00"},
                       {"shift_end", "16:00"},
                       {"skills", skills},
                       {"two_person", true},
                       {"active", true}});
}

std::string fileText(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("organisation - the admin adds a funder and a team, then changes the team's limit") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response funder =
        admin.post("/api/v1/funders", jsonObject({{"code", "NHSX"}, {"name", "NHS Example"}}),
                   {{"Idempotency-Key", "funder-1"}});
    INFO(funder.describe());
    REQUIRE(funder.status == 201);
    const Response again =
        admin.post("/api/v1/funders", jsonObject({{"code", "NHSX"}, {"name", "NHS Example"}}),
                   {{"Idempotency-Key", "funder-1"}});
    CHECK(again.status == 201);
    checkError(admin.post("/api/v1/funders", jsonObject({{"code", "NHSX"}, {"name", "Other"}})),
               409, "duplicate");
    checkError(admin.post("/api/v1/funders", jsonObject({{"code", ""}, {"name", "Other"}})), 422,
               "validation", "code");

    auto team = jsonObject({{"code", "OTX"},
                            {"name", "OT Example"},
                            {"funder_code", "NHSX"},
                            {"approval_limit_pence", 150000}});
    const Response added = admin.post("/api/v1/teams", team);
    INFO(added.describe());
    REQUIRE(added.status == 201);
    CHECK(added.object()->getValue<std::string>("funder_code") == "NHSX");
    checkError(admin.post("/api/v1/teams", team), 409, "duplicate");
    team->set("code", "OTY");
    team->set("name", "OT Other");
    team->set("funder_code", "NOPE");
    checkError(admin.post("/api/v1/teams", team), 422, "validation", "funder_code");
    team->set("funder_code", "NHSX");
    team->set("approval_limit_pence", -1);
    checkError(admin.post("/api/v1/teams", team), 422, "validation", "approval_limit_pence");

    auto changed = jsonObject({{"code", "OTX"},
                               {"name", "OT Example"},
                               {"funder_code", "NHSX"},
                               {"approval_limit_pence", 200000}});
    const Response patched = patch(admin, "/api/v1/teams/OTX", changed);
    INFO(patched.describe());
    REQUIRE(patched.status == 200);
    CHECK(patched.object()->getValue<std::int64_t>("approval_limit_pence") == 200000);
    checkError(patch(admin, "/api/v1/teams/NOPE", changed), 404, "not_found");

    bool listed = false;
    for (const auto& each : objectsIn(admin.get("/api/v1/teams").object(), "teams")) {
        listed = listed || each->getValue<std::string>("code") == "OTX";
    }
    CHECK(listed);
}

TEST_CASE(
    "organisation - the admin adds a depot serving a district and a van, then switches "
    "the van off") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto existing = depotOf(admin);
    const std::string postcode = existing->getValue<std::string>("postcode");
    const auto districts = existing->getArray("districts");
    REQUIRE(districts->size() > 0);
    const std::string district = districts->getElement<std::string>(0);

    auto served = Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    served->add(district);
    auto depot = jsonObject(
        {{"code", "NEWD"}, {"name", "New depot"}, {"postcode", postcode}, {"districts", served}});
    const Response added = admin.post("/api/v1/depots", depot);
    INFO(added.describe());
    REQUIRE(added.status == 201);
    CHECK(added.object()->getArray("districts")->getElement<std::string>(0) == district);
    checkError(admin.post("/api/v1/depots", depot), 409, "duplicate");

    depot->set("code", "BADP");
    depot->set("postcode", "SW1A 1AA");
    checkError(admin.post("/api/v1/depots", depot), 422, "validation", "postcode");
    depot->set("postcode", postcode);
    auto unknown = Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    unknown->add(std::string("Atlantis"));
    depot->set("districts", unknown);
    checkError(admin.post("/api/v1/depots", depot), 422, "validation", "districts[0]");
    depot->set("districts", served);
    depot->set("code", "vans");  // /admin/depots/vans is the vans' part of the page
    checkError(admin.post("/api/v1/depots", depot), 422, "validation", "code");
    depot->set("code", "NEWD");
    depot->set("name", "Renamed depot");
    depot->set("districts", served);
    const Response renamed = patch(admin, "/api/v1/depots/NEWD", depot);
    INFO(renamed.describe());
    CHECK(renamed.status == 200);
    checkError(patch(admin, "/api/v1/depots/NOPE", depot), 404, "not_found");

    const Response vanAdded = admin.post("/api/v1/vans", van("VNEW", "NEWD"));
    INFO(vanAdded.describe());
    REQUIRE(vanAdded.status == 201);
    CHECK(vanAdded.object()->getValue<std::string>("shift_start") == "08:00");
    CHECK(vanAdded.object()->getValue<bool>("two_person"));
    checkError(admin.post("/api/v1/vans", van("VNEW", "NEWD")), 409, "duplicate");
    checkError(admin.post("/api/v1/vans", van("VBAD", "NOPE")), 422, "validation", "depot_code");
    auto late = van("VBAD", "NEWD");
    late->set("shift_end", "07:00");
    checkError(admin.post("/api/v1/vans", late), 422, "validation", "shift_end");
    late->set("shift_end", "7pm");
    checkError(admin.post("/api/v1/vans", late), 422, "validation", "shift_end");

    auto off = van("VNEW", "NEWD");
    off->set("active", false);
    const Response switchedOff = patch(admin, "/api/v1/vans/VNEW", off);
    INFO(switchedOff.describe());
    REQUIRE(switchedOff.status == 200);
    CHECK_FALSE(switchedOff.object()->getValue<bool>("active"));
    checkError(patch(admin, "/api/v1/vans/NOPE", off), 404, "not_found");
}

TEST_CASE("organisation - the readiness checklist of the demo county has no missing piece") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response readiness = admin.get("/api/v1/admin/readiness");
    INFO(readiness.describe());
    REQUIRE(readiness.status == 200);
    CHECK(readiness.object()->getValue<bool>("ready"));
    for (const auto& gap : objectsIn(readiness.object(), "gaps")) {
        CHECK(gap->getValue<bool>("warning"));
        CHECK(gap->getValue<std::string>("fix_at") == "/admin/depots");
    }
}

TEST_CASE("organisation - every other role is refused") {
    DemoCounty county;
    for (const char* user : {"prescriber", "warehouse", "planner", "driver", "budget"}) {
        HttpClient client = county.signIn(user);
        for (const char* path : {"/api/v1/funders", "/api/v1/teams", "/api/v1/depots",
                                 "/api/v1/vans", "/api/v1/admin/readiness"}) {
            checkError(client.get(path), 403, "forbidden");
        }
        checkError(client.post("/api/v1/funders", jsonObject({{"code", "X"}, {"name", "X"}})), 403,
                   "forbidden");
        checkError(patch(client, "/api/v1/vans/V1", van("V1", "D1")), 403, "forbidden");
    }
    checkError(county.anonymous().get("/api/v1/funders"), 401, "unauthenticated");
}

TEST_CASE("organisation - the admin home lists the checklist and links every admin area") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    const Response home = browser.get("/home");
    INFO(home.body.substr(0, 400));
    REQUIRE(home.status == 200);
    CHECK(home.body.find("Before you go live") != std::string::npos);
    CHECK(home.body.find("being built") == std::string::npos);
    for (const char* area :
         {"/admin/users", "/admin/organisation", "/admin/depots", "/admin/catalogue",
          "/admin/audit", "/admin/residents", "/admin/settings"}) {
        CAPTURE(area);
        CHECK(home.body.find(std::string("href=\"") + area + "\"") != std::string::npos);
    }
}

TEST_CASE("organisation - team codes and switched-off vans survive export and import, audited") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const std::string depot = depotOf(admin)->getValue<std::string>("code");
    auto off = van("VOFF", depot);
    off->set("active", false);
    REQUIRE(admin.post("/api/v1/vans", off).status == 201);
    const Response audit = admin.get("/api/v1/export/audit_log.csv");
    REQUIRE(audit.status == 200);
    CHECK(audit.body.find(",van_added,van,VOFF,") != std::string::npos);

    TempDir work;
    const CommandResult exported = runCes({"export", work.file("first"), "--db", county.dbPath()});
    INFO(exported.output);
    REQUIRE(exported.exit_code == 0);
    const EmptyDatabase copy;
    const CommandResult imported = runCes({"import", work.file("first"), "--db", copy.location()});
    INFO(imported.output);
    REQUIRE(imported.exit_code == 0);
    REQUIRE(runCes({"export", work.file("second"), "--db", copy.location()}).exit_code == 0);
    for (const char* table : {"teams.csv", "vans.csv"}) {
        CAPTURE(table);
        const std::string first = fileText(work.file("first") + "/" + table);
        CHECK(!first.empty());
        CHECK(first == fileText(work.file("second") + "/" + table));
    }
    CHECK(fileText(work.file("first") + "/vans.csv").find("active") != std::string::npos);
}
