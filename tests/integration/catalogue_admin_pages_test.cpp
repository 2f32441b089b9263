// The admin's catalogue pages: the list with search and retired items marked, adding an item,
// changing, retiring and bringing it back, its equivalents, and the CSV import whose "check
// only" run writes nothing. Every form carries its CSRF token; errors are listed in the GOV.UK
// error summary linking to their field.
#include <Poco/URI.h>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

std::string encoded(const std::string& value) {
    std::string out;
    Poco::URI::encode(value, "&=+;:/?#@", out);
    return out;
}

std::string itemForm(const std::string& code, const std::string& price) {
    return "code=" + code + "&name=Perching+stool&category=Kitchen&price=" + encoded(price) +
           "&needs_fitting=yes&inspection_regime=&maintenance_regime=none"
           "&maintenance_interval_months=0&van_space=1";
}

bool listed(HttpClient& client, const std::string& code) {
    const Response found = client.get("/api/v1/catalogue?q=" + code);
    REQUIRE(found.status == 200);
    return !objectsIn(found.object(), "items").empty();
}

std::string sharedCatalogue() {
    std::ifstream in(std::string(CES_SOURCE_DATA_DIR) + "/catalogue.csv");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("catalogue pages - the admin finds items, retired ones marked, a page at a time") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    const Response home = browser.get("/home");
    CHECK(contains(home, "href=\"/admin/catalogue\""));
    const Response page = browser.get("/admin/catalogue");
    INFO(page.body.substr(0, 400));
    REQUIRE(page.status == 200);
    CHECK(contains(page, "KCE-MOB-002"));
    CHECK(contains(page, "href=\"/admin/catalogue/new\""));
    CHECK(contains(page, "href=\"/admin/catalogue/import\""));
    CHECK_FALSE(contains(page, ">Retired<"));

    const Response search = browser.get("/admin/catalogue?q=walking+frame");
    CHECK(contains(search, "KCE-MOB-002"));
    CHECK_FALSE(contains(search, "KCE-BED-001"));
    const Response byCode = browser.get("/admin/catalogue?q=kce-bed-001");
    CHECK(contains(byCode, "KCE-BED-001"));

    const Response first = browser.get("/admin/catalogue?limit=5");
    CHECK(contains(first, "rel=\"next\""));
    CHECK(contains(first, "after=5"));
    const Response second = browser.get("/admin/catalogue?limit=5&after=5");
    REQUIRE(second.status == 200);
    CHECK(first.body != second.body);
    const Response badPage = browser.get("/admin/catalogue?limit=lots");
    CHECK(badPage.status == 422);
    CHECK(contains(badPage, "There is a problem"));

    browser.get("/admin/catalogue/KCE-BED-001");
    REQUIRE(browser.post("/admin/catalogue/KCE-BED-001/retire", "").status == 303);
    const Response marked = browser.get("/admin/catalogue?q=KCE-BED-001");
    CHECK(contains(marked, ">Retired<"));

    PageBrowser prescriber(county, "prescriber");
    CHECK(prescriber.get("/admin/catalogue").status == 403);
    CHECK(prescriber.get("/admin/catalogue/import").status == 403);
    CHECK(PageBrowser(county, "warehouse").get("/admin/catalogue/KCE-MOB-002").status == 403);
}

TEST_CASE("catalogue pages - the admin adds an item - errors are named in the summary") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    const Response form = browser.get("/admin/catalogue/new");
    REQUIRE(form.status == 200);
    CHECK(contains(form, "name=\"csrf_token\""));

    const Response refused = browser.post("/admin/catalogue/new", itemForm("KCE-NEW-020", "ten"));
    CHECK(refused.status == 422);
    CHECK(contains(refused, "There is a problem"));
    CHECK(contains(refused, "href=\"#item-price\""));
    CHECK(contains(refused, "id=\"item-price\""));
    CHECK(contains(refused, "value=\"KCE-NEW-020\""));

    const Response taken = browser.post("/admin/catalogue/new", itemForm("KCE-MOB-002", "10"));
    CHECK(taken.status == 409);
    CHECK(contains(taken, "href=\"#item-code\""));

    CHECK(browser.post("/admin/catalogue/new", itemForm("KCE-NEW-020", "12.50"), false).status ==
          403);
    HttpClient admin = county.signIn("admin");
    CHECK_FALSE(listed(admin, "KCE-NEW-020"));

    const Response added = browser.post("/admin/catalogue/new", itemForm("KCE-NEW-020", "12.50"));
    CHECK(added.status == 303);
    const Response item = browser.get("/admin/catalogue/KCE-NEW-020?done=added");
    REQUIRE(item.status == 200);
    CHECK(contains(item, "The item is added"));
    CHECK(contains(item, "value=\"12.50\""));
    const Response found = admin.get("/api/v1/catalogue?q=KCE-NEW-020");
    const auto items = objectsIn(found.object(), "items");
    REQUIRE(items.size() == 1);
    CHECK(items[0]->getValue<std::int64_t>("price_pence") == 1250);
    CHECK(items[0]->getValue<bool>("needs_fitting"));
    CHECK_FALSE(items[0]->getValue<bool>("serialised"));
}

