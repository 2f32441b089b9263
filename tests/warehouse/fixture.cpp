#include "tests/warehouse/fixture.h"

#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/stock.h"
#include "warehouse/maintenance.h"
#include "warehouse/order_delivery.h"

namespace ces::test {

namespace {

CatalogueItem serialisedItem(const std::string& code, const std::string& regime,
                             MaintenanceRegime maintenance, bool twoPerson, int vanSpace) {
    CatalogueItem i;
    i.code = code;
    i.name = code + " item";
    i.category = "Moving & handling";
    i.pricePence = 48000;
    i.serialised = true;
    i.creditEligible = true;
    i.inspectionRegime = regime;
    i.maintenance = warehouse::MaintenancePolicy().standard(maintenance);
    i.vanSpace = vanSpace;
    i.needsFitting = true;
    i.twoPerson = twoPerson;
    return i;
}

}  // namespace

WarehouseCounty::WarehouseCounty() {
    db->write([&](store::Connection& c) {
        driver = Actor{store::createUser(c, "d", "d", Role::driver, std::nullopt, "pw", now), "d",
                       "d", Role::driver, std::nullopt};
        store::upsertItem(c, serialisedItem("HOIST-S", "LOLER thorough examination every 6 months",
                                            MaintenanceRegime::loler, false, 6));
        store::upsertItem(c, serialisedItem("BED-S", "PUWER service; electrical safety (PAT-style)",
                                            MaintenanceRegime::electrical, true, 12));
        CatalogueItem rail;
        rail.code = "RAIL";
        rail.name = "Bed rail";
        rail.category = "Beds";
        rail.pricePence = 5000;
        rail.inspectionRegime = "Visual check";
        store::upsertItem(c, rail);
        west = store::findDepotByCode(c, "WKD")->id;
        east = store::findDepotByCode(c, "EKD")->id;
        store::setStock(c, west, "RAIL", 20, 5);
        store::setStock(c, west, "HOIST-S", 0, 1);
        store::setStock(c, west, "BED-S", 0, 1);
    });
    hoists = addAssets("HOIST-S", west, 3, now - std::chrono::days(10), 6);
}

std::vector<std::string> WarehouseCounty::addAssets(const std::string& item, DepotId depot,
                                                    int count, Instant lastInspected,
                                                    int intervalMonths) {
    return db->write([&](store::Connection& c) {
        std::vector<std::string> barcodes;
        for (int i = 0; i < count; ++i) {
            store::NewAsset asset;
            asset.barcode = store::nextBarcode(c, "T" + item);
            asset.itemCode = item;
            asset.description = item;
            asset.depot = depot;
            asset.state = AssetState::available;
            asset.inspectionIntervalMonths = intervalMonths;
            asset.lastInspectedAt = lastInspected;
            asset.nextInspectionDue = warehouse::nextInspectionDue(lastInspected, intervalMonths);
            store::insertAsset(c, asset, warehouse.id, now, "test stock");
            store::CountDelta one;
            one.available = 1;
            store::applyCountDelta(c, depot, item, one);
            barcodes.push_back(asset.barcode);
        }
        return barcodes;
    });
}

std::string WarehouseCounty::place(const std::vector<std::pair<std::string, std::int64_t>>& lines) {
    store::NewOrder order;
    order.resident = resident;
    order.speed = Speed::next_day;
    for (const auto& [code, quantity] : lines) order.lines.push_back({code, quantity});
    return db
        ->write([&](store::Connection& c) {
            return store::createOrder(c, order, prescriber, now, WorkingDayCalendar());
        })
        .reference;
}

std::string WarehouseCounty::deliver(
    const std::vector<std::pair<std::string, std::int64_t>>& lines) {
    const std::string reference = place(lines);
    db->write([&](store::Connection& c) {
        for (auto to :
             {OrderStatus::scheduled, OrderStatus::out_for_delivery, OrderStatus::delivered}) {
            warehouse::progressOrder(c, reference, to, planner, now, "");
        }
    });
    return reference;
}

store::StateLevels WarehouseCounty::levels(const std::string& depotCode, const std::string& item) {
    const auto all =
        db->read([&](store::Connection& c) { return store::stateLevels(c, depotCode); });
    for (const auto& level : all) {
        if (level.itemCode == item) return level;
    }
    return {};
}

bool WarehouseCounty::countsMatchRegister(DepotId depot, const std::string& item) {
    const auto counts =
        db->read([&](store::Connection& c) { return store::assetStateCounts(c, depot, item); });
    std::map<std::string, std::int64_t> byState;
    for (const auto& [state, n] : counts) byState[std::string(toString(state))] = n;
    const std::string code = depot == west ? "WKD" : "EKD";
    const auto l = levels(code, item);
    return l.available + l.reserved == byState["available"] + byState["reserved"] &&
           l.onLoan == byState["on_loan"] && l.returned == byState["returned"] &&
           l.inDecontamination == byState["in_decontamination"] &&
           l.awaitingInspection == byState["awaiting_inspection"] &&
           l.inRepair == byState["in_repair"] && l.scrapped == byState["scrapped"] &&
           l.lost == byState["lost"] && l.quarantined == byState["quarantined"];
}

void WarehouseCounty::addFleet() {
    db->write([&](store::Connection& c) {
        const auto a = store::createVan(c, "W1", west, 40, 240);
        store::createCrew(c, "West two", a, 2, true, 8 * 3600, 17 * 3600);
        const auto b = store::createVan(c, "W2", west, 40, 240);
        store::createCrew(c, "West one", b, 1, false, 8 * 3600, 17 * 3600);
        const auto e = store::createVan(c, "E1", east, 40, 240);
        store::createCrew(c, "East two", e, 2, true, 8 * 3600, 17 * 3600);
    });
}

}  // namespace ces::test
