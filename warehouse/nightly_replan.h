#pragma once
// The night's re-plan of the rolling horizon: the days a planner last planned roll on by one, so
// the day's new orders, failed visits and inspections falling due find their place before the
// morning. Tomorrow stays as planned (its residents have been told and its vans are loaded
// early); the re-plan runs from the working day after, over as many days as the planner's last
// run, in that planner's name.
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/store/infrastructure/database.h"
#include "warehouse/horizon.h"

namespace ces::warehouse {

struct NightlyReplan {
    std::optional<HorizonPlan> plan;  ///< None when there was nothing to re-plan.
    std::string summary;              ///< What happened, in a sentence, for the jobs page.
};

/// Re-plans the horizon as described above; no plan when no planner has planned a horizon yet,
/// or the one who last did is switched off.
NightlyReplan replanHorizonNightly(store::Database& db, Instant now,
                                   const WorkingDayCalendar& calendar,
                                   const DispatchPolicy& policy);

}  // namespace ces::warehouse
