// The admin's organisation pages over HTTP with a session cookie and the form's CSRF token:
// funders and teams (/admin/organisation), depots and vans (/admin/depots). Each form saves
// through the store operation the API uses (audited), shows a broken rule (422) or a taken code
// (409) naming the field, and refuses every other role. A van switched off after its day was
// planned still shows on that plan, and the next planning leaves it out.
#include <doctest/doctest.h>

#include <regex>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

// The page answered `status` with the error summary linking to the input `anchor`.
void checkFieldError(const Response& page, int status, const std::string& anchor,
                     const std::string& message) {
    INFO(page.path << " -> " << page.status << "\n" << page.body.substr(0, 3000));
    CHECK(page.status == status);
    CHECK(contains(page, "There is a problem"));
    CHECK(contains(page, "href=\"#" + anchor + "\">" + message));
    CHECK(contains(page, "id=\"" + anchor + "\""));
}

Poco::JSON::Object::Ptr entryOf(HttpClient& admin, const std::string& list,
                                const std::string& code) {
    const Response answer = admin.get("/api/v1/" + list);
    REQUIRE(answer.status == 200);
    for (const auto& entry : objectsIn(answer.object(), list)) {
        if (entry->getValue<std::string>("code") == code) return entry;
    }
    return nullptr;
}

std::size_t auditRows(HttpClient& admin, const std::string& needle) {
    const Response audit = admin.get("/api/v1/export/audit_log.csv");
    REQUIRE(audit.status == 200);
    return count(audit.body, needle);
}

std::string vanForm(const std::string& code, const std::string& depot, const std::string& end,
                    const std::string& active = "yes") {
    return "code=" + code + "&depot_code=" + depot +
           "&capacity_units=50&shift_start=08%3A00&shift_end=" + end +
           "&skills=lifting&two_person=yes&active=" + active;
}

std::string firstMatch(const std::string& text, const std::string& pattern) {
    std::smatch found;
    if (!std::regex_search(text, found, std::regex(pattern))) return "";
    return found[1];
}

std::string encoded(std::string text) {
    for (auto& ch : text) {
        if (ch == ' ') ch = '+';
    }
    return text;
}

}  // namespace

TEST_CASE("organisation pages - the admin adds a funder and a team and changes its limit") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    HttpClient admin = county.signIn("admin");

    const Response page = browser.get("/admin/organisation");
    INFO(page.body.substr(0, 400));
    REQUIRE(page.status == 200);
    CHECK(contains(page, "<h1 class=\"govuk-heading-l\">Funders and teams</h1>"));
    CHECK(contains(page, "href=\"/admin/organisation\" aria-current=\"page\""));

    CHECK(browser.post("/admin/organisation/funders", "code=NHSX&name=NHS+Example").status == 303);
    const Response saved = browser.get("/admin/organisation?funder=NHSX");
    CHECK(contains(saved, "Funder NHSX is saved"));
    CHECK(contains(saved, "NHS Example"));
    CHECK_FALSE(contains(browser.get("/admin/organisation?funder=%3Cb%3E"), "is saved"));
    CHECK(auditRows(admin, ",funder_added,funder,NHSX,") == 1);
    checkFieldError(browser.post("/admin/organisation/funders", "code=NHSX&name=Other"), 409,
                    "funder-code", "There is already a funder with the code NHSX");
    checkFieldError(browser.post("/admin/organisation/funders", "code=NHSY&name="), 422,
                    "funder-name", "Enter the name");
    CHECK(entryOf(admin, "funders", "NHSY") == nullptr);

    browser.get("/admin/organisation");
    const std::string team = "code=OTX&name=OT+Example&funder_code=NHSX&approval_limit=";
    CHECK(browser.post("/admin/organisation/teams", team + "%C2%A31%2C500.50").status == 303);
    auto added = entryOf(admin, "teams", "OTX");
    REQUIRE(added);
    CHECK(added->getValue<std::int64_t>("approval_limit_pence") == 150050);
    CHECK(added->getValue<std::string>("funder_code") == "NHSX");
    CHECK(contains(browser.get("/admin/organisation?team=OTX"), "£1,500.50"));
    checkFieldError(browser.post("/admin/organisation/teams", team + "lots"), 422,
                    "team-approval_limit", "Enter the approval limit in pounds");
    checkFieldError(browser.post("/admin/organisation/teams", team + "100"), 409, "team-code",
                    "There is already a team with the code OTX");
    checkFieldError(browser.post("/admin/organisation/teams",
                                 "code=OTZ&name=OT+Example&funder_code=NHSX&approval_limit=1"),
                    409, "team-name", "There is already a team called OT Example");

    const Response edit = browser.get("/admin/organisation/teams/OTX");
    REQUIRE(edit.status == 200);
    CHECK(contains(edit, "value=\"1500.50\""));
    CHECK(contains(edit, "<option value=\"NHSX\" selected>"));
    CHECK(browser.post("/admin/organisation/teams/OTX", team + "2000").status == 303);
    CHECK(entryOf(admin, "teams", "OTX")->getValue<std::int64_t>("approval_limit_pence") == 200000);
    CHECK(auditRows(admin, ",team_changed,team,OTX,") == 1);
    checkFieldError(browser.post("/admin/organisation/teams/OTX", team), 422, "team-approval_limit",
                    "Enter the approval limit");
    CHECK(browser.get("/admin/organisation/teams/NOPE").status == 404);
    CHECK(browser.post("/admin/organisation/teams/NOPE", team + "1").status == 404);
}

