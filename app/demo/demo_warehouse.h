#pragma once
// The demo county's warehouse: a barcoded register matching the stock counts, assets in every
// state, vans and crews at each depot, specials on their way, and a route plan for the next
// working day.
#include <functional>
#include <string>

#include "app/demo/demo_county.h"
#include "core/calendar.h"
#include "core/store/infrastructure/database.h"

namespace ces::demo {

/// Adds the warehouse to a demo county made by createDemoCounty (called at its end).
void createDemoWarehouse(store::Database& db, const DemoOptions& options,
                         const WorkingDayCalendar& calendar,
                         const std::function<void(const std::string&)>& progress);

}  // namespace ces::demo
