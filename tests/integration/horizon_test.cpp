// Planning the week over HTTP: POST /api/v1/plans/optimise and the week page plan every working
// day of the horizon on the demo county, store each day with the run, and refuse bad input by
// field.
#include <doctest/doctest.h>

#include <regex>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

Response planDays(HttpClient& client, const std::string& from, Poco::Dynamic::Var days) {
    return client.post("/api/v1/plans/optimise",
                       toJson(jsonObject({{"from", from}, {"days", days}})));
}

}  // namespace

TEST_CASE("horizon - the planner plans five working days of the demo county at once") {
    DemoCounty county;
    HttpClient planner = county.signIn("planner");
    const Response planned = planDays(planner, isoDateFromToday(1), 5);
    INFO(planned.describe());
    REQUIRE(planned.status == 200);
    const auto answer = planned.object();
    const auto days = objectsIn(answer, "days");
    REQUIRE(days.size() == 5);
    const auto run = answer->getValue<long>("run_id");
    int visits = 0;
    for (const auto& day : days) {
        visits += day->getValue<int>("visits");
        const auto date = day->getValue<std::string>("date");
        const Response plan = planner.get("/api/v1/plans/" + date);
        INFO(plan.describe());
        CHECK(plan.status == 200);
        CHECK(firstSqlValue(county.dbPath(), "SELECT run_id FROM plans WHERE plan_date = '" + date +
                                                 "'") == std::to_string(run));
    }
    CHECK(visits > 0);
    for (const auto& out : objectsIn(answer, "left_out")) {
        CHECK(!out->getValue<std::string>("reason").empty());
    }
    // A late visit is planned after its due date, inside the horizon.
    for (const auto& late : objectsIn(answer, "late")) {
        CHECK(late->getValue<std::string>("due_by") < late->getValue<std::string>("planned_date"));
        CHECK(late->getValue<std::string>("planned_date") <=
              days.back()->getValue<std::string>("date"));
        const auto reason = late->getValue<std::string>("reason");
        CHECK((reason.starts_with("overdue before ") || reason.starts_with("no room by ")));
    }
}

TEST_CASE("horizon - bad input is named, other roles are refused") {
    DemoCounty county;
    HttpClient planner = county.signIn("planner");
    CHECK(planDays(planner, isoDateFromToday(1), 11).errorField() ==
          std::optional<std::string>("days"));
    CHECK(planDays(planner, isoDateFromToday(1), 0).status == 422);
    CHECK(planDays(planner, isoDateFromToday(-2), 5).errorField() ==
          std::optional<std::string>("from"));
    CHECK(planDays(planner, "next week", 5).errorField() == std::optional<std::string>("from"));
    CHECK(planner.post("/api/v1/plans/optimise", R"({"from": "2030-01-07"})").errorField() ==
          std::optional<std::string>("days"));
    HttpClient prescriber = county.signIn("prescriber");
    CHECK(planDays(prescriber, isoDateFromToday(1), 5).status == 403);
    HttpClient anonymous = county.anonymous();
    CHECK(planDays(anonymous, isoDateFromToday(1), 5).status == 401);
}

