// Resident records and the audit viewer over HTTP: a serving team's prescriber (or an admin)
// corrects a resident's details, the district follows the postcode, the change is audited with
// old and new values; the admin reads the audit log newest first, filtered and paged.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

struct RecordsFixture {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    std::string path = "/api/v1/residents/" + resident.id.toString();

    Response patch(HttpClient& client, const Poco::Dynamic::Var& body,
                   const Headers& headers = {}) {
        return client.send("PATCH", path, toJson(body), headers);
    }
};

}  // namespace

TEST_CASE("resident records - a serving prescriber corrects the address and the district follows") {
    RecordsFixture f;
    const Response changed = f.patch(f.prescriber, jsonObject({{"address_line1", "1 High Street"},
                                                               {"town", "Canterbury"},
                                                               {"postcode", "ct1 2aa"},
                                                               {"phone", "01227 123456"},
                                                               {"access_notes", "key safe 1234"}}));
    INFO(changed.describe());
    REQUIRE(changed.status == 200);
    CHECK(changed.object()->getValue<std::string>("postcode") == "CT1 2AA");
    CHECK(changed.object()->getValue<std::string>("district") == "Canterbury");
    CHECK(changed.object()->getValue<std::string>("town") == "Canterbury");
    const Response read = f.prescriber.get(f.path);
    CHECK(read.object()->getValue<std::string>("district") == "Canterbury");
    CHECK(read.object()->getValue<std::string>("address_line1") == "1 High Street");

    HttpClient admin = f.county.signIn("admin");
    const Response audit =
        admin.get("/api/v1/audit?resident_id=" + f.resident.id.toString() + "&limit=5");
    INFO(audit.describe());
    REQUIRE(audit.status == 200);
    const auto entries = objectsIn(audit.object(), "entries");
    REQUIRE(!entries.empty());
    // Newest first: the read after the change, then the change with old and new values.
    CHECK(entries[0]->getValue<std::string>("action") == "resident.read");
    CHECK(entries[1]->getValue<std::string>("action") == "resident.change");
    CHECK(entries[1]->getValue<std::string>("user") == "prescriber");
    const std::string detail = entries[1]->getValue<std::string>("detail");
    CHECK(detail.find("postcode: \"ME14 1AD\" -> \"CT1 2AA\"") != std::string::npos);
    CHECK(detail.find("district: \"Maidstone\" -> \"Canterbury\"") != std::string::npos);
}

TEST_CASE("resident records - an admin may correct the name, an unchanged field writes no row") {
    RecordsFixture f;
    HttpClient admin = f.county.signIn("admin");
    const Response renamed = f.patch(admin, jsonObject({{"name", "Ada Lovelace"}}));
    INFO(renamed.describe());
    REQUIRE(renamed.status == 200);
    CHECK(renamed.object()->getValue<std::string>("name") == "Ada Lovelace");
    CHECK(renamed.object()->getValue<std::string>("district") == "Maidstone");
    const std::string filter = "/api/v1/audit?user=admin&resident_id=" + f.resident.id.toString();
    CHECK(objectsIn(admin.get(filter).object(), "entries").size() == 1);
    REQUIRE(f.patch(admin, jsonObject({{"name", "Ada Lovelace"}})).status == 200);
    CHECK(objectsIn(admin.get(filter).object(), "entries").size() == 1);
}

TEST_CASE("resident records - bad input is refused with 422 naming the field, nothing written") {
    RecordsFixture f;
    SUBCASE("postcode outside the county") {
        checkError(f.patch(f.prescriber, jsonObject({{"postcode", "ME1 1AA"}})), 422, "validation",
                   "postcode");
    }
    SUBCASE("postcode unknown") {
        checkError(f.patch(f.prescriber, jsonObject({{"postcode", "ZZ99 9ZZ"}})), 422, "validation",
                   "postcode");
    }
    SUBCASE("bad phone") {
        checkError(f.patch(f.prescriber, jsonObject({{"phone", "call me"}})), 422, "validation",
                   "phone");
    }
    SUBCASE("empty name") {
        checkError(f.patch(f.prescriber, jsonObject({{"name", "  "}, {"town", "Deal"}})), 422,
                   "validation", "name");
    }
    SUBCASE("unknown field") {
        CHECK(f.patch(f.prescriber, jsonObject({{"nhs_number", "9434765919"}})).status == 400);
    }
    const Response read = f.prescriber.get(f.path);
    CHECK(read.object()->getValue<std::string>("postcode") == "ME14 1AD");
    CHECK(read.object()->getValue<std::string>("town") != "Deal");
}

TEST_CASE("resident records - other teams and roles are refused, an unknown resident is 404") {
    RecordsFixture f;
    const auto body = jsonObject({{"name", "Someone Else"}});
    HttpClient other = f.county.signIn("prescriber2");
    checkError(f.patch(other, body), 403, "forbidden", std::nullopt);
    for (const char* user : {"budget", "warehouse", "planner", "driver", "commissioner"}) {
        HttpClient client = f.county.signIn(user);
        INFO(user);
        CHECK(f.patch(client, body).status == 403);
    }
    checkError(f.prescriber.send("PATCH", "/api/v1/residents/99999999", toJson(body), {}), 404,
               "not_found", std::nullopt);
    CHECK(f.prescriber.get(f.path).object()->getValue<std::string>("name") != "Someone Else");
}

