#pragma once
// The demo county: a realistic service to try and to test against, the same for a seed.
#include <functional>
#include <memory>
#include <string>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"
#include "warehouse/travel_source.h"

namespace ces::demo {

struct DemoOptions {
    std::string dataDir;  ///< The repository's data/ (catalogue, depots, equivalents).
    std::string geoDir;   ///< shared/data/geo (postcodes).
    unsigned seed = 1;
    int residents = 600;
    int orders = 400;
    Instant now{};  ///< "Today" for the demo's history.
    /// The road graph its plans use (`ces demo --road-graph`); none: the straight-line estimate.
    std::shared_ptr<const warehouse::RoadNetwork> roads;
};

/// The demo logins (user name; the password is "demo-" + user name).
inline constexpr const char* kDemoUsers[] = {"prescriber", "prescriber2",  "assistant",
                                             "budget",     "warehouse",    "planner",
                                             "driver",     "commissioner", "admin"};

/// Fills an empty database with the demo county; `progress` hears a line per phase.
void createDemoCounty(store::Database& db, const DemoOptions& options,
                      const WorkingDayCalendar& calendar,
                      const std::function<void(const std::string&)>& progress);

/// Loads the county's postcodes into the database if it has none yet; answers rows loaded.
std::size_t ensurePostcodes(store::Database& db, const std::string& geoDir);

}  // namespace ces::demo
