// Concurrent orders for the last unit in the county: exactly one wins; the others get 409
// out_of_stock with technical equivalents that are in stock; stock never goes negative. Also
// with two servers on one database, where only the database can keep the count right.
#include <doctest/doctest.h>

#include <latch>
#include <set>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

constexpr int kClients = 32;
const std::string kLastItem = "KCE-MOB-001";    // walking frame
const std::string kEquivalent = "KCE-MOB-002";  // wheeled walking frame, its equivalent

struct Attempt {
    std::optional<Response> response;
    std::string failure;
};

// The `equivalents` of a 409: inside the error object, or beside it.
std::vector<Poco::JSON::Object::Ptr> equivalentsOf(const Response& response) {
    const auto body = response.object();
    const auto error = body->getObject("error");
    if (error && error->has("equivalents")) return objectsIn(error, "equivalents");
    return objectsIn(body, "equivalents");
}

// Leaves one unit of kLastItem in the county (at WKD) and a few of its equivalent; answers the
// stock of kLastItem at WKD.
StockLevel leaveOneUnit(HttpClient& warehouse) {
    const StockByDepot initial = readStock(warehouse);
    REQUIRE(initial.count("WKD") == 1);
    REQUIRE(initial.count("EKD") == 1);
    for (const auto& [depot, items] : initial) {
        setAvailable(warehouse, depot, kLastItem, depot == "WKD" ? 1 : 0);
    }
    if (stockAt(warehouse, "WKD", kEquivalent).available < 3) {
        adjustStock(warehouse, "WKD", kEquivalent, 5);
    }
    const StockLevel before = stockAt(warehouse, "WKD", kLastItem);
    REQUIRE(before.available == 1);
    return before;
}