TEST_CASE("organisation pages - the admin adds and changes a depot and a van") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    HttpClient admin = county.signIn("admin");
    const auto existing = objectsIn(admin.get("/api/v1/depots").object(), "depots").at(0);
    const std::string postcode = existing->getValue<std::string>("postcode");
    const std::string district = existing->getArray("districts")->getElement<std::string>(0);

    const Response page = browser.get("/admin/depots");
    INFO(page.body.substr(0, 400));
    REQUIRE(page.status == 200);
    CHECK(count(page.body, "name=\"districts\" type=\"checkbox\"") == 12);
    CHECK(contains(page, "Served by " + existing->getValue<std::string>("name")));

    const std::string depot = "code=NEWD&name=New+depot&postcode=" + encoded(postcode);
    CHECK(browser.post("/admin/depots", depot + "&districts=" + encoded(district)).status == 303);
    CHECK(contains(browser.get("/admin/depots?depot=NEWD"), "Depot NEWD is saved"));
    const auto added = entryOf(admin, "depots", "NEWD");
    REQUIRE(added);
    CHECK(added->getArray("districts")->getElement<std::string>(0) == district);
    checkFieldError(browser.post("/admin/depots", depot), 409, "depot-code",
                    "There is already a depot with the code NEWD");
    checkFieldError(browser.post("/admin/depots", "code=BADP&name=Far&postcode=SW1A+1AA"), 422,
                    "depot-postcode", "The postcode SW1A 1AA is not in the county");
    checkFieldError(browser.post("/admin/depots", "code=BADD&name=Far&postcode=" +
                                                      encoded(postcode) + "&districts=Atlantis"),
                    422, "depot-districts", "There is no district called Atlantis");
    CHECK(entryOf(admin, "depots", "BADP") == nullptr);

    // Served by no depot: the district is a warning at the top of the page.
    const Response edit = browser.get("/admin/depots/NEWD");
    REQUIRE(edit.status == 200);
    CHECK(contains(edit, "value=\"" + district + "\" checked"));
    CHECK(browser.post("/admin/depots/NEWD", "code=NEWD&name=Renamed&postcode=" + encoded(postcode))
              .status == 303);
    const Response warned = browser.get("/admin/depots");
    CHECK(contains(warned, "id=\"unserved\""));
    CHECK(contains(warned, "<li>No depot serves " + district + "</li>"));
    CHECK(auditRows(admin, ",depot_changed,depot,NEWD,") == 1);
    CHECK(browser.get("/admin/depots/NOPE").status == 404);

    CHECK(browser.post("/admin/depots/vans", vanForm("VNEW", "NEWD", "16%3A00")).status == 303);
    CHECK(contains(browser.get("/admin/depots?van=VNEW"), "Van VNEW is saved"));
    const auto van = entryOf(admin, "vans", "VNEW");
    REQUIRE(van);
    CHECK(van->getValue<bool>("two_person"));
    CHECK(van->getArray("skills")->getElement<std::string>(0) == "lifting");
    CHECK(van->getValue<std::string>("shift_end") == "16:00");
    checkFieldError(browser.post("/admin/depots/vans", vanForm("VNEW", "NEWD", "16%3A00")), 409,
                    "van-code", "There is already a van with the code VNEW");
    checkFieldError(browser.post("/admin/depots/vans", vanForm("VBAD", "NEWD", "07%3A00")), 422,
                    "van-shift_end", "The shift must end after it starts");
    checkFieldError(browser.post("/admin/depots/vans", vanForm("VBAD", "NEWD", "7pm")), 422,
                    "van-shift_end", "Enter the time as HH:MM");
    checkFieldError(browser.post("/admin/depots/vans",
                                 "code=VBAD&depot_code=NEWD&capacity_units=lots&shift_start=08%"
                                 "3A00&shift_end=16%3A00"),
                    422, "van-capacity_units", "Enter the capacity as a whole number");
    CHECK(entryOf(admin, "vans", "VBAD") == nullptr);

    const Response vanPage = browser.get("/admin/depots/vans/VNEW");
    REQUIRE(vanPage.status == 200);
    CHECK(contains(vanPage, "value=\"lifting\" checked"));
    CHECK(
        browser.post("/admin/depots/vans/VNEW", vanForm("VNEW", "NEWD", "16%3A00", "no")).status ==
        303);
    CHECK_FALSE(entryOf(admin, "vans", "VNEW")->getValue<bool>("active"));
    CHECK(contains(browser.get("/admin/depots"), "Switched off"));
    CHECK(auditRows(admin, ",van_changed,van,VNEW,") == 1);
    CHECK(browser.get("/admin/depots/vans/NOPE").status == 404);
}

