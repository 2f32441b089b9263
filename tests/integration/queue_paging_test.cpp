// The warehouse queues, today's returns and the prescriber tasks over HTTP, a page at a time:
// following the next links shows every row once, and the captions count every row.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

std::string unescaped(const std::string& link) {
    static const std::regex ampersand("&amp;");
    return std::regex_replace(link, ampersand, "&");
}

/// The href of the element with this id, or "".
std::string linkOf(const Response& page, const std::string& id) {
    std::smatch m;
    const std::regex pattern("id=\"" + id + "\" href=\"([^\"]*)\"");
    return std::regex_search(page.body, m, pattern) ? unescaped(m[1].str()) : std::string();
}

}  // namespace

TEST_CASE("the decontamination queue pages through every waiting asset with a true count") {
    DemoCounty county;
    runSql(county.dbPath(),
           "UPDATE assets SET state = 'returned' WHERE id IN (SELECT id FROM assets WHERE state "
           "= 'on_loan' ORDER BY id LIMIT 3)");
    const std::string waiting = firstSqlValue(
        county.dbPath(),
        "SELECT COUNT(*) FROM assets WHERE state IN ('returned', 'in_decontamination')");
    REQUIRE(std::stoi(waiting) >= 3);
    PageBrowser browser(county, "warehouse");

    std::set<std::string> seen;
    std::size_t rows = 0;
    std::string link = "/warehouse/queues?queue=decontamination&limit=2";
    for (int pages = 0; !link.empty() && pages < 100; ++pages) {
        const Response page = browser.get(link.substr(0, link.find('#')));
        REQUIRE(page.status == 200);
        CHECK(contains(page, "Decontamination queue (" + waiting + ")"));
        if (pages == 0) CHECK(contains(page, "2 of " + waiting + " waiting shown"));
        const std::regex barcode(
            "Mark decontaminated<span class=\"govuk-visually-hidden\"> "
            "([^<]*)</span>");
        for (std::sregex_iterator it(page.body.begin(), page.body.end(), barcode), end; it != end;
             ++it) {
            seen.insert((*it)[1].str());
            ++rows;
        }
        link = linkOf(page, "decontamination-next");
    }
    CHECK(rows == static_cast<std::size_t>(std::stoi(waiting)));
    CHECK(seen.size() == rows);
    CHECK(browser.get("/warehouse/queues?queue=decontamination&limit=0").status == 400);
}

TEST_CASE("today's returns count every return and page the list with a next link") {
    DemoCounty county;
    PageBrowser browser(county, "warehouse");
    const std::string on =
        "SELECT barcode FROM assets a WHERE a.state = 'on_loan' AND EXISTS "
        "(SELECT 1 FROM asset_events e WHERE e.asset_id = a.id AND e.step = "
        "'issue') ORDER BY a.id LIMIT 1";
    const Response before = browser.get("/warehouse/returns");
    REQUIRE(before.status == 200);
    const int earlier = returnsLoggedToday(before);
    const std::string total = std::to_string(earlier + 3) + " returns logged today: ";
    for (int i = 0; i < 3; ++i) {
        CHECK(browser.post("/warehouse/returns", "barcode=" + firstSqlValue(county.dbPath(), on))
                  .status == 303);
    }
    const Response first = browser.get("/warehouse/returns?limit=" + std::to_string(earlier + 2));
    CHECK(contains(first, total + std::to_string(earlier + 2) + " shown, latest first"));
    const std::regex next("rel=\"next\" href=\"([^\"]*)\"");
    std::smatch m;
    REQUIRE(std::regex_search(first.body, m, next));
    const Response second = browser.get(unescaped(m[1].str()));
    CHECK(contains(second, total + "1 shown, latest first"));
    CHECK_FALSE(contains(second, "rel=\"next\""));
}

TEST_CASE("GET /api/v1/tasks pages the open tasks with a next link") {
    DemoCounty county;
    runSql(county.dbPath(),
           "INSERT INTO prescriber_tasks (order_id, prescriber_id, reason, status, created_at) "
           "SELECT id, prescriber_id, 'paging test', 'open', '2026-03-02T10:00:00Z' FROM orders "
           "WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT 3)");
    const int open = std::stoi(firstSqlValue(
        county.dbPath(), "SELECT COUNT(*) FROM prescriber_tasks WHERE status = 'open'"));
    HttpClient planner = county.signIn("planner");
    std::set<long> seen;
    std::size_t listed = 0;
    std::string link = "/api/v1/tasks?limit=2";
    for (int pages = 0; !link.empty() && pages < 100; ++pages) {
        const Response page = planner.get(link);
        REQUIRE(page.status == 200);
        const auto answer = page.object();
        const auto tasks = answer->getArray("tasks");
        CHECK(tasks->size() <= 2);
        for (std::size_t i = 0; i < tasks->size(); ++i) {
            seen.insert(tasks->getObject(i)->getValue<long>("id"));
            ++listed;
        }
        link = answer->isNull("next") ? std::string() : answer->getValue<std::string>("next");
    }
    CHECK(listed == static_cast<std::size_t>(open));
    CHECK(seen.size() == listed);
    CHECK(planner.get("/api/v1/tasks?limit=501").status == 422);
}
