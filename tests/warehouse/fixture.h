#pragma once
// The store tests' small county plus what the warehouse needs: serialised items with
// inspection regimes and a barcoded register matching the counts, a driver, vans and crews.
#include <map>
#include <string>
#include <vector>

#include "core/store/warehouse/assets.h"
#include "tests/core/store/fixture.h"

namespace ces::test {

struct WarehouseCounty : SmallCounty {
    WarehouseCounty();

    Actor driver;
    DepotId west;
    DepotId east;
    std::vector<std::string> hoists;  ///< Barcodes of the HOIST-S units at WKD (3).

    /// Places, approves (within the limit) and delivers an order; answers its reference.
    std::string deliver(const std::vector<std::pair<std::string, std::int64_t>>& lines);
    /// Places an order (allocated when in stock); answers its reference.
    std::string place(const std::vector<std::pair<std::string, std::int64_t>>& lines);
    /// Registers `count` shelf assets of `item` at `depot`, raising the available count.
    std::vector<std::string> addAssets(const std::string& item, DepotId depot, int count,
                                       Instant lastInspected, int intervalMonths);
    /// Every state's count equals the register's assets in that state (available and reserved
    /// together), for this depot and item.
    bool countsMatchRegister(DepotId depot, const std::string& item);
    store::StateLevels levels(const std::string& depotCode, const std::string& item);
    void addFleet();
};

}  // namespace ces::test
