// "Phone the prescriber" tasks over HTTP: a planner lists the open ones, marks one done through
// the API or the plan page's form (with its CSRF token), and other roles are refused. Raising a
// task (an emergency left out of the plan, or its failed visit) is tested in
// tests/warehouse/emergencies_test.cpp; here one is written straight into the copy's database.
#include <doctest/doctest.h>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

// The demo county may have raised tasks of its own: the tests look for theirs by its reason.
const std::string kReason = "no van could reach it by 13:00 (integration test)";

// Raises a task for the demo county's first order; answers the order's reference.
std::string raiseTask(const DemoCounty& county, const std::string& reason) {
    const std::string order = firstSqlValue(county.dbPath(), "SELECT MIN(id) FROM orders");
    runSql(county.dbPath(),
           "INSERT INTO prescriber_tasks (order_id, prescriber_id, reason, status, created_at) "
           "SELECT id, prescriber_id, '" +
               reason + "', 'open', '2026-03-02T10:00:00Z' FROM orders WHERE id = " + order);
    return firstSqlValue(county.dbPath(), "SELECT reference FROM orders WHERE id = " + order);
}

}  // namespace

TEST_CASE("planners list open prescriber tasks and mark them done over the API") {
    DemoCounty county;
    const std::string reference = raiseTask(county, kReason);
    HttpClient planner = county.signIn("planner");

    auto ours = [&]() -> Poco::JSON::Object::Ptr {
        const Response listed = planner.get("/api/v1/tasks");
        REQUIRE(listed.status == 200);
        const auto tasks = listed.object()->getArray("tasks");
        for (std::size_t i = 0; i < tasks->size(); ++i) {
            if (tasks->getObject(i)->getValue<std::string>("reason") == kReason) {
                return tasks->getObject(i);
            }
        }
        return nullptr;
    };
    const auto task = ours();
    REQUIRE(task);
    CHECK(task->getValue<std::string>("order_reference") == reference);
    CHECK(task->getValue<std::string>("status") == "open");
    CHECK_FALSE(task->getValue<std::string>("prescriber").empty());
    const std::string id = std::to_string(task->getValue<long>("id"));

    CHECK(county.signIn("driver").get("/api/v1/tasks").status == 403);
    CHECK(county.signIn("prescriber").post("/api/v1/tasks/" + id + "/done", "{}").status == 403);
    CHECK(county.anonymous().get("/api/v1/tasks").status == 401);

    const Response done = planner.post("/api/v1/tasks/" + id + "/done", "{}");
    REQUIRE(done.status == 200);
    CHECK(done.object()->getValue<std::string>("status") == "done");
    const Response again = planner.post("/api/v1/tasks/" + id + "/done", "{}");
    CHECK(again.status == 409);
    CHECK(again.errorCode() == "task_done");
    CHECK(planner.post("/api/v1/tasks/999999999/done", "{}").status == 404);
    CHECK_FALSE(ours());
    CHECK(county.signIn("admin").get("/api/v1/tasks").status == 200);
}

TEST_CASE("the plan page shows prescribers to phone with a done button") {
    DemoCounty county;
    const std::string reference = raiseTask(county, kReason);
    PageBrowser planner(county, "planner");
    const Response page = planner.get("/plan");
    REQUIRE(page.status == 200);
    CHECK(contains(page, "Prescribers to phone"));
    CHECK(contains(page, reference));
    CHECK(contains(page, kReason));
    const std::string task = firstSqlValue(
        county.dbPath(), "SELECT id FROM prescriber_tasks WHERE reason = '" + kReason + "'");

    CHECK(planner.post("/plan/tasks/done", "task=" + task + "&date=2026-03-03", false).status ==
          403);
    const Response done = planner.post("/plan/tasks/done", "task=" + task + "&date=2026-03-03");
    CHECK(done.status == 303);
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT status FROM prescriber_tasks WHERE id = " + task) == "done");
    CHECK_FALSE(contains(planner.get("/plan?date=2026-03-03"), kReason));
}
