// Writes honour Idempotency-Key: a retry, sequential or concurrent, gets the first answer and
// does not place a second order.
#include <doctest/doctest.h>

#include <latch>
#include <random>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

std::string freshKey() {
    std::random_device device;
    return "it-" + std::to_string(device()) + "-" + std::to_string(device());
}

struct Attempt {
    std::optional<Response> response;
    std::string failure;  // what went wrong outside HTTP, if anything
};

}  // namespace

TEST_CASE("a retried order with the same Idempotency-Key gets the first answer") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient prescriber2 = county.signIn("prescriber2");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    adjustStock(warehouse, "WKD", "KCE-MOB-002", 20);
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-MOB-002");
    const auto body = orderJson(resident.id, "3_day", {{"KCE-MOB-002", 1}});
    const std::string key = freshKey();

    const Response first = prescriber.post("/api/v1/orders", body, {{"Idempotency-Key", key}});
    INFO(first.describe());
    REQUIRE(first.status == 201);
    const std::string reference = first.object()->getValue<std::string>("reference");

    const Response retry = prescriber.post("/api/v1/orders", body, {{"Idempotency-Key", key}});
    INFO(retry.describe());
    CHECK(retry.status == 201);
    CHECK(retry.body == first.body);
    CHECK(countOrdersFor(prescriber, resident.id) == 1);
    CHECK(stockAt(warehouse, "WKD", "KCE-MOB-002").reserved == before.reserved + 1);

    const Response other_key =
        prescriber.post("/api/v1/orders", body, {{"Idempotency-Key", freshKey()}});
    INFO(other_key.describe());
    REQUIRE(other_key.status == 201);
    CHECK(other_key.object()->getValue<std::string>("reference") != reference);
    CHECK(countOrdersFor(prescriber, resident.id) == 2);

    // The key belongs to its caller: another user's request with it is a new request.
    const CreatedResident resident2 = createResident(prescriber2, residentAt("ME14 1AD", numbers));
    const Response other_caller =
        prescriber2.post("/api/v1/orders", orderJson(resident2.id, "3_day", {{"KCE-MOB-002", 1}}),
                         {{"Idempotency-Key", key}});
    INFO(other_caller.describe());
    REQUIRE(other_caller.status == 201);
    CHECK(other_caller.object()->getValue<std::string>("reference") != reference);
    CHECK(countOrdersFor(prescriber2, resident2.id) == 1);
    CHECK(stockAt(warehouse, "WKD", "KCE-MOB-002").reserved == before.reserved + 3);
}

TEST_CASE("eight concurrent retries with one Idempotency-Key place one order") {
    constexpr int kRetries = 8;
    DemoCounty county(CesServer::Options{.threads = 32});
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    NhsNumbers numbers;
    const CreatedResident resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    adjustStock(warehouse, "WKD", "KCE-MOB-002", 20);
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-MOB-002");
    const std::string body = toJson(orderJson(resident.id, "3_day", {{"KCE-MOB-002", 1}}));
    const std::string key = freshKey();

    std::vector<Attempt> attempts(kRetries);
    std::latch start(kRetries);
    std::vector<std::thread> threads;
    for (int i = 0; i < kRetries; ++i) {
        threads.emplace_back([&, i] {
            HttpClient client(county.port());
            client.setToken(prescriber.token());
            try {
                client.get("/api/v1/health");  // connect before the start line
            } catch (const std::exception& error) {
                attempts[i].failure = error.what();
            }
            start.arrive_and_wait();
            if (!attempts[i].failure.empty()) return;
            try {
                attempts[i].response =
                    client.post("/api/v1/orders", body, {{"Idempotency-Key", key}});
            } catch (const std::exception& error) {
                attempts[i].failure = error.what();
            }
        });
    }
    for (auto& thread : threads) thread.join();

    REQUIRE(attempts[0].response);
    const Response& first = *attempts[0].response;
    for (const auto& attempt : attempts) {
        INFO(attempt.failure);
        REQUIRE(attempt.response);
        INFO(attempt.response->describe());
        CHECK(attempt.response->status == 201);
        CHECK(attempt.response->body == first.body);
    }
    CHECK(countOrdersFor(prescriber, resident.id) == 1);
    CHECK(stockAt(warehouse, "WKD", "KCE-MOB-002").reserved == before.reserved + 1);
}
