#include "core/store/warehouse/stock.h"

#include <algorithm>

#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kSetStock =
    "INSERT INTO stock (depot_id, item_code, available, reserved, on_loan, reorder_level) "
    "VALUES ($1, $2, $3, 0, 0, $4) ON CONFLICT (depot_id, item_code) DO UPDATE SET "
    "available = excluded.available, reorder_level = excluded.reorder_level";
const char* const kStockLevels =
    "SELECT d.code, d.name, s.item_code, s.available, s.reserved, s.on_loan, s.reorder_level "
    "FROM stock s JOIN depots d ON d.id = s.depot_id WHERE ($1 = '' OR d.code = $1) "
    "ORDER BY d.code, s.item_code";
const char* const kEnsureStockRow =
    "INSERT INTO stock (depot_id, item_code, available, reserved, on_loan) "
    "VALUES ($1, $2, 0, 0, 0) ON CONFLICT (depot_id, item_code) DO NOTHING";
const char* const kAdjustAvailable =
    "UPDATE stock SET available = available + $1 WHERE depot_id = $2 AND item_code = $3 "
    "AND available + $1 >= 0 RETURNING available";
const char* const kReserve =
    "UPDATE stock SET available = available - $1, reserved = reserved + $1 "
    "WHERE depot_id = $2 AND item_code = $3 AND available >= $1 RETURNING available";
const char* const kRelease =
    "UPDATE stock SET available = available + $1, reserved = reserved - $1 "
    "WHERE depot_id = $2 AND item_code = $3 AND reserved >= $1 RETURNING available";

}  // namespace

void setStock(Connection& c, DepotId depot, const std::string& itemCode, std::int64_t available,
              std::int64_t reorderLevel) {
    c.execute(kSetStock, {depot.value(), itemCode, available, reorderLevel});
}

std::vector<StockLevel> stockLevels(Connection& c, const std::string& depotCode) {
    Rows rows = c.query(kStockLevels, {depotCode});
    std::vector<StockLevel> levels;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        levels.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.integer(i, 3),
                          rows.integer(i, 4), rows.integer(i, 5), rows.integer(i, 6)});
    }
    return levels;
}

std::int64_t addToAvailable(Connection& c, DepotId depot, const std::string& itemCode,
                            std::int64_t delta) {
    c.execute(kEnsureStockRow, {depot.value(), itemCode});
    Rows rows = c.query(kAdjustAvailable, {delta, depot.value(), itemCode});
    if (rows.empty()) {
        throw Conflict("negative_stock", "the adjustment would leave fewer than zero available");
    }
    return rows.integer(0, 0);
}

std::int64_t adjustStock(Connection& c, const std::string& depotCode, const std::string& itemCode,
                         std::int64_t delta, const std::string& reason, const Actor& actor,
                         Instant now) {
    auto depot = findDepotByCode(c, depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + depotCode);
    const auto item = findItem(c, itemCode);
    if (!item) throw ValidationError("item_code", "no catalogue item has the code " + itemCode);
    if (item->serialised) {
        // A count without a barcode would be issued with no asset behind it.
        throw ValidationError("item_code", itemCode +
                                               " is tracked by barcode: receive units through "
                                               "goods in, and write one off as lost or scrapped");
    }
    const std::int64_t available = addToAvailable(c, depot->id, itemCode, delta);
    audit(c, actor.id, "stock.adjust", "stock", depotCode + "/" + itemCode, now,
          std::to_string(delta) + " " + reason);
    return available;
}

std::vector<DepotId> depotPreference(Connection& c, const DeliveryPlace& place) {
    auto depots = listDepots(c);
    const auto serving = servingDepot(c, place.district);
    std::stable_sort(depots.begin(), depots.end(), [&](const Depot& a, const Depot& b) {
        const bool aServes = serving && a.id == *serving;
        const bool bServes = serving && b.id == *serving;
        if (aServes != bServes) return aServes;
        return greatCircleMetres(place.lat, place.lon, a.lat, a.lon) <
               greatCircleMetres(place.lat, place.lon, b.lat, b.lon);
    });
    std::vector<DepotId> ids;
    for (const auto& depot : depots) ids.push_back(depot.id);
    return ids;
}

DepotId reserveStock(Connection& c, const std::string& itemCode, std::int64_t quantity,
                     const std::vector<DepotId>& preference, const std::string& field) {
    for (const DepotId depot : preference) {
        if (!c.query(kReserve, {quantity, depot.value(), itemCode}).empty()) return depot;
    }
    throw OutOfStock(field, "not enough " + itemCode + " in stock in any depot",
                     equivalentsInStock(c, itemCode));
}

DepotId reserveStock(Connection& c, const std::string& itemCode, std::int64_t quantity,
                     const DeliveryPlace& place, const std::string& field) {
    return reserveStock(c, itemCode, quantity, depotPreference(c, place), field);
}

void releaseStock(Connection& c, DepotId depot, const std::string& itemCode,
                  std::int64_t quantity) {
    if (c.query(kRelease, {quantity, depot.value(), itemCode}).empty()) {
        throw Conflict("stock_mismatch", "the reservation to release is not there");
    }
}

}  // namespace ces::store
