// Same-day changes over HTTP: POST /api/v1/plans/{date}/insert puts a visit into a stored day
// plan of the demo county, says which van, which stop and the resident's window, and the plan
// then holds it; bad input is named, other roles are refused.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

// An inspection, due on `date`, of a unit in a home that van `vanCode`'s planned route already
// calls at that day: pending, on no plan yet.
long newInspection(DemoCounty& county, HttpClient& planner, const std::string& date,
                   std::string& vanCode) {
    const std::string row =
        firstSqlValue(county.dbPath(),
                      "SELECT a.barcode || ' ' || van.code FROM assets a "
                      "JOIN visits v ON v.resident_id = a.resident_id "
                      "JOIN plan_stops s ON s.visit_id = v.id JOIN vans van ON van.id = s.van_id "
                      "WHERE a.state = 'on_loan' AND s.plan_date = '" +
                          date + "' ORDER BY van.code, a.barcode LIMIT 1");
    REQUIRE_MESSAGE(!row.empty(), "no unit on loan in a home on " << date << "'s routes");
    const std::string barcode = row.substr(0, row.find(' '));
    vanCode = row.substr(row.find(' ') + 1);
    const Response made = planner.post(
        "/api/v1/visits",
        toJson(jsonObject({{"kind", "inspection"}, {"barcode", barcode}, {"due_date", date}})));
    INFO(made.describe());
    REQUIRE(made.status == 201);
    return made.object()->getValue<long>("visit_id");
}

Response insert(HttpClient& client, const std::string& date, const std::string& body) {
    return client.post("/api/v1/plans/" + date + "/insert", body);
}

// The first day from tomorrow that the demo county has not planned (it plans the next working day).
std::string unplannedDay(DemoCounty& county) {
    for (int days = 1;; ++days) {
        const std::string date = isoDateFromToday(days);
        if (firstSqlValue(county.dbPath(),
                          "SELECT count(*) FROM plans WHERE plan_date = '" + date + "'") == "0") {
            return date;
        }
    }
}

}  // namespace

TEST_CASE("same day - a visit goes into a planned day's route and the plan holds it") {
    DemoCounty county;
    HttpClient planner = county.signIn("planner");
    const std::string date = isoDateFromToday(1);
    REQUIRE(planner.post("/api/v1/plans/" + date + "/optimise", "{}").status == 200);
    std::string vanOnRoute;
    const long visit = newInspection(county, planner, date, vanOnRoute);
    // A Monday's vans are full to the end of their shifts: overtime makes room whatever the day
    // holds.
    HttpClient admin = county.signIn("admin");
    extendShifts(admin,
                 firstSqlValue(county.dbPath(),
                               "SELECT d.code FROM vans v JOIN depots d ON d.id = v.depot_id "
                               "WHERE v.code = '" +
                                   vanOnRoute + "'"),
                 "19:00");

    const Response put =
        insert(planner, date, toJson(jsonObject({{"visit_id", Poco::Dynamic::Var(visit)}})));
    INFO(put.describe());
    REQUIRE(put.status == 200);
    const auto answer = put.object();
    CHECK(answer->getValue<bool>("applied"));
    CHECK(answer->getValue<long>("visit_id") == visit);
    const auto van = answer->getValue<std::string>("van");
    const int position = answer->getValue<int>("position");
    CHECK(position >= 1);
    CHECK(answer->getValue<int>("fixed_stops") == 0);  // tomorrow: no van is out yet
    CHECK_FALSE(answer->getValue<bool>("load_at_depot_first"));
    const auto window = answer->getObject("window");
    CHECK(window->getValue<std::string>("from") <= answer->getValue<std::string>("arrival"));
    CHECK(answer->getValue<std::string>("arrival") <= window->getValue<std::string>("to"));
    for (const auto& moved : objectsIn(answer, "moved")) {
        CHECK_FALSE(moved->getValue<bool>("out_of_slot"));
    }

    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT s.sequence FROM plan_stops s JOIN vans v ON "
                        "v.id = s.van_id WHERE s.visit_id = " +
                            std::to_string(visit) + " AND v.code = '" + van + "'") ==
          std::to_string(position));
    CHECK(firstSqlValue(county.dbPath(), "SELECT status FROM visits WHERE id = " +
                                             std::to_string(visit)) == "planned");
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM audit_log WHERE action = "
                        "'plan.insert' AND entity_id = '" +
                            std::to_string(visit) + "'") == "1");
    // Once in, it is no longer waiting.
    const Response again =
        insert(planner, date, toJson(jsonObject({{"visit_id", Poco::Dynamic::Var(visit)}})));
    CHECK(again.status == 409);
    CHECK(again.errorCode() == "visit_not_pending");
}

TEST_CASE("same day - bad input is named, unknown visits and unplanned days refused, roles kept") {
    DemoCounty county;
    HttpClient planner = county.signIn("planner");
    const std::string date = unplannedDay(county);
    CHECK(insert(planner, date, "{}").errorField() == std::optional<std::string>("visit_id"));
    CHECK(insert(planner, date, R"({"visit_id": 1, "order": "ORD-1"})").errorField() ==
          std::optional<std::string>("visit_id"));
    CHECK(insert(planner, date, R"({"visit_id": "one"})").errorField() ==
          std::optional<std::string>("visit_id"));
    CHECK(insert(planner, date, R"({"visit_id": 1, "confirm": "yes"})").errorField() ==
          std::optional<std::string>("confirm"));
    CHECK(insert(planner, "soon", R"({"visit_id": 1})").errorField() ==
          std::optional<std::string>("date"));
    CHECK(insert(planner, isoDateFromToday(-3), R"({"visit_id": 1})").errorField() ==
          std::optional<std::string>("date"));
    CHECK(insert(planner, date, R"({"visit_id": 99999999})").status == 409);  // no plan yet
    REQUIRE(planner.post("/api/v1/plans/" + date + "/optimise", "{}").status == 200);
    CHECK(insert(planner, date, R"({"visit_id": 99999999})").status == 404);
    CHECK(insert(planner, date, R"({"order": "ORD-NOPE"})").status == 404);
    HttpClient driver = county.signIn("driver");
    CHECK(insert(driver, date, R"({"visit_id": 1})").status == 403);
}
