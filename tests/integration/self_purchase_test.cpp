// Self-purchase over HTTP: the catalogue says which items a resident could buy themselves; a
// prescriber records what the resident chose (refusals name the field, nothing is written); the
// commissioner's reports count the share by district and deprivation decile, and the forecast
// puts the year's share beside the council's target.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

const std::string kSeat = "KCE-TLT-003";   // raised toilet seat: has a retail alternative
const std::string kFrame = "KCE-MOB-001";  // walking frame: has none

std::string choices(const std::string& items) { return R"({"choices": [)" + items + "]}"; }

long offeredIn(HttpClient& commissioner) {
    const Response report = commissioner.get(
        "/api/v1/reports/self_purchase_by_district.json?from=" + isoDateFromToday(-1) +
        "&to=" + isoDateFromToday(1));
    REQUIRE(report.status == 200);
    long offered = 0;
    for (const auto& row : objectsIn(report.object(), "rows"))
        offered += row->getValue<long>("offered");
    return offered;
}

}  // namespace

TEST_CASE(
    "self-purchase - the catalogue offers it, a prescriber records the choice, the reports "
    "count it") {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient priya = county.signIn("prescriber");
    HttpClient commissioner = county.signIn("commissioner");
    const CreatedResident resident = createResident(priya, residentAt("CT9 1AA", numbers));
    const std::string path = "/api/v1/residents/" + resident.id.toString() + "/self-purchase";

    const auto items = objectsIn(priya.get("/api/v1/catalogue?q=" + kSeat).object(), "items");
    REQUIRE(items.size() == 1);
    const auto retail = items[0]->getObject("retail_alternative");
    REQUIRE(retail);
    CHECK(retail->getValue<long>("typical_price_pence") > 0);
    CHECK(retail->getValue<std::string>("safety_note").find("ILLUSTRATIVE") == 0);

    const long before = offeredIn(commissioner);
    checkError(priya.post(path, choices(R"({"item_code": ")" + kFrame +
                                        R"(", "outcome": "self_purchase"})")),
               422, "validation", "choices[0].item_code");
    checkError(priya.post(path, choices(R"({"item_code": ")" + kSeat +
                                        R"(", "outcome": "not_appropriate"})")),
               422, "validation", "choices[0].reason");
    checkError(
        priya.post(path, choices(R"({"item_code": ")" + kSeat + R"(", "outcome": "maybe"})")), 422,
        "validation", "choices[0].outcome");
    checkError(priya.post(path, choices("")), 422, "validation", "choices");
    checkError(
        county.signIn("prescriber2")
            .post(path, choices(R"({"item_code": ")" + kSeat + R"(", "outcome": "declined"})")),
        403, "forbidden");  // another team does not serve them
    checkError(county.signIn("warehouse").post(path, choices("")), 403, "forbidden");
    CHECK(offeredIn(commissioner) == before);  // nothing written

    const Response recorded =
        priya.post(path, choices(R"({"item_code": ")" + kSeat + R"(", "outcome": "self_purchase"},
                         {"item_code": "KCE-BTH-002", "outcome": "not_appropriate",
                          "reason": "transfers need a powered bath lift"})"));
    INFO(recorded.describe());
    REQUIRE(recorded.status == 201);
    CHECK(recorded.object()->getValue<long>("recorded") == 2);

    const Response report = commissioner.get(
        "/api/v1/reports/self_purchase_by_district.json?from=" + isoDateFromToday(-1) +
        "&to=" + isoDateFromToday(1));
    bool seen = false;
    for (const auto& row : objectsIn(report.object(), "rows")) {
        if (row->getValue<std::string>("district") != "Thanet") continue;
        seen = true;
        CHECK(row->getValue<long>("self_purchased") >= 1);
        CHECK(row->getValue<long>("not_appropriate") >= 1);
        CHECK(row->getValue<long>("spend_avoided_pence") >= 1500);
    }
    CHECK(seen);
    const Response decile = commissioner.get(
        "/api/v1/reports/self_purchase_by_imd_decile.csv?from=" + isoDateFromToday(-1) +
        "&to=" + isoDateFromToday(1));
    CHECK(decile.body.starts_with("imd_decile,offered,self_purchased,declined,not_appropriate"));
    const Response forecast = commissioner.get("/api/v1/reports/forecast.csv");
    CHECK(forecast.body.find("self_purchase_percent,") != std::string::npos);
    CHECK(forecast.body.find("offered a retail alternative") != std::string::npos);
    const Response audit = county.signIn("admin").get("/api/v1/audit?limit=20");
    CHECK(audit.body.find("self_purchase.record") != std::string::npos);
}

TEST_CASE("self-purchase - the admin keeps an item's retail alternative on its page") {
    DemoCounty county;
    PageBrowser admin(county, "admin");
    HttpClient priya = county.signIn("prescriber");
    const std::string page = "/admin/catalogue/KCE-MOB-003/retail";
    const auto retailOf = [&] {
        const auto items =
            objectsIn(priya.get("/api/v1/catalogue?q=KCE-MOB-003").object(), "items");
        REQUIRE(items.size() == 1);
        return items[0]->get("retail_alternative");
    };
    CHECK(retailOf().isEmpty());
    REQUIRE(admin.get("/admin/catalogue/KCE-MOB-003").status == 200);  // the form's token
    const Response partial = admin.post(
        page, "retail_product=Tall+frame&retail_price_gbp=&retail_where=Shops&retail_note=x");
    CHECK(partial.status == 422);
    CHECK(contains(partial, "retail_price_gbp"));
    CHECK(retailOf().isEmpty());  // nothing written
    CHECK(admin
              .post(page,
                    "retail_product=Tall+narrow+walking+frame&retail_price_gbp=34.50"
                    "&retail_where=Mobility+shops&retail_note=Have+the+height+set")
              .status == 303);
    const auto retail = retailOf().extract<Poco::JSON::Object::Ptr>();
    CHECK(retail->getValue<long>("typical_price_pence") == 3450);
    CHECK(contains(admin.get("/admin/catalogue/KCE-MOB-003"), "Tall narrow walking frame"));
    CHECK(admin.post(page, "retail_product=&retail_price_gbp=&retail_where=&retail_note=").status ==
          303);
    CHECK(retailOf().isEmpty());
    PageBrowser prescriber(county, "prescriber");
    REQUIRE(prescriber.get("/catalogue").status == 200);
    CHECK(prescriber.post(page, "retail_product=x").status == 403);
}
