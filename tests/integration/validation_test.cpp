// Bad input answers 400 (not JSON, wrong type, missing field) or 422 (breaks a rule), names the
// field, and writes nothing.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

// Residents with this NHS number that the prescriber's team can see. A search for an invalid
// number may itself be refused (422 nhs_number): then nothing with that number can exist.
std::size_t residentsWithNhsNumber(HttpClient& prescriber, const std::string& nhs_number) {
    const Response response = prescriber.get("/api/v1/residents?nhs_number=" + nhs_number);
    INFO(response.describe());
    if (response.status == 422 && response.errorField() == "nhs_number") return 0;
    REQUIRE(response.status == 200);
    return objectsIn(response.object(), "residents").size();
}

std::string withCheckDigitChanged(const std::string& nhs_number) {
    std::string wrong = nhs_number;
    wrong[9] = static_cast<char>('0' + (wrong[9] - '0' + 1) % 10);
    return wrong;
}

}  // namespace

TEST_CASE("a resident in the county is created with the district of the postcode") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    const std::vector<std::pair<std::string, std::string>> postcodes = {{"ME14 1AD", "Maidstone"},
                                                                        {"CT1 2AA", "Canterbury"},
                                                                        {"TN23 1AA", "Ashford"},
                                                                        {"CT9 1AA", "Thanet"}};
    for (const auto& [postcode, district] : postcodes) {
        CAPTURE(postcode);
        const ResidentDetails details = residentAt(postcode, numbers);
        const CreatedResident resident = createResident(prescriber, details);
        CHECK(resident.district == district);
        CHECK(!resident.id.isEmpty());

        const Response record = prescriber.get("/api/v1/residents/" + resident.id.toString());
        INFO(record.describe());
        REQUIRE(record.status == 200);
        const auto body = record.object();
        CHECK(body->getValue<std::string>("name") == details.name);
        CHECK(body->getValue<std::string>("postcode") == postcode);
        CHECK(body->getValue<std::string>("date_of_birth") == details.date_of_birth);
        CHECK(body->getValue<std::string>("access_notes") == details.access_notes);
    }
}

TEST_CASE("a known NHS number answers 200 with the existing resident") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient prescriber2 = county.signIn("prescriber2");
    NhsNumbers numbers;
    const ResidentDetails details = residentAt("CT1 2AA", numbers);
    const CreatedResident first = createResident(prescriber, details);

    const Response again = prescriber2.post("/api/v1/residents", residentJson(details));
    INFO(again.describe());
    REQUIRE(again.status == 200);
    const auto body = again.object();
    CHECK(body->get("id").toString() == first.id.toString());
    CHECK(body->getValue<std::string>("district") == "Canterbury");
    CHECK(body->getValue<bool>("existing"));
    // The second team now serves the resident.
    CHECK(residentsWithNhsNumber(prescriber2, details.nhs_number) == 1);
}

TEST_CASE("resident input that breaks a rule answers 422 naming the field, writing nothing") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;

    SUBCASE("an NHS number with a wrong check digit") {
        ResidentDetails details = residentAt("ME14 1AD", numbers);
        details.nhs_number = withCheckDigitChanged(details.nhs_number);
        REQUIRE(nhsCheckDigit(details.nhs_number.substr(0, 9)) != details.nhs_number[9] - '0');
        checkError(prescriber.post("/api/v1/residents", residentJson(details)), 422, "validation",
                   "nhs_number");
        CHECK(residentsWithNhsNumber(prescriber, details.nhs_number) == 0);
    }
    SUBCASE("an NHS number of nine digits") {
        ResidentDetails details = residentAt("ME14 1AD", numbers);
        const std::string valid = details.nhs_number;
        details.nhs_number = valid.substr(0, 9);
        checkError(prescriber.post("/api/v1/residents", residentJson(details)), 422, "validation",
                   "nhs_number");
        CHECK(residentsWithNhsNumber(prescriber, valid) == 0);
    }
    SUBCASE("a postcode outside the county (Medway)") {
        ResidentDetails details = residentAt("ME1 1AA", numbers);
        checkError(prescriber.post("/api/v1/residents", residentJson(details)), 422, "validation",
                   "postcode");
        CHECK(residentsWithNhsNumber(prescriber, details.nhs_number) == 0);
    }
    SUBCASE("a postcode that does not exist") {
        ResidentDetails details = residentAt("ZZ99 9ZZ", numbers);
        checkError(prescriber.post("/api/v1/residents", residentJson(details)), 422, "validation",
                   "postcode");
        CHECK(residentsWithNhsNumber(prescriber, details.nhs_number) == 0);
    }
}

