// The planner's and the driver's pages over HTTP with a session cookie and the form's CSRF
// token: the planner optimises a day and sees each van's timeline and the route drawing; the
// driver opens a van and records a failed visit; bad input answers the page with the reason.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

std::string firstMatch(const std::string& text, const std::string& pattern) {
    std::smatch found;
    const std::regex re(pattern);
    if (!std::regex_search(text, found, re)) return "";
    return found[1];
}

}  // namespace

TEST_CASE("the planner optimises a day on the plan page and the driver records a failed visit") {
    DemoCounty county;
    PageBrowser planner(county, "planner");

    const Response today = planner.get("/plan");
    REQUIRE(today.status == 200);
    const std::string date = firstMatch(today.body, R"re(name="date" value="(\d{4}-\d\d-\d\d)")re");
    REQUIRE(!date.empty());
    CHECK(planner.post("/plan/optimise", "date=" + date).status == 303);

    const Response plan = planner.get("/plan?date=" + date + "&planned=12&ms=1500");
    REQUIRE(plan.status == 200);
    CHECK(contains(plan, "12 stops planned in 1.5 seconds"));
    CHECK(contains(plan, "role=\"img\""));
    const std::size_t vans = count(plan.body, "<section class=\"ces-van\"");
    CHECK(vans >= 1);
    CHECK(count(plan.body, "<path class=\"ces-route\"") == vans);
    CHECK(std::regex_search(plan.body, std::regex(R"re(id="total-co2">\d+\.\d kg<)re")));
    CHECK(
        std::regex_search(plan.body, std::regex(R"re(class="govuk-table__cell ces-window">\d)re")));

    // The printable pick list of the day's plan, flags in words ("Yes" for two people or a
    // fitting).
    std::set<std::string> vanCodes;
    const std::regex vanCode(R"re([A-Z]{3}-VAN\w+)re");
    for (auto it = std::sregex_iterator(plan.body.begin(), plan.body.end(), vanCode);
         it != std::sregex_iterator(); ++it) {
        vanCodes.insert(it->str());
    }
    REQUIRE_FALSE(vanCodes.empty());
    std::string printed;
    for (const auto& van : vanCodes) {
        const Response printable = planner.get("/api/v1/picklists/" + date + ".html?van=" + van);
        REQUIRE(printable.status == 200);
        printed += printable.body;
    }
    CHECK(printed.find("<td class=\"flag\">Yes</td>") != std::string::npos);
    CHECK(printed.find("<td class=\"flag\">true</td>") == std::string::npos);

    CHECK(planner.get("/plan?date=garbage").status == 422);
    CHECK(planner.get("/plan?date-day=31&date-month=2&date-year=2030").status == 422);
    const Response past = planner.post("/plan/optimise", "date=2020-01-06");
    CHECK(past.status == 422);
    CHECK(contains(past, "href=\"#optimise\">The day cannot be planned"));
    CHECK(planner.post("/plan/optimise", "date=soon").status == 400);
    CHECK(planner.post("/plan/optimise", "date=" + date, false).status == 403);
    CHECK(planner.get("/driver").status == 403);

    PageBrowser driver(county, "driver");
    CHECK(driver.get("/plan").status == 403);
    const Response chooser = driver.get("/driver?date=" + date);
    REQUIRE(chooser.status == 200);
    CHECK(contains(chooser, "Choose your van"));
    const std::string van =
        firstMatch(chooser.body, R"re(href="/driver\?date=[0-9-]+&amp;van=([A-Z0-9-]+)")re");
    REQUIRE(!van.empty());
    CHECK(driver.get("/driver?date=" + date + "&van=NO-SUCH-VAN").status == 404);
    // A weekend is no working day: the page says so and points to the next one.
    const Response saturday = driver.get("/driver?date=2027-01-02");
    CHECK(contains(saturday, "it is not a working day"));
    CHECK(contains(saturday, "href=\"/driver?date=2027-01-04\""));

    const std::string stops = "/driver?date=" + date + "&van=" + van;
    const Response route = driver.get(stops);
    REQUIRE(route.status == 200);
    const std::string visit =
        firstMatch(route.body, R"re(action="/driver/visits/(\d+)/outcome")re");
    REQUIRE(!visit.empty());
    const std::string action = "/driver/visits/" + visit + "/outcome";
    const std::string back = "&date=" + date + "&van=" + van;

    const Response noReason = driver.post(action, "outcome=failed" + back);
    CHECK(noReason.status == 422);
    CHECK(contains(noReason, "href=\"#reason-" + visit + "\">Select why the visit failed"));
    CHECK(driver.post(action, "outcome=failed&reason=other" + back).status == 422);
    CHECK(driver.post(action, "outcome=teleported" + back).status == 400);
    CHECK(driver.post("/driver/visits/abc/outcome", "outcome=failed").status == 404);
    CHECK(driver.post(action, "outcome=failed&reason=no_access" + back, false).status == 403);

    CHECK(driver.post(action, "outcome=failed&reason=no_access" + back).status == 303);
    const Response recorded = driver.get(stops + "&recorded=" + visit);
    CHECK(contains(recorded, "recorded: Failed: nobody was in"));
    CHECK(!contains(recorded, "action=\"" + action + "\""));
    const Response again = driver.post(action, "outcome=failed&reason=no_access" + back);
    CHECK(again.status == 409);
    CHECK(contains(again, "This stop has already been recorded"));
}
