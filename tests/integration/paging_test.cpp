// Specials, the ledger and maintenance due over HTTP, a page at a time: following `next` from
// the first page reads every row once, the counts of maintenance due are of all rows (not of
// a page), a bad limit is refused, and the pages link to the rest.
#include <doctest/doctest.h>

#include <set>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

/// Every row of `key` from `path` on, following each answer's `next` to the last page.
std::vector<Poco::JSON::Object::Ptr> everyPage(HttpClient& client, std::string path,
                                               const std::string& key, std::size_t limit) {
    std::vector<Poco::JSON::Object::Ptr> rows;
    for (int pages = 0; pages < 10000; ++pages) {
        const Response page = client.get(path);
        REQUIRE_MESSAGE(page.status == 200, page.describe());
        const auto answer = page.object();
        const auto items = answer->getArray(key);
        CHECK(items->size() <= limit);
        for (std::size_t i = 0; i < items->size(); ++i) rows.push_back(items->getObject(i));
        if (answer->isNull("next")) return rows;
        path = answer->getValue<std::string>("next");
    }
    FAIL("the next links never end");
    return rows;
}

std::size_t sqlCount(const DemoCounty& county, const std::string& sql) {
    return std::stoul(firstSqlValue(county.dbPath(), sql));
}

}  // namespace

TEST_CASE("specials, the ledger and maintenance due are read a page at a time, every row once") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");

    const auto specials = everyPage(warehouse, "/api/v1/specials?all=true&limit=2", "specials", 2);
    std::set<std::int64_t> specialIds;
    for (const auto& s : specials) specialIds.insert(s->getValue<std::int64_t>("id"));
    CHECK(specialIds.size() == specials.size());
    CHECK(specials.size() ==
          sqlCount(county,
                   "SELECT COUNT(*) FROM specials s JOIN orders o ON o.id = s.order_id "
                   "WHERE o.status <> 'cancelled'"));
    CHECK(specials.size() > 2);

    const auto due =
        everyPage(warehouse, "/api/v1/maintenance/due?within_days=366&limit=7", "assets", 7);
    std::set<std::string> barcodes;
    std::int64_t overdue = 0;
    for (const auto& d : due) {
        barcodes.insert(d->getValue<std::string>("barcode"));
        overdue += d->getValue<bool>("overdue") ? 1 : 0;
    }
    CHECK(barcodes.size() == due.size());
    CHECK(due.size() > 7);
    const auto first = warehouse.get("/api/v1/maintenance/due?within_days=366&limit=7").object();
    CHECK(first->getValue<std::size_t>("due") == due.size());
    CHECK(first->getValue<std::int64_t>("overdue") == overdue);
    checkError(warehouse.get("/api/v1/maintenance/due?limit=0"), 422, "validation", "limit");
    checkError(warehouse.get("/api/v1/specials?limit=501"), 422, "validation", "limit");

    HttpClient commissioner = county.signIn("commissioner");
    const auto entries = everyPage(commissioner, "/api/v1/ledger?limit=500", "entries", 500);
    std::int64_t last = 0;
    for (const auto& e : entries) {
        const auto id = e->getValue<std::int64_t>("id");
        CHECK(id > last);
        last = id;
    }
    CHECK(entries.size() == sqlCount(county, "SELECT COUNT(*) FROM ledger"));
    checkError(commissioner.get("/api/v1/ledger?after=x"), 422, "validation", "after");
}

TEST_CASE("the specials and maintenance pages say how many they show and link to the rest") {
    DemoCounty county;
    PageBrowser warehouse(county, "warehouse");
    const Response specials = warehouse.get("/warehouse/specials?limit=1");
    CHECK(specials.status == 200);
    CHECK(contains(specials, "1 open special shown, oldest request first"));
    CHECK(contains(specials, "rel=\"next\" href=\"/warehouse/specials?after="));
    const Response checks = warehouse.get("/warehouse/maintenance?within_days=90&limit=1");
    CHECK(checks.status == 200);
    CHECK(contains(checks, "1 shown, overdue and soonest due first"));
    CHECK(contains(checks, "rel=\"next\" href=\"/warehouse/maintenance?within_days=90"));
}

TEST_CASE("a page asked for a bad limit answers 400 naming limit, never 500") {
    DemoCounty county;
    PageBrowser planner(county, "planner");
    PageBrowser warehouse(county, "warehouse");
    const std::vector<std::pair<PageBrowser*, std::string>> asks = {
        {&planner, "/orders?limit=abc"},
        {&planner, "/collections?limit=0"},
        {&warehouse, "/warehouse/specials?limit=x"},
        {&warehouse, "/warehouse/maintenance?limit=-3"},
        {&warehouse, "/warehouse/queues?limit=x"}};
    for (const auto& [browser, path] : asks) {
        CAPTURE(path);
        const Response page = browser->get(path);
        CHECK(page.status == 400);
        CHECK(contains(page, "limit"));
    }
}
