#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/collections/collections.h"
#include "core/store/infrastructure/database.h"

using namespace ces;

namespace {

struct Run {
    int status = 0;
    std::string output;
};

std::string sharedDir() {
    const char* shared = std::getenv("CES_SHARED");
    return shared ? shared : CES_SHARED_DEFAULT_DIR;
}

// Runs the real `ces migrate` and answers its exit status and standard output.
Run migrate(const std::string& source, const std::string& db, const std::string& extra = "") {
    const std::string geo = sharedDir() + "/data/geo";
    const std::string example = std::string(PROJECT_SOURCE_DIR) + "/data/migration-example";
    const std::string command = std::string(CES_BINARY) + " migrate " + source + " --db " + db +
                                " --mapping " + example + "/mapping.json --team 'Example team'" +
                                " --geo-dir " + geo + " " + extra + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) run.output += buffer.data();
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::int64_t count(store::Database& db, const std::string& sql) {
    return db.read([&](store::Connection& c) { return c.query(sql).integer(0, 0); });
}

std::string text(store::Database& db, const std::string& sql) {
    return db.read([&](store::Connection& c) {
        store::Rows rows = c.query(sql);
        return rows.empty() || rows.isNull(0, 0) ? std::string("NULL") : rows.text(0, 0);
    });
}

bool has(const std::string& output, const std::string& part) {
    return output.find(part) != std::string::npos;
}

// A council ready to take the provider's records: its team, an administrator, the catalogue and
// a depot serving Maidstone and Canterbury.
void setUpCouncil(const std::string& dbPath) {
    store::Database db(dbPath, 1);
    db.write([](store::Connection& c) {
        const auto funder = store::createFunder(c, "KCC", "Example council");
        store::createTeam(c, "Example team", funder, 100000, "");
        store::createUser(c, "admin", "Administrator", Role::admin, std::nullopt,
                          "example-password-1", Instant{});
        std::ifstream catalogue(sharedDir() + "/data/catalogue.csv");
        REQUIRE(catalogue);
        const auto imported = store::importCatalogue(c, catalogue, false, std::nullopt, Instant{});
        REQUIRE(imported.errors.empty());
        // The shared catalogue has no maintenance column: the side file gives each item's regime.
        std::ifstream maintenance(std::string(PROJECT_SOURCE_DIR) +
                                  "/data/catalogue_maintenance.csv");
        REQUIRE(maintenance);
        REQUIRE(
            store::importCatalogue(c, maintenance, false, std::nullopt, Instant{}).errors.empty());
        store::Depot depot;
        depot.code = "MID";
        depot.name = "Mid Kent depot";
        depot.postcode = "ME14 1AD";
        const auto id = store::createDepot(c, depot);
        store::assignDistrictToDepot(c, "Maidstone", id);
        store::assignDistrictToDepot(c, "Canterbury", id);
        return 0;
    });
}

}  // namespace