TEST_CASE("organisation pages - every other role is refused, and a form without its token") {
    DemoCounty county;
    for (const char* user : {"prescriber", "warehouse", "planner", "budget"}) {
        CAPTURE(user);
        PageBrowser browser(county, user);
        for (const char* path : {"/admin/organisation", "/admin/depots", "/admin/depots/vans/X",
                                 "/admin/organisation/teams/X"}) {
            CAPTURE(path);
            CHECK(browser.get(path).status == 403);
        }
        browser.get("/catalogue");
        CHECK(browser.post("/admin/organisation/funders", "code=NOPE&name=Nope").status == 403);
        CHECK(browser.post("/admin/depots/vans", vanForm("NOPE", "X", "16%3A00")).status == 403);
    }
    PageBrowser admin(county, "admin");
    admin.get("/admin/organisation");
    CHECK(admin.post("/admin/organisation/funders", "code=NOPE&name=Nope", false).status == 403);
    HttpClient api = county.signIn("admin");
    CHECK(entryOf(api, "funders", "NOPE") == nullptr);
}

TEST_CASE("organisation pages - a van switched off keeps its saved plan and is not planned again") {
    DemoCounty county;
    PageBrowser planner(county, "planner");
    const std::string date =
        firstMatch(planner.get("/plan").body, R"re(name="date" value="(\d{4}-\d\d-\d\d)")re");
    REQUIRE(!date.empty());
    REQUIRE(planner.post("/plan/optimise", "date=" + date).status == 303);
    HttpClient plans = county.signIn("planner");
    const Response planned = plans.get("/api/v1/plans/" + date);
    INFO(planned.describe());
    REQUIRE(planned.status == 200);
    const auto routes = objectsIn(planned.object(), "routes");
    REQUIRE_FALSE(routes.empty());
    const std::string van = routes.at(0)->getValue<std::string>("van");
    const std::string depot = routes.at(0)->getValue<std::string>("depot");
    REQUIRE_FALSE(van.empty());

    PageBrowser admin(county, "admin");
    const Response vanPage = admin.get("/admin/depots/vans/" + van);
    REQUIRE(vanPage.status == 200);
    const std::string start =
        firstMatch(vanPage.body, R"re(name="shift_start" type="text" value="([0-9:]+)")re");
    const std::string end =
        firstMatch(vanPage.body, R"re(name="shift_end" type="text" value="([0-9:]+)")re");
    REQUIRE(admin
                .post("/admin/depots/vans/" + van, "code=" + van + "&depot_code=" + depot +
                                                       "&capacity_units=60&shift_start=" + start +
                                                       "&shift_end=" + end + "&active=no")
                .status == 303);

    // The saved plan still names the van, its depot and crew, on the API and the plan page.
    Poco::JSON::Object::Ptr kept;
    for (const auto& route : objectsIn(plans.get("/api/v1/plans/" + date).object(), "routes")) {
        if (route->getValue<std::string>("van") == van) kept = route;
    }
    REQUIRE(kept);
    CHECK(kept->getValue<std::string>("depot") == depot);
    CHECK_FALSE(kept->getValue<std::string>("crew").empty());
    CHECK(contains(planner.get("/plan?date=" + date), van));

    // Planning the day again leaves the switched-off van out.
    REQUIRE(planner.post("/plan/optimise", "date=" + date).status == 303);
    for (const auto& route : objectsIn(plans.get("/api/v1/plans/" + date).object(), "routes")) {
        CHECK(route->getValue<std::string>("van") != van);
    }
}
