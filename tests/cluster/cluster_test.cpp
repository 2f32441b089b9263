// ces as a council runs it: three instances on one PostgreSQL behind HAProxy (scripts/cluster).
// Through the balancer, the tracking limit holds whichever instance answers; and 32 clients
// placing orders lose nothing while one instance is killed (kill -9) and another restarted
// gracefully: every acknowledged order is there once, the stock adds up and the database checks.
#include <doctest/doctest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "../integration/api_requests.h"
#include "../integration/harness.h"

using namespace ces::integration;

namespace {

constexpr int kClients = 32;
const char* const kItem = "KCE-MOB-006";

std::string readLine(const std::string& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// scripts/cluster over a small demo county, stopped (and its database removed) at the end.
class Cluster {
  public:
    Cluster() {
        const CommandResult start = runProgram(
            CES_CLUSTER_SCRIPT,
            {"start", dir_.path(), "--instances", "3", "--demo", "--small", "--ces", CES_BINARY});
        INFO(start.output);
        REQUIRE(start.exit_code == 0);
        const std::string url = readLine(dir_.file("url"));
        port_ = std::stoi(url.substr(url.rfind(':') + 1));
        db_ = readLine(dir_.file("db"));
    }
    ~Cluster() { runProgram(CES_CLUSTER_SCRIPT, {"stop", dir_.path()}); }
    int port() const { return port_; }
    const std::string& db() const { return db_; }
    void kill(int instance) const {
        ::kill(std::stoi(readLine(dir_.file("instance-" + std::to_string(instance) + ".pid"))),
               SIGKILL);
    }
    CommandResult run(const std::vector<std::string>& args) const {
        std::vector<std::string> all{args.front(), dir_.path()};
        all.insert(all.end(), args.begin() + 1, args.end());
        return runProgram(CES_CLUSTER_SCRIPT, all);
    }

  private:
    TempDir dir_;
    int port_ = 0;
    std::string db_;
};

long stockTotal(const std::string& db) {
    return std::stol(firstSqlValue(
        db,
        std::string("SELECT SUM(available + reserved + on_loan) FROM stock WHERE item_code = '") +
            kItem + "'"));
}

// One client: orders for its resident, each under its own Idempotency-Key, retried with the
// same key through any failure until answered; answers what it saw.
struct ClientRecord {
    std::vector<std::string> references;
    int retries = 0;
    std::vector<std::string> serverErrors;  ///< 5xx answers, with when they came
    std::vector<std::string> unexpected;    ///< Any other refusal
};

void placeOrders(int port, const std::string& token, const CreatedResident& resident, int client,
                 const std::atomic<bool>& stop, const std::atomic<int>& phase,
                 ClientRecord& record) {
    for (int n = 0; !stop; ++n) {
        const std::string key = "cluster-" + std::to_string(client) + "-" + std::to_string(n);
        const auto body = orderJson(resident.id, "5_day", {{kItem, 1 + n % 2}});
        for (int attempt = 0; attempt < 100; ++attempt) {
            try {
                HttpClient http(port);
                http.setToken(token);
                const Response answer =
                    http.post("/api/v1/orders", body, {{"Idempotency-Key", key}});
                if (answer.status == 201) {
                    record.references.push_back(
                        answer.object()->getValue<std::string>("reference"));
                    break;
                }
                if (answer.status < 500) {
                    record.unexpected.push_back(answer.describe());
                    break;
                }
                record.serverErrors.push_back("phase " + std::to_string(phase.load()) + ": " +
                                              answer.describe());
            } catch (const std::exception&) {
                // the connection broke: retry with the same key
            }
            ++record.retries;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

}  // namespace

TEST_CASE("through the balancer five failed tracking tries then 429, whichever instance answers") {
    Cluster cluster;
    const auto guess = jsonObject({{"reference", "ORD-2026-999991"},
                                   {"postcode", "CT1 2AA"},
                                   {"date_of_birth", "1940-01-01"}});
    for (int attempt = 1; attempt <= 5; ++attempt) {
        CAPTURE(attempt);
        HttpClient resident(cluster.port());  // a new connection: the balancer spreads them
        checkError(resident.post("/api/v1/track", guess), 404, "not_found");
    }
    for (int instance = 0; instance < 3; ++instance) {
        HttpClient resident(cluster.port());
        checkError(resident.post("/api/v1/track", guess), 429, "rate_limited");
    }
}

TEST_CASE("32 clients lose no order while one instance is killed and another restarted") {
    Cluster cluster;
    HttpClient warehouse = signedIn(cluster.port(), "warehouse");
    adjustStock(warehouse, "WKD", kItem, 100'000);
    const long total = stockTotal(cluster.db());
    HttpClient prescriber = signedIn(cluster.port(), "prescriber");
    NhsNumbers numbers;
    std::vector<CreatedResident> residents;
    for (int i = 0; i < kClients; ++i) {
        residents.push_back(createResident(prescriber, residentAt("ME14 1AD", numbers)));
    }

    std::atomic<bool> stop{false};
    std::atomic<int> phase{0};  // 0 all up, 1 one killed, 2 graceful restart, 3 after
    std::vector<ClientRecord> records(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.emplace_back(placeOrders, cluster.port(), prescriber.token(), residents[i], i,
                             std::cref(stop), std::cref(phase), std::ref(records[i]));
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));
    phase = 1;
    cluster.kill(1);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    const CommandResult back = cluster.run({"restart", "1"});
    INFO(back.output);
    CHECK(back.exit_code == 0);
    phase = 2;
    const CommandResult graceful = cluster.run({"restart", "2"});
    INFO(graceful.output);
    CHECK(graceful.exit_code == 0);
    phase = 3;
    std::this_thread::sleep_for(std::chrono::seconds(2));
    stop = true;
    for (auto& client : clients) client.join();

    std::size_t acknowledged = 0;
    int retries = 0;
    for (int i = 0; i < kClients; ++i) {
        CAPTURE(i);
        const auto& record = records[i];
        acknowledged += record.references.size();
        retries += record.retries;
        // Every acknowledged order is there, once: retries under one key made one order.
        CHECK(std::stoul(firstSqlValue(
                  cluster.db(), "SELECT COUNT(*) FROM orders WHERE resident_id = " +
                                    residents[i].id.toString())) == record.references.size());
        for (const auto& refusal : record.unexpected) FAIL_CHECK(refusal);
        for (const auto& error : record.serverErrors) {
            // Only the instance killed without warning may cost an answer; a graceful restart none.
            CHECK_MESSAGE(error.rfind("phase 1", 0) == 0, error);
        }
    }
    MESSAGE(acknowledged << " orders acknowledged, " << retries << " retries");
    CHECK(acknowledged > 100);
    // No unit made or lost: what is not on the shelf is reserved or on loan.
    CHECK(stockTotal(cluster.db()) == total);
    CHECK(checkDatabase(cluster.db()) == "ok");
}
