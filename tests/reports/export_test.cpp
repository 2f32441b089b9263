#include "core/store/infrastructure/export.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "core/store/infrastructure/audit.h"
#include "core/store/residents/deceased.h"
#include "core/store/residents/legacy_records.h"
#include "tests/reports/service_history.h"
#include "warehouse/goods_in.h"

using namespace ces;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("export then import into an empty database loses nothing in any table") {
    test::ServiceHistory h;
    // Awkward text survives: quotes, commas, newlines, a leading backslash and a literal \N.
    h.db->write([&](store::Connection& c) {
        store::audit(c, h.warehouse.id, "test", "x", "1", h.now, "a \"quoted\", multi\nline");
        store::audit(c, h.warehouse.id, "test", "x", "2", h.now, "\\N");
        store::audit(c, h.warehouse.id, "test", "x", "3", h.now, "\\leading backslash");
        store::audit(c, std::nullopt, "test", "x", "4", h.now, "");
        const auto migrated = c.query("SELECT MIN(id) FROM residents").integer(0, 0);
        store::setResidentLegacyRef(c, ResidentId(migrated), "OLD-C001");
        warehouse::receiveGoods(c, {"WKD", "Medequip", "PO-1", {{"BED", 2}}}, h.warehouse, h.now,
                                warehouse::MaintenancePolicy{});
        store::markDeceased(c, ResidentId(migrated),
                            std::chrono::year_month_day{std::chrono::year(2026),
                                                        std::chrono::month(1), std::chrono::day(5)},
                            h.warehouse, h.now, "");
    });
    const auto first = h.directory / "export-1";
    const auto second = h.directory / "export-2";
    const auto exported =
        h.db->read([&](store::Connection& c) { return store::exportToDirectory(c, first, h.now); });
    CHECK(exported.tables >= 30);

    {
        store::Database copy((h.directory / "copy.db").string(), 2);
        const auto imported =
            copy.write([&](store::Connection& c) { return store::importFromDirectory(c, first); });
        CHECK(imported.rows == exported.rows);
        copy.read([&](store::Connection& c) { return store::exportToDirectory(c, second, h.now); });
        // Importing twice is refused.
        CHECK_THROWS_AS(
            copy.write([&](store::Connection& c) { return store::importFromDirectory(c, first); }),
            Conflict);
        CHECK(copy.integrityCheck() == "ok");
    }
    const auto tables = h.db->read([](store::Connection& c) { return store::exportSchema(c); });
    for (const auto& table : tables) {
        CAPTURE(table.name);
        const auto a = slurp(first / (table.name + ".csv"));
        const auto b = slurp(second / (table.name + ".csv"));
        CHECK(a == b);
    }
    CHECK(slurp(first / "schema.json") == slurp(second / "schema.json"));
    for (const char* name :
         {"ledger", "collections", "collection_items", "orders", "loans", "assets", "asset_events",
          "visits", "residents", "items", "stock_receipts", "stock_receipt_assets"}) {
        CAPTURE(name);
        const auto table = std::find_if(tables.begin(), tables.end(),
                                        [&](const auto& t) { return t.name == name; });
        REQUIRE(table != tables.end());
        CHECK(table->rows > 0);
    }
    CHECK(slurp(first / "residents.csv").find(",OLD-C001") != std::string::npos);
    CHECK(slurp(first / "residents.csv").find(",2026-01-05") != std::string::npos);
    CHECK(slurp(first / "audit_log.csv").find("\"a \"\"quoted\"\", multi\nline\"") !=
          std::string::npos);
}

TEST_CASE("an export from another schema version is refused") {
    test::ServiceHistory h;
    const auto dir = h.directory / "export";
    h.db->read([&](store::Connection& c) { return store::exportToDirectory(c, dir, h.now); });
    {
        std::ofstream manifest(dir / "manifest.csv", std::ios::trunc);
        manifest << "key,value\r\nformat,ces-open-export-1\r\nschema_version,1\r\n";
    }
    store::Database copy((h.directory / "copy.db").string(), 2);
    CHECK_THROWS_AS(
        copy.write([&](store::Connection& c) { return store::importFromDirectory(c, dir); }),
        ValidationError);
}
