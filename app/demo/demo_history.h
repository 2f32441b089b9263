#pragma once
// A year of the demo county's history for the commissioner's reports: orders delivered over the
// past year (charged to their funders), collections asked for by prescribers, residents and the
// warehouse, items returned on time or late, cleaned and inspected (credits for those back in
// stock), collection points, district populations, and "still needed?" check-ins.
#include <functional>
#include <string>

#include "app/demo/demand_profile.h"
#include "app/demo/demo_county.h"
#include "core/calendar.h"
#include "core/store/infrastructure/database.h"

namespace ces::demo {

/// Adds the history to a demo county made by createDemoCounty (called at its end, after the
/// warehouse); the year's loans follow the county's demand profile.
void createDemoHistory(store::Database& db, const DemoOptions& options,
                       const DemandProfile& profile, const WorkingDayCalendar& calendar,
                       const std::function<void(const std::string&)>& progress);

}  // namespace ces::demo
