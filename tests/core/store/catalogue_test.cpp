#include "core/store/catalogue/catalogue.h"

#include <doctest/doctest.h>

#include "core/store/admin/geography.h"
#include "core/store/infrastructure/typed_columns.h"
#include "core/store/warehouse/assets.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

// The county catalogue's items as a database before typed maintenance held them: code and the
// catalogue's regime words.
const std::pair<const char*, const char*> kCountyItems[] = {
    {"KCE-SEA-001",
     "PUWER: planned service/inspection at least annually; electrical safety (PAT-style) test "
     "(recliner chairs: PUWER, not LOLER)"},
    {"KCE-HST-001", "LOLER thorough examination every 6 months (lifts persons)"},
    {"KCE-SLG-001", "LOLER thorough examination every 6 months (slings are lifting accessories)"},
    {"KCE-BED-001", "PUWER: planned service; electrical safety (PAT-style) test"},
    {"KCE-WCH-001", "Planned service (annual) + visual check"},
    {"KCE-MOB-001", "Visual/functional check + decontamination on return"},
};

CatalogueItem countyItem(const char* code, const char* words) {
    CatalogueItem item;
    item.code = code;
    item.name = code;
    item.category = "Test";
    item.pricePence = 10000;
    item.serialised = true;
    item.inspectionRegime = words;
    return item;
}

ItemMaintenance maintenanceOf(store::Database& db, const std::string& code) {
    return db.read([&](store::Connection& c) { return store::findItem(c, code)->maintenance; });
}

}  // namespace

TEST_CASE("an existing database gets each county item's maintenance, the chair not LOLER") {
    test::SmallCounty county;
    const auto file = county.directory / "test.db";
    county.db->write([&](store::Connection& c) {
        for (const auto& [code, words] : kCountyItems)
            store::upsertItem(c, countyItem(code, words));
        store::NewAsset chair;
        chair.barcode = "CHAIR-1";
        chair.itemCode = "KCE-SEA-001";
        chair.description = "Riser-recliner chair";
        chair.depot = store::findDepotByCode(c, "WKD")->id;
        chair.inspectionIntervalMonths = 6;  // what the old text search gave it
        store::insertAsset(c, chair, std::nullopt, county.now, "test");
        // Back to the schema before typed maintenance: the table held only overrides.
        c.execute("DROP TABLE item_maintenance");
        c.execute(
            "CREATE TABLE item_maintenance (item_code TEXT PRIMARY KEY REFERENCES items(code), "
            "interval_months INTEGER NOT NULL CHECK (interval_months >= 0))");
        c.execute("DELETE FROM schema_migrations WHERE name LIKE '%maintenance_regime'");
    });
    county.db.reset();
    county.db = std::make_unique<store::Database>(file.string(), 2);  // migrates again
    auto& db = *county.db;

    CHECK(maintenanceOf(db, "KCE-SEA-001") ==
          ItemMaintenance{MaintenanceRegime::electrical, 12, MaintenanceSkill::none});
    for (const char* code : {"KCE-HST-001", "KCE-SLG-001"}) {
        INFO(code);
        CHECK(maintenanceOf(db, code) ==
              ItemMaintenance{MaintenanceRegime::loler, 6, MaintenanceSkill::lifting_engineer});
    }
    CHECK(maintenanceOf(db, "KCE-BED-001") ==
          ItemMaintenance{MaintenanceRegime::electrical, 12, MaintenanceSkill::none});
    CHECK(maintenanceOf(db, "KCE-WCH-001") ==
          ItemMaintenance{MaintenanceRegime::planned_service, 12, MaintenanceSkill::none});
    CHECK(maintenanceOf(db, "KCE-MOB-001") == ItemMaintenance{});
    const auto chair = db.read([](store::Connection& c) { return store::findAsset(c, "CHAIR-1"); });
    CHECK(chair->inspectionIntervalMonths == 12);
    // The catalogue's words stay for reading.
    CHECK(db.read([](store::Connection& c) {
                return store::findItem(c, "KCE-SEA-001")->inspectionRegime;
            }).find("not LOLER") != std::string::npos);
}

TEST_CASE("an item's maintenance is written and read with the item, without a row it is none") {
    test::SmallCounty county;
    auto hoist = countyItem("KCE-HST-001", "LOLER");
    hoist.maintenance = {MaintenanceRegime::loler, 6, MaintenanceSkill::lifting_engineer};
    county.db->write([&](store::Connection& c) { store::upsertItem(c, hoist); });
    CHECK(maintenanceOf(*county.db, "KCE-HST-001") == hoist.maintenance);
    const auto found = county.db->read([](store::Connection& c) {
        return store::searchCatalogue(c, {"KCE-HST", "", false});
    });
    REQUIRE(found.size() == 1);
    CHECK(found[0].item.maintenance == hoist.maintenance);

    hoist.maintenance.intervalMonths = 3;  // a council's shorter interval for this hoist
    county.db->write([&](store::Connection& c) { store::upsertItem(c, hoist); });
    CHECK(maintenanceOf(*county.db, "KCE-HST-001").intervalMonths == 3);

    county.db->write([](store::Connection& c) { c.execute("DELETE FROM item_maintenance"); });
    CHECK(maintenanceOf(*county.db, "KCE-HST-001") == ItemMaintenance{});
}

TEST_CASE("an unknown regime or skill word in item_maintenance is an unreadable column") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::upsertItem(c, countyItem("KCE-HST-001", "LOLER"));
        c.execute("UPDATE item_maintenance SET regime = 'LOLER' WHERE item_code = 'KCE-HST-001'");
    });
    CHECK_THROWS_AS(maintenanceOf(*county.db, "KCE-HST-001"), store::UnreadableColumn);
    CHECK_THROWS_AS(
        county.db->read([](store::Connection& c) { return store::searchCatalogue(c, {}); }),
        store::UnreadableColumn);
    county.db->write([&](store::Connection& c) {
        c.execute(
            "UPDATE item_maintenance SET regime = 'loler', skill = 'hoist' "
            "WHERE item_code = 'KCE-HST-001'");
    });
    CHECK_THROWS_AS(maintenanceOf(*county.db, "KCE-HST-001"), store::UnreadableColumn);
}