// kClients orders for the last unit, one per resident, sent at once; client i goes to the server
// of prescribers[i % prescribers.size()] with that prescriber's token.
std::vector<Attempt> raceForTheLastUnit(const std::vector<std::pair<int, std::string>>& prescribers,
                                        const std::vector<CreatedResident>& residents) {
    std::vector<Attempt> attempts(kClients);
    std::latch start(kClients);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        const std::string body = toJson(orderJson(residents[i].id, "next_day", {{kLastItem, 1}}));
        const auto& [port, token] = prescribers[i % prescribers.size()];
        threads.emplace_back([&, i, body, port, token] {
            HttpClient client(port);
            client.setToken(token);
            try {
                client.get("/api/v1/health");  // connect before the start line
            } catch (const std::exception& error) {
                attempts[i].failure = error.what();
            }
            start.arrive_and_wait();
            if (!attempts[i].failure.empty()) return;
            try {
                attempts[i].response = client.post("/api/v1/orders", body);
            } catch (const std::exception& error) {
                attempts[i].failure = error.what();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    return attempts;
}

// One 201 (allocated); every other answer 409 out_of_stock naming in-stock equivalents.
void checkOneWinner(const std::vector<Attempt>& attempts) {
    int won = 0;
    int out_of_stock = 0;
    for (const auto& attempt : attempts) {
        INFO(attempt.failure);
        REQUIRE(attempt.response);
        const Response& response = *attempt.response;
        INFO(response.describe());
        if (response.status == 201) {
            ++won;
            CHECK(response.object()->getValue<std::string>("status") == "allocated");
            continue;
        }
        CHECK(response.status == 409);
        CHECK(response.errorCode() == "out_of_stock");
        if (response.status != 409) continue;
        ++out_of_stock;
        const auto equivalents = equivalentsOf(response);
        CHECK(!equivalents.empty());
        std::set<std::string> codes;
        for (const auto& equivalent : equivalents) {
            codes.insert(equivalent->getValue<std::string>("code"));
            CHECK(equivalent->getValue<std::string>("code") != kLastItem);
            CHECK(!equivalent->getValue<std::string>("name").empty());
            CHECK(equivalent->getValue<long>("available") > 0);
        }
        CHECK(codes.count(kEquivalent) == 1);
    }
    CHECK(won == 1);
    CHECK(out_of_stock == kClients - 1);
}

int ordersPlacedFor(HttpClient& prescriber, const std::vector<CreatedResident>& residents) {
    std::set<std::string> racing_residents;
    for (const auto& resident : residents) racing_residents.insert(resident.id.toString());
    int orders_placed = 0;
    for (const auto& order : listOrders(prescriber)) {
        if (racing_residents.count(order->get("resident_id").toString()) == 1) ++orders_placed;
    }
    return orders_placed;
}

std::vector<CreatedResident> racingResidents(HttpClient& prescriber) {
    NhsNumbers numbers;
    std::vector<CreatedResident> residents;
    for (int i = 0; i < kClients; ++i) {
        residents.push_back(createResident(prescriber, residentAt("ME14 1AD", numbers)));
    }
    return residents;
}

}  // namespace

TEST_CASE("32 clients race for the last unit: one order wins, 31 get out_of_stock") {
    DemoCounty county(CesServer::Options{.threads = kClients + 16});
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = leaveOneUnit(warehouse);
    const std::vector<CreatedResident> residents = racingResidents(prescriber);

    checkOneWinner(raceForTheLastUnit({{county.port(), prescriber.token()}}, residents));

    const StockByDepot after = readStock(warehouse);
    CHECK(after.at("WKD").at(kLastItem).available == 0);
    CHECK(after.at("WKD").at(kLastItem).reserved == before.reserved + 1);
    for (const auto& [depot, items] : after) {
        for (const auto& [item, level] : items) {
            CAPTURE(depot);
            CAPTURE(item);
            CHECK(level.available >= 0);
            CHECK(level.reserved >= 0);
        }
        const auto last = items.find(kLastItem);
        if (last != items.end()) CHECK(last->second.available == 0);
    }
    CHECK(ordersPlacedFor(prescriber, residents) == 1);
}

TEST_CASE("two servers on one database: 32 clients split across them, one order wins") {
    DemoCounty county(CesServer::Options{.threads = kClients / 2 + 8});
    CesServer second(county.dbPath(), CesServer::Options{.threads = kClients / 2 + 8});
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = leaveOneUnit(warehouse);
    const std::vector<CreatedResident> residents = racingResidents(prescriber);
    HttpClient second_prescriber = signedIn(second.port(), "prescriber");

    checkOneWinner(raceForTheLastUnit(
        {{county.port(), prescriber.token()}, {second.port(), second_prescriber.token()}},
        residents));

    // Straight from the database, past both servers.
    const CommandResult last_unit =
        runSql(county.dbPath(),
               "SELECT s.available, s.reserved FROM stock s JOIN depots d ON d.id = s.depot_id "
               "WHERE d.code = 'WKD' AND s.item_code = '" +
                   kLastItem + "'");
    INFO(last_unit.output);
    CHECK(last_unit.exit_code == 0);
    CHECK(last_unit.output == "0|" + std::to_string(before.reserved + 1) + "\n");
    const CommandResult negative =
        runSql(county.dbPath(), "SELECT count(*) FROM stock WHERE available < 0 OR reserved < 0");
    INFO(negative.output);
    CHECK(negative.output == "0\n");
    CHECK(ordersPlacedFor(second_prescriber, residents) == 1);
}

TEST_CASE("an order with one line out of stock everywhere reserves nothing for its other lines") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    for (const auto& [depot, items] : readStock(warehouse))
        setAvailable(warehouse, depot, kLastItem, 0);
    adjustStock(warehouse, "WKD", kEquivalent, 5);
    const StockLevel before = stockAt(warehouse, "WKD", kEquivalent);
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));

    const Response refused = prescriber.post(
        "/api/v1/orders", orderJson(resident.id, "5_day", {{kEquivalent, 2}, {kLastItem, 1}}));
    checkError(refused, 409, "out_of_stock", refused.errorField());
    const StockLevel after = stockAt(warehouse, "WKD", kEquivalent);
    CHECK(after.available == before.available);
    CHECK(after.reserved == before.reserved);
    CHECK(countOrdersFor(prescriber, resident.id) == 0);
}

TEST_CASE("a stock adjustment that would make stock negative is refused with 409") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    setAvailable(warehouse, "EKD", kEquivalent, 2);
    const Response refused =
        warehouse.post("/api/v1/stock/adjustments", jsonObject({{"depot", "EKD"},
                                                                {"item_code", kEquivalent},
                                                                {"delta", -3},
                                                                {"reason", "count correction"}}));
    INFO(refused.describe());
    CHECK(refused.status == 409);
    CHECK(stockAt(warehouse, "EKD", kEquivalent).available == 2);

    const Response accepted =
        warehouse.post("/api/v1/stock/adjustments", jsonObject({{"depot", "EKD"},
                                                                {"item_code", kEquivalent},
                                                                {"delta", -2},
                                                                {"reason", "count correction"}}));
    INFO(accepted.describe());
    REQUIRE(accepted.status == 201);
    CHECK(accepted.object()->getValue<std::string>("depot") == "EKD");
    CHECK(accepted.object()->getValue<std::string>("item_code") == kEquivalent);
    CHECK(accepted.object()->getValue<long>("available") == 0);
}
