// Planning the week over HTTP: POST /api/v1/plans/optimise plans every working day of the
// horizon on the demo county, stores each day with the run, and refuses bad input by field.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"

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