TEST_CASE("horizon - the planner plans the week on the week page and reads each day") {
    DemoCounty county;
    PageBrowser planner(county, "planner");
    const Response page = planner.get("/plan/week");
    REQUIRE(page.status == 200);
    CHECK(contains(page, "Plan the next 5 working days"));
    CHECK(contains(page, "Not planned yet"));

    const std::string from = isoDateFromToday(1);
    const std::string fields = "date-day=" + from.substr(8, 2) +
                               "&date-month=" + from.substr(5, 2) +
                               "&date-year=" + from.substr(0, 4) + "&days=3";
    const Response planned = planner.post("/plan/week", fields);
    REQUIRE(planned.status == 303);
    const Response after = planner.get("/plan/week?date=" + from + "&days=3&ms=1234&late=2&left=0");
    REQUIRE(after.status == 200);
    CHECK(contains(after, "Planned in 1.23 seconds: 2 late, 0 not planned"));
    CHECK(contains(after, "with the week"));
    CHECK(contains(after, "Plan the next 3 working days"));
    // One small drawing per day with vans, over the county's 12 districts drawn once.
    std::size_t daysWithVans = 0;
    const std::regex vansCell(
        R"re(<td class="govuk-table__cell govuk-table__cell--numeric">([1-9]\d*)</td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">\d+</td>)re");
    for (auto it = std::sregex_iterator(after.body.begin(), after.body.end(), vansCell);
         it != std::sregex_iterator(); ++it) {
        ++daysWithVans;
    }
    CHECK(daysWithVans >= 1);
    CHECK(count(after.body, "<svg class=\"ces-day-drawing\"") == daysWithVans);
    CHECK(count(after.body, "<path class=\"ces-district\"") == 12);
    CHECK(count(after.body, "<use href=\"#week-districts\"/>") == daysWithVans);
    std::smatch drawn;
    REQUIRE(std::regex_search(after.body, drawn,
                              std::regex(R"re(class="ces-day-drawing" data-date="([0-9-]+)")re")));
    const Response day = planner.get("/plan?date=" + drawn[1].str());
    CHECK(count(day.body, "<path class=\"ces-district\"") == 12);
    CHECK(contains(day, ">Thanet</text>"));

    const Response bad =
        planner.post("/plan/week", "date-day=31&date-month=2&date-year=2027&days=5");
    CHECK(bad.status == 422);
    CHECK(contains(bad, "govuk-error-summary"));
    CHECK(contains(bad, "Enter a real date"));
    const Response past =
        planner.post("/plan/week", "date-day=1&date-month=1&date-year=2020&days=5");
    CHECK(past.status == 422);
    CHECK(planner.post("/plan/week", fields, false).status == 403);  // no CSRF token
    CHECK(PageBrowser(county, "prescriber").get("/plan/week").status == 403);
}

TEST_CASE("horizon - the capacity view says what the vans can do and what more would meet") {
    DemoCounty county;
    HttpClient planner = county.signIn("planner");
    const Response view =
        planner.get("/api/v1/plans/capacity?from=" + isoDateFromToday(1) + "&days=3");
    INFO(view.describe());
    REQUIRE(view.status == 200);
    const auto answer = view.object();
    const auto days = objectsIn(answer, "days");
    REQUIRE(days.size() == 3);
    for (const auto& day : days) {
        CHECK(day->getValue<int>("vans_available") > 0);
        CHECK(day->getValue<double>("van_hours_needed") <=
              day->getValue<double>("van_hours_available"));
    }
    const auto advice = answer->getValue<std::string>("advice");
    const bool enough = objectsIn(answer, "extra_vans").empty();
    CHECK((enough ? advice == "The vans you have meet every due date."
                  : advice.rfind("To meet every due date you need", 0) == 0));
    CHECK(planner.get("/api/v1/plans/capacity?from=soon").errorField() ==
          std::optional<std::string>("from"));
    CHECK(planner.get("/api/v1/plans/capacity?from=" + isoDateFromToday(1) + "&days=12")
              .errorField() == std::optional<std::string>("days"));
    HttpClient driver = county.signIn("driver");
    CHECK(driver.get("/api/v1/plans/capacity?from=" + isoDateFromToday(1)).status == 403);

    const Response page = PageBrowser(county, "planner")
                              .get("/plan/week?date=" + isoDateFromToday(1) + "&capacity=1");
    REQUIRE(page.status == 200);
    CHECK(contains(page, "id=\"capacity-advice\""));
    // Each view solves within a time limit, so on a loaded machine the page's answer may
    // differ from the API's; either way it is one of the two kinds of advice.
    CHECK((contains(page, "To meet every due date you need") ||
           contains(page, "The vans you have meet every due date.")));
}