TEST_CASE("catalogue pages - the admin changes, retires, brings back and sets equivalents") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    HttpClient prescriber = county.signIn("prescriber");
    const Response page = browser.get("/admin/catalogue/KCE-MOB-002");
    REQUIRE(page.status == 200);
    CHECK(contains(page, "Retire the item"));
    CHECK(browser.get("/admin/catalogue/NOPE-1").status == 404);

    const std::string change =
        "name=Wheeled+walking+frame&category=Mobility&price=21.00&returnable=yes"
        "&maintenance_regime=none&maintenance_interval_months=0&van_space=";
    const Response refused = browser.post("/admin/catalogue/KCE-MOB-002", change);
    CHECK(refused.status == 422);
    CHECK(contains(refused, "href=\"#item-van_space\""));
    browser.get("/admin/catalogue/KCE-MOB-002");
    CHECK(browser.post("/admin/catalogue/KCE-MOB-002", change + "2").status == 303);

    browser.get("/admin/catalogue/KCE-MOB-002");
    CHECK(browser.post("/admin/catalogue/KCE-MOB-002/retire", "").status == 303);
    CHECK_FALSE(listed(prescriber, "KCE-MOB-002"));
    const Response retired = browser.get("/admin/catalogue/KCE-MOB-002?done=retired");
    CHECK(contains(retired, "Bring the item back"));
    CHECK(browser.post("/admin/catalogue/KCE-MOB-002/bring-back", "").status == 303);
    CHECK(listed(prescriber, "KCE-MOB-002"));
    CHECK(browser.post("/admin/catalogue/KCE-MOB-002/retire", "", false).status == 403);

    browser.get("/admin/catalogue/KCE-MOB-002");
    const Response unknown =
        browser.post("/admin/catalogue/KCE-MOB-002/equivalents", "codes=KCE-BED-001%2C+NOPE-1");
    CHECK(unknown.status == 422);
    CHECK(contains(unknown, "href=\"#equivalents-codes\""));
    CHECK(contains(unknown, "NOPE-1"));
    browser.get("/admin/catalogue/KCE-MOB-002");
    CHECK(browser.post("/admin/catalogue/KCE-MOB-002/equivalents", "codes=KCE-BED-001").status ==
          303);
    const Response saved = browser.get("/admin/catalogue/KCE-MOB-002?done=equivalents");
    CHECK(contains(saved, "value=\"KCE-BED-001\""));
}

TEST_CASE("catalogue pages - a checked CSV with errors lists them and writes nothing") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    HttpClient admin = county.signIn("admin");
    REQUIRE(browser.get("/admin/catalogue/import").status == 200);
    const std::string bad =
        "item_code,name,category,unit_price_gbp,serialised\n"
        "KCE-NEW-030,Stool,Kitchen,10,n\n"
        "KCE-NEW-031,Stool,Kitchen,ten,n\n"
        "KCE-NEW-032,Stool,Kitchen,10,maybe\n";
    for (const char* action : {"check", "import"}) {
        CAPTURE(action);
        browser.get("/admin/catalogue/import");
        const Response report = browser.post(
            "/admin/catalogue/import", "action=" + std::string(action) + "&csv=" + encoded(bad));
        CHECK(report.status == 422);
        CHECK(contains(report, "There is a problem"));
        CHECK(contains(report, "Line 3, unit_price_gbp:"));
        CHECK(contains(report, "Line 4, serialised:"));
        CHECK(contains(report, "href=\"#import-csv\""));
        CHECK_FALSE(listed(admin, "KCE-NEW-030"));
    }
    browser.get("/admin/catalogue/import");
    const Response empty = browser.post("/admin/catalogue/import", "action=check&csv=");
    CHECK(empty.status == 422);
    CHECK(contains(empty, "Paste the catalogue"));
    CHECK(browser.post("/admin/catalogue/import", "action=import&csv=" + encoded(bad), false)
              .status == 403);
}

TEST_CASE("catalogue pages - the county's catalogue.csv checks clean, then imports") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    HttpClient admin = county.signIn("admin");
    const std::string good =
        "item_code,name,category,unit_price_gbp,serialised\n"
        "KCE-NEW-040,Bath board,Bathing,18.00,n\n";
    browser.get("/admin/catalogue/import");
    const Response checked =
        browser.post("/admin/catalogue/import", "action=check&csv=" + encoded(good));
    CHECK(checked.status == 200);
    CHECK(contains(checked, "Checked: nothing was written"));
    CHECK(contains(checked, "id=\"report-created\">1<"));
    CHECK_FALSE(listed(admin, "KCE-NEW-040"));

    browser.get("/admin/catalogue/import");
    const Response imported =
        browser.post("/admin/catalogue/import", "action=import&csv=" + encoded(good));
    CHECK(imported.status == 200);
    CHECK(contains(imported, "1 created, 0 updated, 0 unchanged"));
    CHECK(listed(admin, "KCE-NEW-040"));

    const std::string shared = sharedCatalogue();
    REQUIRE(!shared.empty());
    browser.get("/admin/catalogue/import");
    const Response county_file =
        browser.post("/admin/catalogue/import", "action=check&csv=" + encoded(shared));
    INFO(county_file.body.substr(0, 600));
    CHECK(county_file.status == 200);
    CHECK(contains(county_file, "Checked: nothing was written"));
}
