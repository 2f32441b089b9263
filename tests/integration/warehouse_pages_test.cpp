// The warehouse pages over HTTP with a session cookie and the form's CSRF token: a bed on loan
// is scanned back, decontaminated and passed at inspection, earning its funder's credit; bad
// scans and skipped steps answer the page with the reason; other roles are refused.
#include <doctest/doctest.h>

#include <regex>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

// A bed on loan in the demo county, with the loan its delivery started.
std::string bedOnLoan(const DemoCounty& county) {
    return firstSqlValue(
        county.dbPath(),
        "SELECT a.barcode FROM assets a WHERE a.state = 'on_loan' AND a.item_code = "
        "'KCE-BED-001' AND EXISTS (SELECT 1 FROM asset_events e WHERE e.asset_id = a.id AND "
        "e.step = 'issue') ORDER BY a.id LIMIT 1");
}

}  // namespace

TEST_CASE("a scanned bed goes through decontamination and inspection back to stock with a credit") {
    DemoCounty county;
    const std::string bed = bedOnLoan(county);
    PageBrowser browser(county, "warehouse");

    const Response desk = browser.get("/warehouse/returns");
    CHECK(desk.status == 200);
    CHECK(contains(desk, "Scan or type a barcode"));
    const int earlier = returnsLoggedToday(desk);
    CHECK(browser.post("/warehouse/returns", "barcode=" + bed).status == 303);

    const Response logged = browser.get("/warehouse/returns?logged=" + bed);
    INFO(logged.body.substr(0, 200));
    CHECK(contains(logged, "Return logged: Profiling bed"));
    CHECK(contains(logged, "id=\"logged-next\">Decontamination<"));
    CHECK(contains(logged, "Order <a class=\"govuk-link\" href=\"/orders/ORD-"));
    CHECK(returnsLoggedToday(logged) == earlier + 1);

    const Response again = browser.post("/warehouse/returns", "barcode=" + bed);
    CHECK(again.status == 409);
    CHECK(contains(again, "its return is already logged"));
    const Response unknown = browser.post("/warehouse/returns", "barcode=NO-SUCH-ASSET");
    CHECK(unknown.status == 404);
    CHECK(contains(unknown, "href=\"#barcode\">No asset has the barcode NO-SUCH-ASSET"));
    CHECK(browser.post("/warehouse/returns", "barcode=").status == 422);

    const Response early =
        browser.post("/warehouse/queues/inspect", "barcode=" + bed + "&outcome=pass");
    CHECK(early.status == 409);
    CHECK(contains(early, bed + " has moved on since the page was loaded"));

    CHECK(contains(browser.get("/warehouse/queues"),
                   "Mark decontaminated<span class=\"govuk-visually-hidden\"> " + bed));
    CHECK(browser.post("/warehouse/queues/decontaminate", "barcode=" + bed).status == 303);
    const Response noOutcome = browser.post("/warehouse/queues/inspect", "barcode=" + bed);
    CHECK(noOutcome.status == 422);
    CHECK(contains(noOutcome, "Select an inspection outcome for " + bed));
    CHECK(browser.post("/warehouse/queues/inspect", "barcode=" + bed + "&outcome=pass&notes=ok")
              .status == 303);

    // 85% of the bed's £400 catalogue price goes back to the funder that paid for the issue.
    const Response passed = browser.get("/warehouse/queues?done=passed&barcode=" + bed);
    CHECK(contains(passed, bed + " passed inspection and is back in stock. It earned a credit of "
                                 "£340.00"));
    const CommandResult state =
        runSql(county.dbPath(), "SELECT state FROM assets WHERE barcode = '" + bed + "'");
    CHECK(state.output == "available\n");
}

TEST_CASE("the warehouse pages refuse a missing CSRF token and other roles") {
    DemoCounty county;
    PageBrowser browser(county, "warehouse");
    browser.get("/warehouse/returns");
    browser.csrf = std::string(64, '0');  // a token of the right shape, not the one issued
    CHECK(browser.post("/warehouse/returns", "barcode=X").status == 403);

    PageBrowser prescriber(county, "prescriber");
    for (const char* path :
         {"/warehouse/returns", "/warehouse/queues", "/warehouse/stock", "/warehouse/specials",
          "/warehouse/maintenance", "/warehouse/pick-lists", "/warehouse/goods-in"}) {
        INFO(path);
        CHECK(prescriber.get(path).status == 403);
        CHECK(browser.get(path).status == 200);
    }
    const Response csv = browser.get("/warehouse/stock.csv?depot=WKD&category=Beds");
    CHECK(csv.content_type.starts_with("text/csv"));
    CHECK(csv.body.starts_with("depot,item_code,name,category,available"));
    CHECK(contains(csv, "WKD,KCE-BED-001,"));
    CHECK_FALSE(contains(csv, "KCE-PRS-001"));
    CHECK(browser.get("/warehouse/pick-lists?date=2026-13-40").status == 400);
}
