#pragma once
// Stock counts per depot and item. Reservation is one conditional update: never negative.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Sets a depot's counts for an item outright (demo set-up and stock-takes).
void setStock(Connection& c, DepotId depot, const std::string& itemCode, std::int64_t available,
              std::int64_t reorderLevel);

/// One row of the stock table as warehouse staff see it.
struct StockLevel {
    std::string depotCode;
    std::string depotName;
    std::string itemCode;
    std::int64_t available = 0;
    std::int64_t reserved = 0;
    std::int64_t onLoan = 0;
    std::int64_t reorderLevel = 0;
};
/// Levels for one depot (by code) or every depot (empty code).
std::vector<StockLevel> stockLevels(Connection& c, const std::string& depotCode);

/// Adds `delta` (may be negative) to a depot's available count of an item; Conflict if it
/// would go below zero. Answers the new available count. Not audited: the caller's step is.
std::int64_t addToAvailable(Connection& c, DepotId depot, const std::string& itemCode,
                            std::int64_t delta);

/// A stock-take correction of a counted item: adds `delta` (may be negative) to a depot's
/// available count; Conflict if it would go below zero; audited with the reason. Answers the
/// new available count. A serialised item is refused (ValidationError on item_code): its units
/// come in through goods in, with a barcode each.
std::int64_t adjustStock(Connection& c, const std::string& depotCode, const std::string& itemCode,
                         std::int64_t delta, const std::string& reason, const Actor& actor,
                         Instant now);

/// Where a resident lives, for choosing a depot.
struct DeliveryPlace {
    std::string district;
    double lat = 0;
    double lon = 0;
};
/// The depots in the order they are tried for a place: the one serving its district, then the
/// others nearest first.
std::vector<DepotId> depotPreference(Connection& c, const DeliveryPlace& place);
/// Reserves `quantity` at the first depot of `preference` that has it. Throws
/// OutOfStock(field, ..., equivalents in stock) when no depot can fill it.
DepotId reserveStock(Connection& c, const std::string& itemCode, std::int64_t quantity,
                     const std::vector<DepotId>& preference, const std::string& field);
/// Reserves `quantity` at the depot serving the district, else the nearest depot that has it.
DepotId reserveStock(Connection& c, const std::string& itemCode, std::int64_t quantity,
                     const DeliveryPlace& place, const std::string& field);
/// Gives back a reservation (cancelled order).
void releaseStock(Connection& c, DepotId depot, const std::string& itemCode, std::int64_t quantity);

}  // namespace ces::store
