// The collection pages and the commissioner's dashboard over HTTP with a session cookie and the
// form's CSRF token: a prescriber asks for a delivered order to be collected (after an empty
// form is refused), another team cannot; the dashboard draws its charts for the commissioner
// only and its CSV links work with the page's cookie; collection points answer a bad postcode.
#include <doctest/doctest.h>

#include <regex>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

// A delivered order of the demo prescriber's team with a barcoded asset still on loan and no
// open collection.
std::string deliveredOrder(const DemoCounty& county) {
    return firstSqlValue(
        county.dbPath(),
        "SELECT o.reference FROM orders o JOIN users u ON u.team_id = o.team_id "
        "JOIN order_lines ol ON ol.order_id = o.id JOIN loans l ON l.order_line_id = ol.id "
        "JOIN assets a ON a.loan_id = l.id AND a.state = 'on_loan' "
        "WHERE u.username = 'prescriber' AND o.status = 'delivered' AND l.ended_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM collections k WHERE k.order_id = o.id "
        "AND k.status = 'requested') ORDER BY o.id LIMIT 1");
}

}  // namespace

TEST_CASE("a prescriber requests a collection for a delivered order through the pages") {
    DemoCounty county;
    const std::string order = deliveredOrder(county);
    PageBrowser prescriber(county, "prescriber");

    const Response orderPage = prescriber.get("/orders/" + order);
    CHECK(contains(orderPage, "href=\"/orders/" + order + "/collection\""));
    const Response form = prescriber.get("/orders/" + order + "/collection");
    CHECK(form.status == 200);
    CHECK(contains(form, "name=\"barcodes\""));

    const Response empty = prescriber.post("/orders/" + order + "/collection", "notes=");
    CHECK(empty.status == 422);
    CHECK(contains(empty, "href=\"#scope\">Select what to collect"));
    CHECK(contains(empty, "href=\"#reason\">Select why the equipment is coming back"));
    CHECK(contains(empty, "href=\"#urgent\">"));
    const Response chosenNone =
        prescriber.post("/orders/" + order + "/collection", "scope=chosen&reason=faulty&urgent=no");
    CHECK(chosenNone.status == 422);
    CHECK(contains(chosenNone, "href=\"#barcodes\">Select the items to collect"));

    PageBrowser otherTeam(county, "prescriber2");
    CHECK(otherTeam.get("/orders/" + order + "/collection").status == 404);

    prescriber.get("/orders/" + order + "/collection");
    const Response made = prescriber.post("/orders/" + order + "/collection",
                                          "scope=whole&reason=no_longer_needed&urgent=yes");
    CHECK(made.status == 303);
    const Response list = prescriber.get("/collections");
    CHECK(list.status == 200);
    static const std::regex row(
        R"re(href="/collections/(COL-\d{4}-\d+)">COL-[^<]+</a></td>\s*<td[^>]*><a class="govuk-link" href="/orders/([A-Z0-9-]+)")re");
    std::string reference;
    for (std::sregex_iterator i(list.body.begin(), list.body.end(), row), end; i != end; ++i) {
        if ((*i)[2] == order) reference = (*i)[1];
    }
    REQUIRE(!reference.empty());
    const Response confirmation = prescriber.get("/collections/" + reference);
    CHECK(contains(confirmation, "Collection requested"));
    CHECK(contains(confirmation, "(urgent)"));
    CHECK(otherTeam.get("/collections/" + reference).status == 404);

    prescriber.get("/orders/" + order + "/collection");
    const Response again =
        prescriber.post("/orders/" + order + "/collection", "scope=whole&reason=moved&urgent=no");
    CHECK(again.status == 409);
    CHECK(contains(again, "already been requested"));
}

TEST_CASE("the dashboard is the commissioner's, with charts, tables and CSV links") {
    DemoCounty county;
    PageBrowser commissioner(county, "commissioner");
    const Response page = commissioner.get("/dashboard");
    CHECK(page.status == 200);
    CHECK(contains(page, "role=\"img\""));
    CHECK(contains(page, "<title id=\"delivery-chart-title\">"));
    CHECK(contains(page, "id=\"latest-credits\""));
    CHECK(contains(page, "/api/v1/reports/delivery_on_time.csv?from="));
    CHECK(page.body.find("style=") == std::string::npos);

    const Response csv = commissioner.get("/api/v1/reports/delivery_on_time.csv");
    CHECK(csv.status == 200);
    CHECK(csv.content_type.rfind("text/csv", 0) == 0);

    const Response bad = commissioner.get("/dashboard?from=2026-13-45");
    CHECK(bad.status == 422);
    CHECK(contains(bad, "href=\"#from\">"));
    CHECK(commissioner.get("/dashboard?from=2025-04-01&to=2025-06-01&funder=NONE").status == 200);

    PageBrowser prescriber(county, "prescriber");
    CHECK(prescriber.get("/dashboard").status == 403);
    CHECK(county.anonymous().get("/dashboard").status == 303);
}

TEST_CASE("collection points list every centre and answer a postcode outside Kent plainly") {
    DemoCounty county;
    HttpClient visitor = county.anonymous();
    const Response all = visitor.get("/collection-points");
    CHECK(all.status == 200);
    CHECK(contains(all, "Dunbrik HWRC"));
    const Response outside = visitor.get("/collection-points?postcode=NOT+A+POSTCODE");
    CHECK(outside.status == 422);
    CHECK(contains(outside, "href=\"#postcode\">Enter a postcode in Kent"));
}