TEST_CASE(
    "ces migrate brings the example residents and their equipment in once, all of a file or none "
    "of it") {
    std::random_device random;
    const auto directory =
        std::filesystem::temp_directory_path() / ("ces-migrate-" + std::to_string(random()));
    std::filesystem::create_directories(directory);
    const std::string dbPath = (directory / "council.db").string();
    setUpCouncil(dbPath);
    const std::string example = std::string(PROJECT_SOURCE_DIR) + "/data/migration-example";
    const std::string residents = "SELECT COUNT(*) FROM residents";

    SUBCASE("a dry run writes nothing") {
        const auto run = migrate(example, dbPath, "--dry-run");
        CHECK(run.status == 0);
        CHECK(run.output.find("6 rows read, 5 would be created") != std::string::npos);
        // One write rolled back: the equipment sees the residents it would have created.
        CHECK(has(run.output, "assets (equipment.csv): 7 rows read, 5 would be created"));
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM assets") == 0);
    }

    SUBCASE("the example migrates, the outside postcode is reported, a re-run creates nothing") {
        const auto first = migrate(example, dbPath);
        INFO(first.output);
        CHECK(first.status == 0);
        CHECK(first.output.find("6 rows read, 5 created, 1 skipped") != std::string::npos);
        CHECK(first.output.find("outside the county: resident OLD-C006") != std::string::npos);
        {
            store::Database db(dbPath, 1);
            CHECK(count(db, residents) == 5);
            CHECK(count(db,
                        "SELECT COUNT(*) FROM residents WHERE legacy_ref = 'OLD-C001' AND "
                        "district = 'Maidstone' AND date_of_birth = '1938-03-14'") == 1);
        }
        const auto again = migrate(example, dbPath);
        INFO(again.output);
        CHECK(again.output.find("6 rows read, 0 created, 6 skipped") != std::string::npos);
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 5);
    }

    SUBCASE("the equipment in homes becomes loans on one order per resident, collectable") {
        const auto first = migrate(example, dbPath);
        INFO(first.output);
        CHECK(first.status == 0);
        CHECK(has(first.output, "assets (equipment.csv): 7 rows read, 5 created, 2 skipped"));
        CHECK(has(first.output, "unknown item: barcode OP-000106: their item OP-SCOOTER-4"));
        CHECK(has(first.output, "skipped line 8: resident OLD-C006 was not migrated"));
        CHECK(has(first.output, "loans (loans.csv): 5 rows read, 4 created, 1 skipped"));
        CHECK(has(first.output, "unknown item: loan L-5005: their item OP-TROLLEY-X"));
        {
            store::Database db(dbPath, 1);
            CHECK(count(db,
                        "SELECT COUNT(*) FROM assets WHERE state = 'on_loan' AND "
                        "resident_id IS NOT NULL AND loan_id IS NOT NULL") == 5);
            // LOLER every 6 months from the last examination; a bed's service every 12.
            CHECK(text(db,
                       "SELECT SUBSTR(next_inspection_due, 1, 10) FROM assets "
                       "WHERE barcode = 'OP-000103'") == "2027-04-20");
            CHECK(text(db,
                       "SELECT SUBSTR(next_inspection_due, 1, 10) FROM assets "
                       "WHERE barcode = 'OP-000104'") == "2025-07-02");
            CHECK(text(db,
                       "SELECT SUBSTR(next_inspection_due, 1, 10) FROM assets "
                       "WHERE barcode = 'OP-000101'") == "2027-09-12");
            // No inspection on record: due at once.
            CHECK(text(db, "SELECT last_inspected_at FROM assets WHERE barcode = 'OP-000105'") ==
                  "NULL");
            CHECK(text(db, "SELECT next_inspection_due FROM assets WHERE barcode = 'OP-000105'") !=
                  "NULL");
            CHECK(count(db,
                        "SELECT COUNT(*) FROM orders WHERE status = 'delivered' AND "
                        "approved_at IS NULL AND due_by IS NULL") == 4);
            CHECK(count(db,
                        "SELECT COUNT(*) FROM order_lines ol JOIN orders o ON o.id = "
                        "ol.order_id JOIN residents r ON r.id = o.resident_id "
                        "WHERE r.legacy_ref = 'OLD-C001'") == 3);
            CHECK(count(db, "SELECT SUM(quantity) FROM loans WHERE ended_at IS NULL") == 10);
            CHECK(count(db, "SELECT quantity FROM loans WHERE legacy_ref = 'L-5003'") == 2);
            CHECK(count(db, "SELECT SUM(on_loan) FROM stock") == 10);
            CHECK(count(db, "SELECT on_loan FROM stock WHERE item_code = 'KCE-BED-001'") == 2);
        }
        const auto again = migrate(example, dbPath);
        INFO(again.output);
        CHECK(has(again.output, "assets (equipment.csv): 7 rows read, 0 created, 7 skipped"));
        CHECK(has(again.output, "loans (loans.csv): 5 rows read, 0 created, 5 skipped"));
        store::Database db(dbPath, 1);
        CHECK(count(db, "SELECT COUNT(*) FROM loans") == 9);
        // The warehouse asks for everything of a migrated order back, as for any order.
        const auto order = text(db,
                                "SELECT o.reference FROM orders o JOIN residents r ON "
                                "r.id = o.resident_id WHERE r.legacy_ref = 'OLD-C001'");
        const auto collection = db.write([&](store::Connection& c) {
            Actor warehouse;
            warehouse.id = store::createUser(c, "stores", "Stores", Role::warehouse, std::nullopt,
                                             "example-password-2", Instant{});
            warehouse.role = Role::warehouse;
            CollectionRequest request;
            request.orderReference = order;
            return store::requestCollection(
                c, request, {CollectionRequester::warehouse, warehouse, std::nullopt},
                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
                WorkingDayCalendar(), CollectionRules());
        });
        CHECK(collection.items.size() == 3);
    }

    SUBCASE("bad equipment and loans files write nothing and list every bad row") {
        REQUIRE(migrate(example + "/clients.csv", dbPath).status == 0);
        const auto assets = migrate(example + "/bad/equipment.csv", dbPath);
        INFO(assets.output);
        CHECK(assets.status == 1);
        CHECK(has(assets.output, "5 rows read, 0 created"));
        CHECK(has(assets.output, "bad line 3, last_inspected"));
        CHECK(has(assets.output, "bad line 4, barcode"));
        CHECK(has(assets.output, "bad line 5, item_code"));
        CHECK(has(assets.output, "bad line 6, last_inspected"));
        const auto loans = migrate(example + "/bad/loans.csv", dbPath);
        INFO(loans.output);
        CHECK(loans.status == 1);
        CHECK(has(loans.output, "4 rows read, 0 created"));
        CHECK(has(loans.output, "bad line 3, quantity"));
        CHECK(has(loans.output, "bad line 4, item_code"));
        CHECK(has(loans.output, "bad line 5, start_date"));
        store::Database db(dbPath, 1);
        CHECK(count(db, "SELECT COUNT(*) FROM assets") == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM loans") == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM orders") == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM stock WHERE on_loan > 0") == 0);
    }

    SUBCASE("a file with bad rows writes nothing and lists every bad row") {
        const auto run = migrate(example + "/bad", dbPath);
        INFO(run.output);
        CHECK(run.status == 1);
        CHECK(run.output.find("3 rows read, 0 created") != std::string::npos);
        CHECK(run.output.find("bad line 2, date_of_birth") != std::string::npos);
        CHECK(run.output.find("bad line 4, name") != std::string::npos);
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 0);
    }
    std::filesystem::remove_all(directory);
}
