// The night's re-plan (issue 16's horizon job): with no horizon planned it says so and plans
// nothing; after a planner has planned the week, it re-plans the days after tomorrow over the
// same number of days in that planner's name, leaves tomorrow's routes as they were, and is
// audited.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "core/calendar.h"
#include "core/iso_time.h"
#include "harness.h"

using namespace ces::integration;

namespace {

// A day's stops (which visit, on which van, at which place in its route) as one checksum.
std::string stopsOn(DemoCounty& county, const std::string& date) {
    return firstSqlValue(county.dbPath(),
                         "SELECT count(*) || ':' || COALESCE(SUM((van_id * 1000 + sequence) * "
                         "visit_id), 0) FROM plan_stops WHERE plan_date = '" +
                             date + "'");
}

}  // namespace

TEST_CASE("nightly re-plan - rolls the planner's horizon on past tomorrow and keeps tomorrow") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const auto idle = runJobNow(admin, "horizon-replan");
    REQUIRE_MESSAGE(idle, "the re-plan never ran\n" << county.serverLog());
    CHECK(idle->getValue<std::string>("last_result") == "ok");
    CHECK(idle->getValue<std::string>("last_message").find("no planner has planned a horizon") !=
          std::string::npos);
    CHECK(firstSqlValue(county.dbPath(), "SELECT count(*) FROM plan_runs") == "0");

    const ces::WorkingDayCalendar calendar;
    const auto today = *ces::parseDate(isoDateFromToday(0));
    const std::string tomorrow = ces::formatDate(calendar.nextWorkingDay(today));
    const std::string after =
        ces::formatDate(calendar.nextWorkingDay(calendar.nextWorkingDay(today)));
    HttpClient planner = county.signIn("planner");
    const Response planned =
        planner.post("/api/v1/plans/optimise", R"({"from": ")" + tomorrow + R"(", "days": 2})");
    INFO(planned.describe());
    REQUIRE(planned.status == 200);
    const std::string tomorrowStops = stopsOn(county, tomorrow);
    REQUIRE(tomorrowStops.substr(0, 2) != "0:");

    const auto ran = runJobNow(admin, "horizon-replan");
    REQUIRE_MESSAGE(ran, "the re-plan never ran\n" << county.serverLog());
    INFO(ran->getValue<std::string>("last_message"));
    CHECK(ran->getValue<std::string>("last_result") == "ok");
    CHECK(ran->getValue<std::string>("last_message").find("re-planned for") != std::string::npos);
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT r.from_date || ' ' || r.days || ' ' || u.username FROM plan_runs "
                        "r JOIN users u ON u.id = r.created_by ORDER BY r.id DESC LIMIT 1") ==
          after + " 2 planner");
    CHECK(firstSqlValue(county.dbPath(), "SELECT count(*) FROM plan_runs") == "2");
    CHECK(stopsOn(county, tomorrow) == tomorrowStops);
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT min(plan_date) || ' ' || count(*) FROM plans WHERE run_id = "
                        "(SELECT max(id) FROM plan_runs)") == after + " 2");
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT count(*) FROM audit_log WHERE action = "
                        "'plan.nightly_replan' AND user_id IS NULL") == "1");
}