TEST_CASE("malformed resident requests answer 400 naming the field, writing nothing") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    const ResidentDetails details = residentAt("ME14 1AD", numbers);

    SUBCASE("a body that is not JSON") {
        const std::string body = toJson(residentJson(details));
        const Response response =
            prescriber.post("/api/v1/residents", body.substr(0, body.size() / 2));
        checkError(response, 400, "bad_request");
    }
    SUBCASE("a field of the wrong type") {
        auto body = residentJson(details);
        body->set("name", 42);
        checkError(prescriber.post("/api/v1/residents", body), 400, "bad_request", "name");
    }
    SUBCASE("a missing field") {
        auto body = residentJson(details);
        body->remove("postcode");
        checkError(prescriber.post("/api/v1/residents", body), 400, "bad_request", "postcode");
    }
    SUBCASE("a JSON array instead of an object") {
        checkError(prescriber.post("/api/v1/residents", std::string("[1,2]")), 400, "bad_request");
    }
    CHECK(residentsWithNhsNumber(prescriber, details.nhs_number) == 0);
}

TEST_CASE("order input that is malformed or breaks a rule is refused and writes nothing") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    adjustStock(warehouse, "WKD", "KCE-MOB-002", 10);
    const StockLevel stock_before = stockAt(warehouse, "WKD", "KCE-MOB-002");
    const std::size_t orders_before = listOrders(prescriber).size();

    SUBCASE("a negative quantity") {
        checkError(prescriber.post("/api/v1/orders",
                                   orderJson(resident.id, "5_day", {{"KCE-MOB-002", -1}})),
                   422, "validation", "lines[0].quantity");
    }
    SUBCASE("a zero quantity") {
        checkError(prescriber.post("/api/v1/orders",
                                   orderJson(resident.id, "5_day", {{"KCE-MOB-002", 0}})),
                   422, "validation", "lines[0].quantity");
    }
    SUBCASE("an unknown item code") {
        checkError(prescriber.post("/api/v1/orders",
                                   orderJson(resident.id, "5_day", {{"KCE-NOPE-999", 1}})),
                   422, "validation", "lines[0].item_code");
    }
    SUBCASE("an unknown item code after a good line") {
        checkError(
            prescriber.post("/api/v1/orders", orderJson(resident.id, "5_day",
                                                        {{"KCE-MOB-002", 1}, {"KCE-NOPE-999", 1}})),
            422, "validation", "lines[1].item_code");
    }
    SUBCASE("an unknown speed") {
        checkError(
            prescriber.post("/api/v1/orders", orderJson(resident.id, "warp", {{"KCE-MOB-002", 1}})),
            422, "validation", "speed");
    }
    SUBCASE("no lines and no specials") {
        const Response response =
            prescriber.post("/api/v1/orders", orderJson(resident.id, "5_day", {}));
        INFO(response.describe());
        CHECK((response.status == 422 || response.status == 400));
        CHECK(response.errorField() == std::optional<std::string>("lines"));
    }
    SUBCASE("a quantity of the wrong type") {
        auto body = orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}});
        body->getArray("lines")->getObject(0)->set("quantity", "two");
        checkError(prescriber.post("/api/v1/orders", body), 400, "bad_request",
                   "lines[0].quantity");
    }
    SUBCASE("lines of the wrong type") {
        auto body = orderJson(resident.id, "5_day", {});
        body->set("lines", "KCE-MOB-002");
        checkError(prescriber.post("/api/v1/orders", body), 400, "bad_request", "lines");
    }
    SUBCASE("a missing speed") {
        auto body = orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}});
        body->remove("speed");
        checkError(prescriber.post("/api/v1/orders", body), 400, "bad_request", "speed");
    }
    SUBCASE("a missing item code") {
        auto body = orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}});
        body->getArray("lines")->getObject(0)->remove("item_code");
        checkError(prescriber.post("/api/v1/orders", body), 400, "bad_request",
                   "lines[0].item_code");
    }
    SUBCASE("a body that is not JSON") {
        checkError(prescriber.post("/api/v1/orders", std::string("{\"resident_id\": ")), 400,
                   "bad_request");
    }

    CHECK(listOrders(prescriber).size() == orders_before);
    CHECK(countOrdersFor(prescriber, resident.id) == 0);
    const StockLevel stock_after = stockAt(warehouse, "WKD", "KCE-MOB-002");
    CHECK(stock_after.available == stock_before.available);
    CHECK(stock_after.reserved == stock_before.reserved);
}
