// The goods-in pages over HTTP: a delivery typed into the form is received once even when the
// form is sent twice, its confirmation lists what came in, and its labels page draws one
// Code 128 barcode per unit; mistakes come back in the error summary naming the field.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

// The hidden one-off submission key of the goods-in form.
std::string submissionOf(const Response& page) {
    const std::string marker = "name=\"submission\" value=\"";
    const auto at = page.body.find(marker);
    REQUIRE(at != std::string::npos);
    const auto start = at + marker.size();
    return page.body.substr(start, page.body.find('"', start) - start);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("goods in - a delivery from the form is received once and its labels print") {
    DemoCounty county;
    PageBrowser browser(county, "warehouse");
    HttpClient api = county.signIn("warehouse");
    const StockLevel before = stockAt(api, "WKD", "KCE-HST-001");

    const Response form = browser.get("/warehouse/goods-in");
    REQUIRE(form.status == 200);
    CHECK(contains(form, "href=\"/warehouse/goods-in\""));  // the navigation entry
    CHECK(contains(form, "<option value=\"WKD\">"));
    const std::string fields = "submission=" + submissionOf(form) +
                               "&depot=WKD&supplier=Medequip+Supplies&supplier_reference=PO-5001"
                               "&item_code_0=KCE-HST-001&quantity_0=2&item_code_1=KCE-MOB-002"
                               "&quantity_1=5&item_code_2=&quantity_2=";
    CHECK(browser.post("/warehouse/goods-in", fields).status == 303);
    CHECK(browser.post("/warehouse/goods-in", fields).status == 303);  // a double click
    CHECK(stockAt(api, "WKD", "KCE-HST-001").available == before.available + 2);

    const auto receipts = objectsIn(api.get("/api/v1/stock/receipts").object(), "receipts");
    REQUIRE(!receipts.empty());
    const std::string id = std::to_string(receipts[0]->getValue<long>("id"));
    CHECK(receipts[0]->getValue<std::string>("supplier_reference") == "PO-5001");
    const auto shown = objectsIn(api.get("/api/v1/stock/receipts/" + id).object(), "lines");
    REQUIRE(shown.size() == 2);
    const auto barcodes = shown[0]->getArray("barcodes");
    REQUIRE(barcodes->size() == 2);

    const Response confirmation = browser.get("/warehouse/goods-in/" + id);
    CHECK(confirmation.status == 200);
    CHECK(contains(confirmation, "Delivery received"));
    CHECK(contains(confirmation, barcodes->getElement<std::string>(0)));
    CHECK(contains(confirmation, "Counted stock, no barcodes"));
    CHECK(contains(confirmation, "href=\"/warehouse/goods-in/" + id + "/labels\""));
    CHECK(contains(browser.get("/warehouse/goods-in"), "href=\"/warehouse/goods-in/" + id + "\""));

    const Response labels = browser.get("/warehouse/goods-in/" + id + "/labels");
    CHECK(labels.status == 200);
    CHECK(occurrences(labels.body,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ces-barcode\"") == 2);
    CHECK(occurrences(labels.body, "class=\"ces-label\"") == 2);
    for (std::size_t i = 0; i < barcodes->size(); ++i) {
        CHECK(contains(labels, "aria-label=\"Barcode " + barcodes->getElement<std::string>(i)));
    }
    CHECK(contains(labels, "KCE-HST-001"));
}

TEST_CASE("goods in - mistakes are shown in the error summary naming the field") {
    DemoCounty county;
    PageBrowser browser(county, "warehouse");
    browser.get("/warehouse/goods-in");
    struct Case {
        std::string fields;
        std::string anchor;
    };
    const std::string good = "&supplier=Medequip&supplier_reference=PO-1";
    const std::vector<Case> cases = {
        {"depot=" + good + "&item_code_0=KCE-HST-001&quantity_0=1", "depot"},
        {"depot=WKD&supplier=&supplier_reference=PO-1&item_code_0=KCE-HST-001&quantity_0=1",
         "supplier"},
        {"depot=WKD&supplier=Medequip&supplier_reference=&item_code_0=KCE-HST-001&quantity_0=1",
         "supplier_reference"},
        {"depot=WKD" + good, "item_code_0"},
        {"depot=WKD" + good + "&item_code_2=KCE-NOPE-1&quantity_2=1", "item_code_2"},
        {"depot=WKD" + good +
             "&item_code_0=KCE-HST-001&quantity_0=1&item_code_3=KCE-MOB-002"
             "&quantity_3=two",
         "quantity_3"},
        {"depot=WKD" + good + "&item_code_1=KCE-HST-001&quantity_1=0", "quantity_1"},
    };
    for (const auto& each : cases) {
        const Response refused = browser.post("/warehouse/goods-in", each.fields);
        INFO(each.fields << " -> " << refused.body.substr(0, 300));
        CHECK(refused.status == 422);
        CHECK(contains(refused, "govuk-error-summary"));
        CHECK(contains(refused, "<a href=\"#" + each.anchor + "\">"));
        CHECK(contains(refused, "id=\"" + each.anchor + "-error\""));
    }
    CHECK(contains(browser.post("/warehouse/goods-in",
                                "depot=WKD" + good + "&item_code_2=KCE-NOPE-1&quantity_2=1"),
                   "value=\"KCE-NOPE-1\""));
}

TEST_CASE("goods in - the pages refuse other roles, a forged token and unknown deliveries") {
    DemoCounty county;
    PageBrowser browser(county, "warehouse");
    CHECK(browser.get("/warehouse/goods-in/999999").status == 404);
    CHECK(browser.get("/warehouse/goods-in/999999/labels").status == 404);
    browser.get("/warehouse/goods-in");
    browser.csrf = std::string(64, '0');
    CHECK(browser.post("/warehouse/goods-in", "depot=WKD").status == 403);
    for (const char* user : {"prescriber", "admin", "planner"}) {
        PageBrowser other(county, user);
        INFO(user);
        CHECK(other.get("/warehouse/goods-in").status == 403);
        CHECK(other.get("/warehouse/goods-in/1/labels").status == 403);
    }
}
