// Goods in: the only way serialised stock enters, one barcoded asset per unit, so a delivery
// always hands over an asset and the counts agree with the register.
#include "warehouse/goods_in.h"

#include <doctest/doctest.h>

#include "core/store/catalogue/catalogue.h"
#include "core/store/warehouse/receipts.h"
#include "core/store/warehouse/stock.h"
#include "tests/warehouse/fixture.h"

using namespace ces;
using namespace ces::warehouse;

TEST_CASE("received beds are registered, issued at delivery and counted like the register") {
    test::WarehouseCounty county;
    const auto received = county.db->write([&](store::Connection& c) {
        return receiveGoods(c, {"WKD", "Medequip", "PO-1", {{"BED-S", 2}, {"RAIL", 4}}},
                            county.warehouse, county.now, MaintenancePolicy{});
    });
    REQUIRE(received.lines.size() == 2);
    REQUIRE(received.lines[0].barcodes.size() == 2);
    CHECK(received.lines[0].available == 2);
    CHECK(received.lines[1].barcodes.empty());
    CHECK(received.lines[1].available == 24);
    CHECK(county.countsMatchRegister(county.west, "BED-S"));

    county.deliver({{"BED-S", 1}});
    const auto assets = county.db->read([&](store::Connection& c) {
        return std::vector{*store::findAsset(c, received.lines[0].barcodes[0]),
                           *store::findAsset(c, received.lines[0].barcodes[1])};
    });
    int onLoan = 0;
    for (const auto& asset : assets) {
        CHECK(asset.lastInspectedAt == county.now);
        CHECK(asset.nextInspectionDue.has_value());
        if (asset.state == AssetState::on_loan) {
            ++onLoan;
            CHECK(asset.loanId.has_value());
            CHECK(asset.resident == county.resident);
        }
    }
    CHECK(onLoan == 1);
    CHECK(county.countsMatchRegister(county.west, "BED-S"));
}

TEST_CASE("a stock-take adjustment of a serialised item is refused naming item_code") {
    test::WarehouseCounty county;
    for (const std::int64_t delta : {1, -1}) {
        try {
            county.db->write([&](store::Connection& c) {
                return store::adjustStock(c, "WKD", "HOIST-S", delta, "stock-take",
                                          county.warehouse, county.now);
            });
            FAIL("expected a refusal");
        } catch (const ValidationError& refused) {
            CHECK(refused.field() == "item_code");
        }
    }
    CHECK(county.levels("WKD", "HOIST-S").available == 3);
    CHECK(county.db->write([&](store::Connection& c) {
        return store::adjustStock(c, "WKD", "RAIL", 2, "stock-take", county.warehouse, county.now);
    }) == 22);
}

TEST_CASE("a receipt names the field it cannot take and writes nothing") {
    test::WarehouseCounty county;
    auto refusedField = [&](const GoodsReceipt& receipt) -> std::string {
        try {
            county.db->write([&](store::Connection& c) {
                return receiveGoods(c, receipt, county.warehouse, county.now, MaintenancePolicy{});
            });
        } catch (const ValidationError& refused) {
            return refused.field();
        }
        return "accepted";
    };
    CHECK(refusedField({"NOPE", "Medequip", "PO-1", {{"RAIL", 1}}}) == "depot");
    CHECK(refusedField({"WKD", "", "PO-1", {{"RAIL", 1}}}) == "supplier");
    CHECK(refusedField({"WKD", "Medequip", "", {{"RAIL", 1}}}) == "supplier_reference");
    CHECK(refusedField({"WKD", "Medequip", "PO-1", {}}) == "lines");
    CHECK(refusedField({"WKD", "Medequip", "PO-1", {{"RAIL", 1}, {"NOPE", 1}}}) ==
          "lines[1].item_code");
    CHECK(refusedField({"WKD", "Medequip", "PO-1", {{"BED-S", 1001}}}) == "lines[0].quantity");
    CHECK(county.levels("WKD", "RAIL").available == 20);
    CHECK(county.levels("WKD", "BED-S").available == 0);
}

TEST_CASE("a receipt keeps the barcodes each line registered, and a retired item is refused") {
    test::WarehouseCounty county;
    const auto received = county.db->write([&](store::Connection& c) {
        return receiveGoods(c, {"WKD", "Medequip", "PO-2", {{"RAIL", 1}, {"BED-S", 2}}},
                            county.warehouse, county.now, MaintenancePolicy{});
    });
    const auto record =
        county.db->read([&](store::Connection& c) { return store::findReceipt(c, received.id); });
    REQUIRE(record.has_value());
    REQUIRE(record->lines.size() == 2);
    CHECK(record->lines[0].barcodes.empty());
    CHECK(record->lines[1].barcodes == received.lines[1].barcodes);
    CHECK(record->summary.units == 3);
    CHECK(received.lines[1].inspectionDue.has_value());
    CHECK_FALSE(received.lines[0].inspectionDue.has_value());

    county.db->write([&](store::Connection& c) {
        auto rail = *store::findItem(c, "RAIL");
        rail.retired = true;
        store::upsertItem(c, rail);
        return 0;
    });
    try {
        county.db->write([&](store::Connection& c) {
            return receiveGoods(c, {"WKD", "Medequip", "PO-3", {{"BED-S", 1}, {"RAIL", 1}}},
                                county.warehouse, county.now, MaintenancePolicy{});
        });
        FAIL("expected a refusal");
    } catch (const ValidationError& refused) {
        CHECK(refused.field() == "lines[1].item_code");
    }
}