TEST_CASE("resident records - a change under an Idempotency-Key is replayed, not repeated") {
    RecordsFixture f;
    const Headers key = {{"Idempotency-Key", "change-details-1"}};
    const Response first = f.patch(f.prescriber, jsonObject({{"phone", "01622 000111"}}), key);
    REQUIRE(first.status == 200);
    const Response again = f.patch(f.prescriber, jsonObject({{"phone", "01622 000111"}}), key);
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
}

TEST_CASE("audit viewer - newest first, paged by next, filtered by user and day") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response first = admin.get("/api/v1/audit?limit=3");
    INFO(first.describe());
    REQUIRE(first.status == 200);
    const auto page = objectsIn(first.object(), "entries");
    REQUIRE(page.size() == 3);
    CHECK(page[0]->getValue<std::int64_t>("id") > page[1]->getValue<std::int64_t>("id"));
    CHECK(page[1]->getValue<std::int64_t>("id") > page[2]->getValue<std::int64_t>("id"));
    REQUIRE(!first.object()->isNull("next"));
    const std::string next = first.object()->getValue<std::string>("next");
    const auto second = objectsIn(admin.get(next).object(), "entries");
    REQUIRE(!second.empty());
    CHECK(second[0]->getValue<std::int64_t>("id") < page[2]->getValue<std::int64_t>("id"));

    const auto mine =
        objectsIn(admin.get("/api/v1/audit?user=prescriber&limit=50").object(), "entries");
    for (const auto& e : mine) CHECK(e->getValue<std::string>("user") == "prescriber");
    CHECK(objectsIn(admin.get("/api/v1/audit?to=2000-01-01").object(), "entries").empty());
    CHECK(objectsIn(admin.get("/api/v1/audit?from=2999-01-01").object(), "entries").empty());
    for (const auto& e : objectsIn(admin.get("/api/v1/audit?limit=500").object(), "entries")) {
        const std::string detail = e->getValue<std::string>("detail");
        CHECK(detail.find("$argon2") == std::string::npos);
        CHECK(detail.find("password_hash") == std::string::npos);
    }
}

TEST_CASE("audit viewer - bad filters are 422 naming the field, only the admin reads it") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    checkError(admin.get("/api/v1/audit?from=yesterday"), 422, "validation", "from");
    checkError(admin.get("/api/v1/audit?to=2026-13-01"), 422, "validation", "to");
    checkError(admin.get("/api/v1/audit?resident_id=abc"), 422, "validation", "resident_id");
    checkError(admin.get("/api/v1/audit?limit=0"), 422, "validation", "limit");
    for (const char* user :
         {"prescriber", "budget", "warehouse", "planner", "driver", "commissioner"}) {
        HttpClient client = county.signIn(user);
        INFO(user);
        checkError(client.get("/api/v1/audit"), 403, "forbidden", std::nullopt);
    }
}

TEST_CASE("audit viewer - the admin's page lists entries, filters, pages and names a bad filter") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    CHECK(contains(browser.get("/home"), "href=\"/admin/audit\""));
    const Response page = browser.get("/admin/audit");
    INFO(page.body.substr(0, 400));
    REQUIRE(page.status == 200);
    CHECK(contains(page, "id=\"audit-entries\""));
    CHECK(contains(page, "rel=\"next\""));
    const Response filtered = browser.get("/admin/audit?user=nobody-at-all");
    CHECK(filtered.status == 200);
    CHECK(contains(filtered, "No entries match."));
    const Response refused = browser.get("/admin/audit?from=yesterday");
    CHECK(refused.status == 422);
    CHECK(contains(refused, "There is a problem"));
    CHECK(contains(refused, "href=\"#audit-from\""));
    PageBrowser prescriber(county, "prescriber");
    CHECK(prescriber.get("/admin/audit").status == 403);
}

TEST_CASE("resident records - the prescriber's change details page saves or names the field") {
    RecordsFixture f;
    PageBrowser browser(f.county, "prescriber");
    const std::string page =
        "/resident" + f.path.substr(std::string("/api/v1/resident").size()) + "/change";
    const Response form = browser.get(page);
    INFO(form.body.substr(0, 400));
    REQUIRE(form.status == 200);
    CHECK(contains(form, "value=\"ME14 1AD\""));
    const std::string fields =
        "name=Ada+Byron&address_line1=2+Castle+Street&town=Canterbury"
        "&phone=&access_notes=&postcode=";
    const Response refused = browser.post(page, fields + "ME1+1AA");
    CHECK(refused.status == 422);
    CHECK(contains(refused, "href=\"#postcode\""));
    browser.get(page);
    const Response saved = browser.post(page, fields + "CT1+2AA");
    CHECK(saved.status == 303);
    CHECK(contains(browser.get(page + "?done=1"), "district is Canterbury"));
    CHECK(f.prescriber.get(f.path).object()->getValue<std::string>("name") == "Ada Byron");
    CHECK(browser.post(page, fields + "CT1+2AA", false).status == 403);
    PageBrowser other(f.county, "prescriber2");
    CHECK(other.get(page).status == 404);
    PageBrowser warehouse(f.county, "warehouse");
    CHECK(warehouse.get(page).status == 403);
}
