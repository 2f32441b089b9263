// Ids in paths are plain positive decimals: "12abc", "-1", "0", "1e3" or a number beyond int64
// name nothing (404), on the API and on the pages; a wrong method is 405 with Allow.
#include <doctest/doctest.h>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

const std::vector<std::string> kNotIds = {"12abc", "-1",   "0", "1e3", "99999999999999999999",
                                          "+12",   "%2012"};

}  // namespace

TEST_CASE("an id that is not a plain positive decimal is 404 on the API") {
    DemoCounty county;
    HttpClient driver = county.signIn("driver");
    HttpClient budget = county.signIn("budget");
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient admin = county.signIn("admin");
    const auto outcome = jsonObject({{"outcome", "delivered"}});
    const auto correction = jsonObject({{"reason", "typing slip"}});
    for (const auto& id : kNotIds) {
        CAPTURE(id);
        checkError(driver.post("/api/v1/visits/" + id + "/outcome", outcome), 404, "not_found");
        checkError(budget.post("/api/v1/specials/" + id + "/approve", "{}"), 404, "not_found");
        checkError(prescriber.get("/api/v1/residents/" + id), 404, "not_found");
        checkError(admin.post("/api/v1/ledger/" + id + "/corrections", correction), 404,
                   "not_found");
    }
}

TEST_CASE("an id that is not a plain positive decimal is 404 on the pages") {
    DemoCounty county;
    PageBrowser driver(county, "driver");
    REQUIRE(driver.get("/sign-out").status == 200);  // a page with a form, for the CSRF token
    PageBrowser warehouse(county, "warehouse");
    REQUIRE(warehouse.get("/warehouse/specials").status == 200);
    for (const auto& id : kNotIds) {
        CAPTURE(id);
        CHECK(driver.post("/driver/visits/" + id + "/outcome", "outcome=delivered").status == 404);
        CHECK(
            warehouse.post("/warehouse/specials/" + id + "/order", "purchase_order=PO-1").status ==
            404);
    }
}

TEST_CASE("a known path with another method is 405 with the error body and Allow") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response answer = admin.send("PUT", "/api/v1/ledger", std::string("{}"), {});
    checkError(answer, 405, "method_not_allowed");
}
