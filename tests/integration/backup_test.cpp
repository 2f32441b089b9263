// `ces backup` while the server is placing orders, then `ces restore`: the copy is one
// consistent moment, holding every order acknowledged before the backup started (with the same
// lines) and no order that was never acknowledged; an idle backup equals the source table by
// table. The restore refuses a database that is not empty.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

constexpr int kWriters = 4;
constexpr std::size_t kOrdersBeforeBackup = 20;

struct PlacedOrder {
    std::string reference;
    std::vector<OrderLine> lines;
};

struct Placed {
    std::mutex mutex;
    std::vector<PlacedOrder> orders;
    std::vector<std::string> unexpected;

    std::vector<PlacedOrder> snapshot() {
        std::lock_guard lock(mutex);
        return orders;
    }
};

void placeOrders(int port, const std::string& token, const CreatedResident& resident, int writer,
                 const std::atomic<bool>& stop, Placed& placed) {
    HttpClient client(port);
    client.setToken(token);
    for (int n = 0; !stop; ++n) {
        const std::vector<OrderLine> lines = {{"KCE-MOB-006", 1 + (writer + n) % 3},
                                              {"KCE-MOB-004", 1 + n % 2}};
        try {
            const Response response =
                client.post("/api/v1/orders", orderJson(resident.id, "5_day", lines));
            std::lock_guard lock(placed.mutex);
            if (response.status == 201) {
                placed.orders.push_back(
                    {response.object()->getValue<std::string>("reference"), lines});
            } else {
                placed.unexpected.push_back(response.describe());
            }
        } catch (const std::exception& error) {
            std::lock_guard lock(placed.mutex);
            placed.unexpected.push_back(std::string("exception: ") + error.what());
            return;
        }
    }
}

// RFC 4180 records (quoted fields may hold commas, quotes and line ends).
std::vector<std::vector<std::string>> readCsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;
    for (char ch; in.get(ch);) {
        any = true;
        if (quoted) {
            if (ch == '"' && in.peek() == '"') {
                field += static_cast<char>(in.get());
            } else if (ch == '"') {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (ch == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            any = false;
        } else if (ch != '\r') {
            field += ch;
        }
    }
    if (any) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

// One column of a CSV file with a header row.
std::vector<std::string> csvColumn(const std::string& path, const std::string& column) {
    const auto records = readCsv(path);
    REQUIRE(!records.empty());
    const auto& header = records.front();
    const auto at = std::find(header.begin(), header.end(), column);
    REQUIRE_MESSAGE(at != header.end(), column << " not in " << path);
    const auto index = static_cast<std::size_t>(at - header.begin());
    std::vector<std::string> values;
    for (std::size_t i = 1; i < records.size(); ++i) values.push_back(records[i].at(index));
    return values;
}

struct Exported {
    std::map<std::string, long> rows;  ///< table -> row count
    std::set<std::string> orders;      ///< order references
};

// `ces export` of a database: its row counts by table and its order references.
Exported exportOf(const std::string& db, const std::string& directory) {
    const CommandResult result = runCes({"export", directory, "--db", db});
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    Exported exported;
    const auto tables = csvColumn(directory + "/tables.csv", "table");
    const auto rows = csvColumn(directory + "/tables.csv", "rows");
    for (std::size_t i = 0; i < tables.size(); ++i) exported.rows[tables[i]] = std::stol(rows[i]);
    for (auto& reference : csvColumn(directory + "/orders.csv", "reference")) {
        exported.orders.insert(std::move(reference));
    }
    REQUIRE(exported.rows.count("orders") == 1);
    REQUIRE(exported.rows.at("orders") == static_cast<long>(exported.orders.size()));
    return exported;
}

std::string linesText(const std::vector<OrderLine>& lines) {
    std::string text;
    for (const auto& line : lines) {
        text.append(line.item_code).append("x").append(std::to_string(line.quantity)).append(",");
    }
    return text;
}

// FNV-1a over every order's reference and lines, in reference order.
std::uint64_t checksum(const std::map<std::string, std::string>& linesByReference) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const auto& [reference, lines] : linesByReference) {
        for (const char ch : reference + ":" + lines + ";") {
            hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
        }
    }
    return hash;
}

// The lines of each order as the server on a restored database reports them.
std::map<std::string, std::string> linesOnServer(int port, const std::vector<PlacedOrder>& orders) {
    HttpClient client = signedIn(port, "prescriber");
    std::map<std::string, std::string> found;
    for (const auto& order : orders) {
        const Response response = client.get("/api/v1/orders/" + order.reference);
        if (response.status != 200) {
            found[order.reference] = "missing: " + response.describe();
            continue;
        }
        std::vector<OrderLine> lines;
        for (const auto& line : objectsIn(response.object(), "lines")) {
            lines.push_back(
                {line->getValue<std::string>("item_code"), line->getValue<int>("quantity")});
        }
        found[order.reference] = linesText(lines);
    }
    return found;
}

