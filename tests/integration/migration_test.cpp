// Leaving the old provider, end to end: `ces migrate` brings the example export into a running
// county (on SQLite and PostgreSQL alike), and what it brought is the prescriber's to see and
// collect like any delivered order, and the warehouse's to inspect.
#include <doctest/doctest.h>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("equipment taken over from the outgoing provider is tracked, collected and inspected") {
    DemoCounty county;
    const std::string example = std::string(CES_SOURCE_DATA_DIR) + "/migration-example";
    const std::string team = firstSqlValue(
        county.dbPath(),
        "SELECT t.name FROM teams t JOIN users u ON u.team_id = t.id AND u.username = "
        "'prescriber'");
    const auto run =
        runCes({"migrate", example, "--db", county.dbPath(), "--mapping", example + "/mapping.json",
                "--team", team, "--geo-dir", sharedDir() + "/data/geo"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.output, "assets (equipment.csv): 7 rows read, 5 created, 2 skipped"));
    CHECK(contains(run.output, "loans (loans.csv): 5 rows read, 4 created, 1 skipped"));
    const std::string order =
        firstSqlValue(county.dbPath(),
                      "SELECT o.reference FROM orders o JOIN residents r ON r.id = o.resident_id "
                      "WHERE r.legacy_ref = 'OLD-C001'");

    const Response page = PageBrowser(county, "prescriber").get("/orders/" + order);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Lent by the previous provider"));
    CHECK(contains(page.body, "Monday 3 February 2025"));
    CHECK(contains(page.body, "KCE-BED-001"));
    HttpClient prescriber = county.signIn("prescriber");
    const Response read = prescriber.get("/api/v1/orders/" + order);
    CHECK(read.object()->getValue<std::string>("status") == "delivered");

    const Response asked = prescriber.post(
        "/api/v1/collections",
        toJson(jsonObject({{"order_reference", order}, {"reason", "no_longer_needed"}})));
    INFO(asked.describe());
    REQUIRE(asked.status == 201);
    CHECK(asked.object()->getArray("items")->size() == 3);

    // The sling's LOLER examination lapsed in July 2025: the warehouse sees it due.
    const Response due = PageBrowser(county, "warehouse").get("/warehouse/maintenance");
    REQUIRE(due.status == 200);
    CHECK(contains(due.body, "OP-000104"));
}
