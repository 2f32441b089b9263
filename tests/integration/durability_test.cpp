// kill -9 at 20 random moments while orders are being placed: after each restart every order
// acknowledged with 201 in that round is there, with its lines, and the database checks clean;
// at the end every order of every round is still there.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

constexpr int kWriters = 8;
constexpr int kRounds = 20;
constexpr int kVerifiers = 4;
// The kill comes at a random moment up to kLongestRunMs after the round's first acknowledged
// order, so it always lands in a write burst; short bursts keep 20 rounds under a minute.
constexpr int kLongestRunMs = 400;
constexpr int kFirstOrderTimeoutMs = 30'000;

struct AcknowledgedOrder {
    std::string reference;
    std::vector<OrderLine> lines;
};

// What the writers saw in one round.
struct RoundRecord {
    std::mutex mutex;
    std::vector<AcknowledgedOrder> acknowledged;
    std::vector<std::string> unexpected;  // anything but 201 before the kill

    std::condition_variable first_arrived;

    void add(AcknowledgedOrder order) {
        std::lock_guard lock(mutex);
        acknowledged.push_back(std::move(order));
        first_arrived.notify_all();
    }
    bool waitForFirst(int timeout_ms) {
        std::unique_lock lock(mutex);
        return first_arrived.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                      [&] { return !acknowledged.empty(); });
    }
    void complain(std::string what) {
        std::lock_guard lock(mutex);
        unexpected.push_back(std::move(what));
    }
};

void placeOrdersUntilKilled(int port, const std::string& token, const CreatedResident& resident,
                            int writer, const std::atomic<bool>& killing, RoundRecord& record) {
    HttpClient client(port);
    client.setToken(token);
    for (int n = 0; !killing; ++n) {
        const std::vector<OrderLine> lines = {{"KCE-MOB-006", 1 + (writer + n) % 3},
                                              {"KCE-MOB-004", 1 + n % 2}};
        try {
            const Response response =
                client.post("/api/v1/orders", orderJson(resident.id, "5_day", lines));
            if (response.status == 201) {
                record.add({response.object()->getValue<std::string>("reference"), lines});
            } else if (!killing) {
                record.complain(response.describe());
            }
        } catch (const std::exception& error) {
            if (!killing) record.complain(std::string("exception: ") + error.what());
            return;  // the server is gone
        }
    }
}

// The lines of every acknowledged order, read back in parallel; returns the mismatches.
std::vector<std::string> missingOrChanged(int port, const std::string& token,
                                          const std::vector<AcknowledgedOrder>& orders) {
    std::mutex mutex;
    std::vector<std::string> problems;
    std::vector<std::thread> verifiers;
    for (int v = 0; v < kVerifiers; ++v) {
        verifiers.emplace_back([&, v] {
            HttpClient client(port);
            client.setToken(token);
            for (std::size_t i = v; i < orders.size(); i += kVerifiers) {
                std::string problem;
                try {
                    const Response response = client.get("/api/v1/orders/" + orders[i].reference);
                    if (response.status != 200) {
                        problem = response.describe();
                    } else {
                        const auto lines = objectsIn(response.object(), "lines");
                        bool same = lines.size() == orders[i].lines.size();
                        for (std::size_t l = 0; same && l < lines.size(); ++l) {
                            same =
                                lines[l]->getValue<std::string>("item_code") ==
                                    orders[i].lines[l].item_code &&
                                lines[l]->getValue<int>("quantity") == orders[i].lines[l].quantity;
                        }
                        if (!same) problem = "lines differ: " + response.describe();
                    }
                } catch (const std::exception& error) {
                    problem = orders[i].reference + ": " + error.what();
                }
                if (!problem.empty()) {
                    std::lock_guard lock(mutex);
                    problems.push_back(problem);
                }
            }
        });
    }
    for (auto& verifier : verifiers) verifier.join();
    return problems;
}

}  // namespace

TEST_CASE("kill -9 during order placement loses no acknowledged order") {
    const auto started = std::chrono::steady_clock::now();
    DemoCounty county(CesServer::Options{.threads = kWriters + kVerifiers + 8});
    const std::vector<CreatedResident> residents = prepareWriteLoad(county, kWriters);

    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> run_ms(0, kLongestRunMs);
    std::vector<AcknowledgedOrder> acknowledged;
    for (int round = 1; round <= kRounds; ++round) {
        CAPTURE(round);
        const std::string token = county.signIn("prescriber").token();
        RoundRecord record;
        std::atomic<bool> killing{false};
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back(placeOrdersUntilKilled, county.port(), token,
                                 std::cref(residents[w]), w, std::cref(killing), std::ref(record));
        }
        const auto writers_started = std::chrono::steady_clock::now();
        const bool writing = record.waitForFirst(kFirstOrderTimeoutMs);
        const auto first_order_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - writers_started)
                                        .count();
        const int kill_after_ms = run_ms(random);
        CAPTURE(kill_after_ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
        killing = true;
        county.killHard();
        for (auto& writer : writers) writer.join();

        INFO(
            "first unexpected answer: " << (record.unexpected.empty() ? "" : record.unexpected[0]));
        CHECK(record.unexpected.empty());
        CHECK(writing);
        acknowledged.insert(acknowledged.end(), record.acknowledged.begin(),
                            record.acknowledged.end());

        const auto killed_at = std::chrono::steady_clock::now();
        CHECK(checkDatabase(county.dbPath()) == "ok");

        county.restart();
        const auto problems = missingOrChanged(county.port(), county.signIn("prescriber").token(),
                                               record.acknowledged);
        MESSAGE("round " << round << ": " << record.acknowledged.size()
                         << " orders acknowledged (the first after " << first_order_ms
                         << " ms), kill -9 " << kill_after_ms
                         << " ms after the first; check, restart and reading them back took "
                         << std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - killed_at)
                                .count()
                         << " ms");
        INFO("first problem: " << (problems.empty() ? "" : problems[0]));
        CHECK(problems.size() == 0);
    }
    // Later kills and recoveries lost none of the earlier rounds' orders either.
    const auto problems =
        missingOrChanged(county.port(), county.signIn("prescriber").token(), acknowledged);
    INFO("first problem: " << (problems.empty() ? "" : problems[0]));
    CHECK(problems.size() == 0);
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
            .count();
    MESSAGE("durability test on " << storeName() << " took " << seconds << " s for " << kRounds
                                  << " kills and " << acknowledged.size() << " orders");
    WARN(seconds < 60);  // the time budget; a loaded machine may exceed it without a bug
}