void restoreInto(const std::string& backup, const std::string& db) {
    const CommandResult restored = runCes({"restore", "--db", db, backup});
    INFO(restored.output);
    REQUIRE(restored.exit_code == 0);
    CHECK(lastNonEmptyLine(restored.output).ends_with("integrity ok"));
}

}  // namespace

TEST_CASE("backup while orders are placed restores every acknowledged order") {
    DemoCounty county(CesServer::Options{.threads = kWriters + 4});
    TempDir work;
    const std::vector<CreatedResident> residents = prepareWriteLoad(county, kWriters);
    const Exported before = exportOf(county.dbPath(), work.file("before"));

    Placed placed;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    const std::string token = county.signIn("prescriber").token();
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back(placeOrders, county.port(), token, std::cref(residents[w]), w,
                             std::cref(stop), std::ref(placed));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (placed.snapshot().size() < kOrdersBeforeBackup &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const std::vector<PlacedOrder> acknowledgedBefore = placed.snapshot();
    const std::string backup = work.file("county.backup");
    const CommandResult backedUp = runCes({"backup", "--db", county.dbPath(), backup});
    const std::size_t acknowledgedAfterBackup = placed.snapshot().size();
    stop = true;
    for (auto& writer : writers) writer.join();
    const std::vector<PlacedOrder> acknowledged = placed.snapshot();

    INFO(backedUp.output);
    REQUIRE(backedUp.exit_code == 0);
    if (testStore() == Store::sqlite) CHECK(backedUp.output.find(" pages") != std::string::npos);
    INFO("first unexpected answer: " << (placed.unexpected.empty() ? "" : placed.unexpected[0]));
    CHECK(placed.unexpected.empty());
    REQUIRE(acknowledgedBefore.size() >= kOrdersBeforeBackup);
    MESSAGE(acknowledgedBefore.size()
            << " orders acknowledged before the backup, "
            << acknowledgedAfterBackup - acknowledgedBefore.size() << " while it ran");

    const EmptyDatabase restoredDatabase;
    const std::string& restoredDb = restoredDatabase.location();
    restoreInto(backup, restoredDb);
    const Exported restored = exportOf(restoredDb, work.file("restored"));
    const Exported source = exportOf(county.dbPath(), work.file("source"));

    {  // the copy is one moment between the start and the end of the backup
        std::set<std::string> acknowledgedReferences;
        for (const auto& order : acknowledged) acknowledgedReferences.insert(order.reference);
        for (const auto& order : acknowledgedBefore) {
            CHECK_MESSAGE(restored.orders.count(order.reference) == 1, order.reference);
        }
        for (const auto& reference : restored.orders) {
            CHECK_MESSAGE(
                (before.orders.count(reference) + acknowledgedReferences.count(reference)) == 1,
                reference << " was never acknowledged");
        }
        for (const auto& [table, rows] : before.rows) {
            CAPTURE(table);
            REQUIRE(restored.rows.count(table) == 1);
            REQUIRE(source.rows.count(table) == 1);
            CHECK(rows <= restored.rows.at(table));
            CHECK(restored.rows.at(table) <= source.rows.at(table));
        }
        CHECK(restored.rows.size() == source.rows.size());
    }

    {  // the acknowledged orders come back with their lines
        std::map<std::string, std::string> expected;
        for (const auto& order : acknowledgedBefore)
            expected[order.reference] = linesText(order.lines);
        CesServer server(restoredDb);
        const auto found = linesOnServer(server.port(), acknowledgedBefore);
        CHECK(found == expected);
        CHECK(checksum(found) == checksum(expected));
    }

    {  // an idle backup equals its source table by table
        const std::string idleBackup = work.file("idle.backup");
        REQUIRE(runCes({"backup", "--db", county.dbPath(), idleBackup}).exit_code == 0);
        const EmptyDatabase idleDatabase;
        const std::string& idleDb = idleDatabase.location();
        restoreInto(idleBackup, idleDb);
        const Exported idle = exportOf(idleDb, work.file("idle"));
        CHECK(idle.rows == source.rows);
        CHECK(idle.orders == source.orders);
    }

    {  // restore refuses a database that is not empty, and backup an existing file
        const CommandResult again = runCes({"restore", "--db", restoredDb, backup});
        CHECK(again.exit_code != 0);
        CHECK(again.output.find("--force") != std::string::npos);
        const CommandResult overwrite = runCes({"backup", "--db", county.dbPath(), backup});
        CHECK(overwrite.exit_code != 0);
        CHECK(overwrite.output.find("--force") != std::string::npos);
        const CommandResult notABackup =
            runCes({"restore", "--db", work.file("x.db"), work.file("before") + "/tables.csv"});
        CHECK(notABackup.exit_code != 0);
    }
}
