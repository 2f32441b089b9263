// Residents track an order by reference + postcode + date of birth, or by its unguessable link.
#include <doctest/doctest.h>

#include <random>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

// A Canterbury resident with one allocated order, and an anonymous client (the resident).
struct TrackedOrder {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    ResidentDetails details = residentAt("CT1 2AA", numbers);
    CreatedOrder order;
    HttpClient resident = county.anonymous();

    TrackedOrder() {
        HttpClient warehouse = county.signIn("warehouse");
        adjustStock(warehouse, "EKD", "KCE-MOB-002", 10);
        const CreatedResident created = createResident(prescriber, details);
        order = createOrder(prescriber, created.id, {{"KCE-MOB-002", 1}});
    }

    Response track(const std::string& reference, const std::string& postcode,
                   const std::string& date_of_birth) {
        return resident.post("/api/v1/track", jsonObject({{"reference", reference},
                                                          {"postcode", postcode},
                                                          {"date_of_birth", date_of_birth}}));
    }
    Response trackCorrectly() {
        return track(order.reference, details.postcode, details.date_of_birth);
    }
    Response trackWithWrongPostcode() {
        return track(order.reference, "CT9 1AA", details.date_of_birth);
    }
};

std::string errorMessage(const Response& response) {
    try {
        return response.object()->getObject("error")->getValue<std::string>("message");
    } catch (const std::exception&) {
        return "";
    }
}

std::string unknownReference(const std::string& reference) {
    // Same year, a number no demo database reaches.
    return reference.substr(0, 9) + "999999";
}

}  // namespace

TEST_CASE("a resident tracks an order by reference, postcode and date of birth") {
    TrackedOrder t;
    const Response tracked = t.trackCorrectly();
    INFO(tracked.describe());
    REQUIRE(tracked.status == 200);
    const auto body = tracked.object();
    CHECK(body->getValue<std::string>("reference") == t.order.reference);
    CHECK(body->getValue<std::string>("status") == "allocated");
    CHECK(!body->getValue<std::string>("status_text").empty());
    CHECK(body->get("due_by").toString() == t.order.due_by.toString());
    CHECK(body->has("slot"));
    CHECK(body->has("arrival_window"));
    CHECK((body->has("contact") && !body->isNull("contact")));
    // No personal data beyond what the resident typed.
    CHECK(tracked.body.find(t.details.name) == std::string::npos);
    CHECK(tracked.body.find(t.details.nhs_number) == std::string::npos);
    CHECK(tracked.body.find(t.details.address_line1) == std::string::npos);

    const Response cancel =
        t.prescriber.post("/api/v1/orders/" + t.order.reference + "/cancel", "{}");
    INFO(cancel.describe());
    REQUIRE(cancel.status == 200);
    const Response after_cancel = t.trackCorrectly();
    INFO(after_cancel.describe());
    REQUIRE(after_cancel.status == 200);
    CHECK(after_cancel.object()->getValue<std::string>("status") == "cancelled");
}

TEST_CASE("tracking with any one detail wrong answers the same 404") {
    TrackedOrder t;
    const Response wrong_postcode = t.trackWithWrongPostcode();
    const Response wrong_birth_date = t.track(t.order.reference, t.details.postcode, "1942-03-16");
    const Response wrong_reference =
        t.track(unknownReference(t.order.reference), t.details.postcode, t.details.date_of_birth);
    checkError(wrong_postcode, 404, "not_found");
    checkError(wrong_birth_date, 404, "not_found");
    checkError(wrong_reference, 404, "not_found");
    // Nothing tells which detail was wrong.
    CHECK(wrong_postcode.body == wrong_birth_date.body);
    CHECK(wrong_postcode.body == wrong_reference.body);
    CHECK(errorMessage(wrong_postcode) == errorMessage(wrong_reference));
    CHECK(t.trackCorrectly().status == 200);
}

TEST_CASE("after five failed tracking tries from one client the next answers 429") {
    TrackedOrder t;
    for (int attempt = 1; attempt <= 5; ++attempt) {
        CAPTURE(attempt);
        checkError(t.trackWithWrongPostcode(), 404, "not_found");
    }
    checkError(t.trackWithWrongPostcode(), 429, "rate_limited");
    // Once limited, even the right details wait: guessing cannot go on.
    checkError(t.trackCorrectly(), 429, "rate_limited");
}

TEST_CASE("tracking by the unguessable link") {
    TrackedOrder t;
    REQUIRE(!t.order.tracking_token.empty());
    const Response tracked = t.resident.get("/api/v1/track/" + t.order.tracking_token);
    INFO(tracked.describe());
    REQUIRE(tracked.status == 200);
    CHECK(tracked.object()->getValue<std::string>("reference") == t.order.reference);
    CHECK(tracked.object()->getValue<std::string>("status") == "allocated");
    CHECK(tracked.body.find(t.details.name) == std::string::npos);

    std::random_device device;
    std::string random_token;
    while (random_token.size() < t.order.tracking_token.size()) {
        random_token += "0123456789abcdef"[device() % 16];
    }
    checkError(t.resident.get("/api/v1/track/" + random_token), 404, "not_found");
    std::string one_changed = t.order.tracking_token;
    one_changed[0] = one_changed[0] == 'a' ? 'b' : 'a';
    checkError(t.resident.get("/api/v1/track/" + one_changed), 404, "not_found");
}

TEST_CASE("tracking a delivery planned without a slot gives its day and one-hour window") {
    DemoCounty county;
    // A demo delivery on the next working day's plan that has no booked slot.
    const std::string token = firstSqlValue(
        county.dbPath(),
        "SELECT o.tracking_token FROM orders o JOIN visits v ON v.order_id = o.id "
        "JOIN plan_stops ps ON ps.visit_id = v.id AND ps.plan_date = v.plan_date "
        "WHERE v.kind = 'delivery' AND v.status = 'planned' AND v.slot_start_seconds IS NULL "
        "ORDER BY o.id LIMIT 1");
    REQUIRE(!token.empty());
    HttpClient resident = county.anonymous();
    const Response answer = resident.get("/api/v1/track/" + token);
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    const auto json = answer.object();
    CHECK(json->isNull("slot"));
    REQUIRE_FALSE(json->isNull("arrival_window"));
    const auto window = json->getObject("arrival_window");
    CHECK(window->getValue<std::string>("date").size() == 10);
    const Response page = resident.get("/track/" + token);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("Your delivery is planned for ") != std::string::npos);
    CHECK(page.body.find("id=\"arrival\">Between ") != std::string::npos);
    CHECK(page.body.find("text you") == std::string::npos);
}
