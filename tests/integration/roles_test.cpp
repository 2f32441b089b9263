// Every endpoint of API.md checks the role table: who may, and that the refused write left
// nothing behind.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

const std::vector<std::string> kAllUsers = {"prescriber",   "prescriber2", "budget",
                                            "warehouse",    "planner",     "driver",
                                            "commissioner", "admin"};

// A county with a resident of `prescriber`'s team, one allocated order and one over the
// approval limit, and a signed-in client per demo user.
struct RoleFixture {
    DemoCounty county;
    NhsNumbers numbers;
    std::map<std::string, HttpClient> clients;
    ResidentDetails resident_details;
    CreatedResident resident;
    CreatedOrder allocated;
    CreatedOrder awaiting_approval;

    RoleFixture() {
        for (const auto& user : kAllUsers) clients.emplace(user, county.signIn(user));
        adjustStock(as("warehouse"), "WKD", "KCE-MOB-002", 20);
        receiveStock(as("warehouse"), "WKD", "KCE-HST-005", 2);
        resident_details = residentAt("ME14 1AD", numbers);
        resident = createResident(as("prescriber"), resident_details);
        allocated = createOrder(as("prescriber"), resident.id, {{"KCE-MOB-002", 1}});
        awaiting_approval = createOrder(as("prescriber"), resident.id, {{"KCE-HST-005", 1}});
        REQUIRE(allocated.status == "allocated");
        REQUIRE(awaiting_approval.status == "awaiting_approval");
    }

    HttpClient& as(const std::string& user) { return clients.at(user); }

    // Sends the request as each user and checks the status is one of `expected`.
    void expect(const std::vector<std::string>& users, const std::string& method,
                const std::string& path, const std::optional<std::string>& body,
                const std::set<int>& expected) {
        for (const auto& user : users) {
            const Response response = as(user).send(method, path, body, {});
            INFO("as " << user << ": " << response.describe());
            CHECK(expected.count(response.status) == 1);
            if (response.status == 403) CHECK(response.errorCode() == "forbidden");
            if (response.status == 404) CHECK(response.errorCode() == "not_found");
        }
    }

    std::string orderStatus(const std::string& reference) {
        const Response response = as("warehouse").get("/api/v1/orders/" + reference);
        INFO(response.describe());
        REQUIRE(response.status == 200);
        return response.object()->getValue<std::string>("status");
    }
};

const std::set<int> kOk = {200};
const std::set<int> kForbidden = {403};
const std::set<int> kHidden = {403, 404};  // another team's record: refused or not shown

}  // namespace

TEST_CASE("only prescribers create and look up residents, and other teams do not see them") {
    RoleFixture f;
    const std::string body = toJson(residentJson(residentAt("CT1 2AA", f.numbers)));
    f.expect({"budget", "warehouse", "planner", "driver", "commissioner", "admin"}, "POST",
             "/api/v1/residents", body, kForbidden);

    const std::string search = "/api/v1/residents?nhs_number=" + f.resident_details.nhs_number;
    f.expect({"budget", "warehouse", "planner", "driver", "commissioner", "admin"}, "GET", search,
             std::nullopt, kForbidden);
    const Response own = f.as("prescriber").get(search);
    INFO(own.describe());
    REQUIRE(own.status == 200);
    const auto found = objectsIn(own.object(), "residents");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->get("id").toString() == f.resident.id.toString());
    CHECK(found[0]->getValue<std::string>("district") == "Maidstone");
    const Response other_team = f.as("prescriber2").get(search);
    INFO(other_team.describe());
    if (other_team.status == 200) {
        CHECK(objectsIn(other_team.object(), "residents").empty());
    } else {
        CHECK(other_team.status == 403);
    }

    const std::string record = "/api/v1/residents/" + f.resident.id.toString();
    f.expect({"prescriber"}, "GET", record, std::nullopt, kOk);
    f.expect({"prescriber2"}, "GET", record, std::nullopt, kHidden);
    f.expect({"budget", "warehouse", "planner", "driver", "commissioner", "admin"}, "GET", record,
             std::nullopt, kForbidden);
}

