// An order over HTTP: placed, read with its history, listed by status, cancelled (stock comes
// back), and approval of an order over the team's limit.
#include <doctest/doctest.h>

#include <regex>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

Poco::JSON::Object::Ptr readOrder(HttpClient& client, const std::string& reference) {
    const Response response = client.get("/api/v1/orders/" + reference);
    INFO(response.describe());
    REQUIRE(response.status == 200);
    return response.object();
}

bool listed(const std::vector<Poco::JSON::Object::Ptr>& orders, const std::string& reference) {
    for (const auto& order : orders) {
        if (order->getValue<std::string>("reference") == reference) return true;
    }
    return false;
}

// The date part of a due_by that may be a date or a date-time.
std::string dueDate(const Poco::Dynamic::Var& due_by) {
    REQUIRE(!due_by.isEmpty());
    return due_by.toString().substr(0, 10);
}

std::string lastTransitionTo(const Poco::JSON::Object::Ptr& order) {
    const auto history = objectsIn(order, "history");
    REQUIRE(!history.empty());
    return history.back()->getValue<std::string>("to");
}

}  // namespace

TEST_CASE("an order is placed, read with its history, listed by status and cancelled") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    REQUIRE(resident.district == "Maidstone");
    for (const std::string item : {"KCE-BED-001", "KCE-PRS-001"}) {
        if (stockAt(warehouse, "WKD", item).available < 2) receiveStock(warehouse, "WKD", item, 5);
    }
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-BED-001");

    const CreatedOrder order =
        createOrder(prescriber, resident.id, {{"KCE-BED-001", 1}, {"KCE-PRS-001", 1}}, "5_day");
    CHECK(std::regex_match(order.reference, std::regex(R"(ORD-\d{4}-\d{6})")));
    CHECK(order.reference.substr(4, 4) == isoDateFromToday(0).substr(0, 4));
    CHECK(order.status == "allocated");
    CHECK(dueDate(order.due_by) > isoDateFromToday(0));
    CHECK(dueDate(order.due_by) <= isoDateFromToday(12));  // 5 working days, bank holidays
    CHECK(order.tracking_token.size() >= 16);

    const StockLevel reserved = stockAt(warehouse, "WKD", "KCE-BED-001");
    CHECK(reserved.available == before.available - 1);
    CHECK(reserved.reserved == before.reserved + 1);

    const auto read = readOrder(prescriber, order.reference);
    CHECK(read->getValue<std::string>("reference") == order.reference);
    CHECK(read->getValue<std::string>("status") == "allocated");
    CHECK(read->getValue<std::string>("speed") == "5_day");
    CHECK(read->get("due_by").toString() == order.due_by.toString());
    const auto read_resident = read->getObject("resident");
    REQUIRE(read_resident);
    CHECK(read_resident->get("id").toString() == resident.id.toString());
    CHECK(read_resident->getValue<std::string>("district") == "Maidstone");
    CHECK(read_resident->getValue<std::string>("postcode") == "ME14 1AD");
    const auto lines = objectsIn(read, "lines");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]->getValue<std::string>("item_code") == "KCE-BED-001");
    CHECK(lines[0]->getValue<int>("quantity") == 1);
    CHECK(lines[0]->getValue<long>("unit_price_pence") == 40000);
    CHECK(lines[0]->getValue<std::string>("depot") == "WKD");
    CHECK(lines[1]->getValue<std::string>("item_code") == "KCE-PRS-001");
    CHECK(lines[1]->getValue<long>("unit_price_pence") == 34500);
    CHECK(lastTransitionTo(read) == "allocated");

    const auto allocated_list = listOrders(prescriber, "?status=allocated");
    CHECK(listed(allocated_list, order.reference));
    for (const auto& listed_order : allocated_list) {
        CHECK(listed_order->getValue<std::string>("status") == "allocated");
    }
    CHECK_FALSE(listed(listOrders(prescriber, "?status=cancelled"), order.reference));

    const Response cancel = prescriber.post("/api/v1/orders/" + order.reference + "/cancel", "{}");
    INFO(cancel.describe());
    REQUIRE(cancel.status == 200);
    CHECK(cancel.object()->getValue<std::string>("reference") == order.reference);
    CHECK(cancel.object()->getValue<std::string>("status") == "cancelled");

    const auto cancelled = readOrder(prescriber, order.reference);
    CHECK(cancelled->getValue<std::string>("status") == "cancelled");
    CHECK(lastTransitionTo(cancelled) == "cancelled");
    CHECK(objectsIn(cancelled, "history").back()->getValue<std::string>("from") == "allocated");
    CHECK(listed(listOrders(prescriber, "?status=cancelled"), order.reference));
    CHECK_FALSE(listed(listOrders(prescriber, "?status=allocated"), order.reference));

    const StockLevel released = stockAt(warehouse, "WKD", "KCE-BED-001");
    CHECK(released.available == before.available);
    CHECK(released.reserved == before.reserved);

    checkError(prescriber.post("/api/v1/orders/" + order.reference + "/cancel", "{}"), 409,
               "invalid_transition");
    CHECK(stockAt(warehouse, "WKD", "KCE-BED-001").available == before.available);
}

