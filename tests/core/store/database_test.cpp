#include "core/store/infrastructure/database.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core/store/infrastructure/migrations.h"
#include "tests/core/store/fixture.h"

using namespace ces;

TEST_CASE("migrations are applied once and recorded") {
    test::SmallCounty county;
    const auto path = (county.directory / "test.db").string();
    county.db.reset();
    store::Database reopened(path, 1);  // a second start applies nothing again
    const auto versions = reopened.read([](store::Connection& c) {
        return c.query("SELECT COUNT(*), MAX(version) FROM schema_migrations");
    });
    CHECK(versions.integer(0, 0) == store::latestMigration());
    CHECK(versions.integer(0, 1) == store::latestMigration());
    CHECK(reopened.integrityCheck() == "ok");
}

TEST_CASE("a many-row INSERT gets one numbered placeholder per cell") {
    CHECK(store::valuesPlaceholders(1, 2) == "($1, $2)");
    CHECK(store::valuesPlaceholders(2, 3) == "($1, $2, $3), ($4, $5, $6)");
    test::SmallCounty county;
    county.db->write([](store::Connection& c) {
        c.execute("CREATE TABLE pairs (a INTEGER, b TEXT)");
        c.execute("INSERT INTO pairs (a, b) VALUES " + store::valuesPlaceholders(3, 2),
                  {std::int64_t{1}, std::string("x"), std::int64_t{2}, std::string("y"),
                   std::int64_t{3}, std::string("z")});
    });
    const auto rows = county.db->read(
        [](store::Connection& c) { return c.query("SELECT a, b FROM pairs ORDER BY a"); });
    REQUIRE(rows.size() == 3);
    CHECK(rows.integer(2, 0) == 3);
    CHECK(rows.text(2, 1) == "z");
}

TEST_CASE("the writer runs with WAL and synchronous=FULL") {
    test::SmallCounty county;
    auto mode = county.db->write([](store::Connection& c) {
        return c.query("PRAGMA journal_mode").text(0, 0) + "/" +
               c.query("PRAGMA synchronous").text(0, 0);
    });
    CHECK(mode == "wal/2");
}

TEST_CASE("a failing write is rolled back alone while its batch commits") {
    test::SmallCounty county;
    county.db->write(
        [](store::Connection& c) { c.execute("CREATE TABLE probe (n INTEGER NOT NULL)"); });
    constexpr int kWriters = 64;
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
        threads.emplace_back([&, i] {
            try {
                county.db->write([i](store::Connection& c) {
                    c.execute("INSERT INTO probe (n) VALUES ($1)", {std::int64_t{i}});
                    if (i % 2 == 1) throw Conflict("test", "odd writers fail after writing");
                });
            } catch (const Conflict&) {
                ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    const auto rows = county.db->read(
        [](store::Connection& c) { return c.query("SELECT COUNT(*), SUM(n % 2) FROM probe"); });
    CHECK(failures == kWriters / 2);
    CHECK(rows.integer(0, 0) == kWriters / 2);
    CHECK(rows.integer(0, 1) == 0);  // no odd writer's row survived
    const auto [transactions, writes] = county.db->writeQueue().commitCounts();
    CHECK(writes >= static_cast<std::uint64_t>(kWriters));
    CHECK(transactions <= writes);
}

TEST_CASE("a write's result is returned only after commit and visible to readers") {
    test::SmallCounty county;
    const auto id = county.db->write([](store::Connection& c) {
        c.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, n INTEGER)");
        return c.insert("INSERT INTO probe (n) VALUES ($1) RETURNING id", {std::int64_t{7}});
    });
    const auto n = county.db->read([&](store::Connection& c) {
        return c.query("SELECT n FROM probe WHERE id = $1", {id}).integer(0, 0);
    });
    CHECK(n == 7);
}