TEST_CASE("only prescribers place orders, and a refused order writes nothing") {
    RoleFixture f;
    const std::string body = toJson(orderJson(f.resident.id, "5_day", {{"KCE-MOB-002", 1}}));
    const std::size_t before = countOrdersFor(f.as("warehouse"), f.resident.id);
    f.expect({"budget", "warehouse", "planner", "driver", "commissioner", "admin"}, "POST",
             "/api/v1/orders", body, kForbidden);
    // Another team's resident: refused, hidden, or "no resident with that id" (422 resident_id).
    const Response other_team = f.as("prescriber2").post("/api/v1/orders", body);
    INFO(other_team.describe());
    CHECK((other_team.status == 403 || other_team.status == 404 ||
           (other_team.status == 422 && other_team.errorField() == "resident_id")));
    CHECK(countOrdersFor(f.as("warehouse"), f.resident.id) == before);
}

TEST_CASE("an order is read by its team, the budget holder, warehouse and planner only") {
    RoleFixture f;
    const std::string path = "/api/v1/orders/" + f.allocated.reference;
    f.expect({"prescriber", "budget", "warehouse", "planner"}, "GET", path, std::nullopt, kOk);
    f.expect({"commissioner", "driver", "admin"}, "GET", path, std::nullopt, kForbidden);
    f.expect({"prescriber2"}, "GET", path, std::nullopt, kHidden);

    f.expect({"prescriber", "prescriber2", "budget", "warehouse", "planner"}, "GET",
             "/api/v1/orders", std::nullopt, kOk);
    f.expect({"commissioner", "driver", "admin"}, "GET", "/api/v1/orders", std::nullopt,
             kForbidden);
    for (const auto& order : listOrders(f.as("prescriber2"))) {
        CHECK(order->getValue<std::string>("reference") != f.allocated.reference);
        CHECK(order->getValue<std::string>("reference") != f.awaiting_approval.reference);
    }
}

TEST_CASE(
    "only a budget holder approves, and only the team's prescriber or budget holder cancels") {
    RoleFixture f;
    const std::string approve = "/api/v1/orders/" + f.awaiting_approval.reference + "/approve";
    f.expect({"prescriber", "warehouse", "planner", "driver", "commissioner", "admin"}, "POST",
             approve, "{}", kForbidden);
    f.expect({"prescriber2"}, "POST", approve, "{}", kHidden);
    CHECK(f.orderStatus(f.awaiting_approval.reference) == "awaiting_approval");

    const std::string cancel = "/api/v1/orders/" + f.allocated.reference + "/cancel";
    f.expect({"warehouse", "planner", "driver", "commissioner", "admin"}, "POST", cancel, "{}",
             kForbidden);
    f.expect({"prescriber2"}, "POST", cancel, "{}", kHidden);
    CHECK(f.orderStatus(f.allocated.reference) == "allocated");
}

TEST_CASE("stock is seen by warehouse and planner, and only the warehouse adjusts it") {
    RoleFixture f;
    f.expect({"warehouse", "planner"}, "GET", "/api/v1/stock", std::nullopt, kOk);
    f.expect({"prescriber", "prescriber2", "budget", "driver", "commissioner"}, "GET",
             "/api/v1/stock", std::nullopt, kForbidden);

    const long before = stockAt(f.as("warehouse"), "WKD", "KCE-MOB-002").available;
    const std::string adjustment = toJson(jsonObject(
        {{"depot", "WKD"}, {"item_code", "KCE-MOB-002"}, {"delta", 5}, {"reason", "test"}}));
    f.expect({"prescriber", "budget", "planner", "driver", "commissioner"}, "POST",
             "/api/v1/stock/adjustments", adjustment, kForbidden);
    CHECK(stockAt(f.as("warehouse"), "WKD", "KCE-MOB-002").available == before);
}

TEST_CASE("the catalogue is open to staff") {
    RoleFixture f;
    f.expect({"prescriber", "prescriber2", "budget", "warehouse", "planner"}, "GET",
             "/api/v1/catalogue?q=frame", std::nullopt, kOk);
}