TEST_CASE("each speed gives a due date no earlier than the faster speeds") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("CT1 2AA", numbers));
    adjustStock(warehouse, "EKD", "KCE-MOB-002", 10);
    std::string previous = isoDateFromToday(0);
    for (const std::string speed : {"emergency", "next_day", "3_day", "5_day"}) {
        CAPTURE(speed);
        const CreatedOrder order =
            createOrder(prescriber, resident.id, {{"KCE-MOB-002", 1}}, speed);
        CHECK(order.status == "allocated");
        const std::string due = dueDate(order.due_by);
        CHECK(due >= previous);
        previous = due;
        if (speed == "next_day") CHECK(due > isoDateFromToday(0));
    }
}

TEST_CASE("an order over the approval limit waits for the budget holder") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient budget = county.signIn("budget");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    receiveStock(warehouse, "WKD", "KCE-HST-005", 2);
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-HST-005");

    const Response placed =
        prescriber.post("/api/v1/orders", orderJson(resident.id, "5_day", {{"KCE-HST-005", 1}}));
    INFO(placed.describe());
    REQUIRE(placed.status == 201);
    const auto body = placed.object();
    const std::string reference = body->getValue<std::string>("reference");
    CHECK(body->getValue<std::string>("status") == "awaiting_approval");
    CHECK(body->isNull("due_by"));
    CHECK(stockAt(warehouse, "WKD", "KCE-HST-005").reserved == before.reserved);
    CHECK(listed(listOrders(budget, "?status=awaiting_approval"), reference));

    const std::string approve = "/api/v1/orders/" + reference + "/approve";
    checkError(prescriber.post(approve, "{}"), 403, "forbidden");
    CHECK(readOrder(prescriber, reference)->getValue<std::string>("status") == "awaiting_approval");

    const Response approved = budget.post(approve, "{}");
    INFO(approved.describe());
    REQUIRE(approved.status == 200);
    CHECK(approved.object()->getValue<std::string>("reference") == reference);
    CHECK(approved.object()->getValue<std::string>("status") == "allocated");
    CHECK(dueDate(approved.object()->get("due_by")) > isoDateFromToday(0));

    const auto read = readOrder(prescriber, reference);
    CHECK(read->getValue<std::string>("status") == "allocated");
    CHECK(!read->isNull("due_by"));
    const StockLevel after = stockAt(warehouse, "WKD", "KCE-HST-005");
    CHECK(after.reserved == before.reserved + 1);
    CHECK(after.available == before.available - 1);

    checkError(budget.post(approve, "{}"), 409, "invalid_transition");
}

TEST_CASE("a line the serving depot cannot fill is reserved at another depot with stock") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("CT1 2AA", numbers));
    REQUIRE(resident.district == "Canterbury");  // served by EKD
    setAvailable(warehouse, "EKD", "KCE-MOB-003", 0);
    setAvailable(warehouse, "WKD", "KCE-MOB-003", 4);
    setAvailable(warehouse, "EKD", "KCE-MOB-002", 4);

    const CreatedOrder order =
        createOrder(prescriber, resident.id, {{"KCE-MOB-002", 1}, {"KCE-MOB-003", 1}});
    const auto lines = objectsIn(readOrder(prescriber, order.reference), "lines");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]->getValue<std::string>("depot") == "EKD");
    CHECK(lines[1]->getValue<std::string>("depot") == "WKD");
    CHECK(stockAt(warehouse, "WKD", "KCE-MOB-003").available == 3);
    CHECK(stockAt(warehouse, "EKD", "KCE-MOB-002").available == 3);
}
