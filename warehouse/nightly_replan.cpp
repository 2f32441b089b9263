#include "warehouse/nightly_replan.h"

#include <algorithm>

#include "core/store/admin/accounts.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/uk_time.h"

namespace ces::warehouse {

NightlyReplan replanHorizonNightly(store::Database& db, Instant now,
                                   const WorkingDayCalendar& calendar,
                                   const DispatchPolicy& policy) {
    const auto [run, planner] = db.read([](store::Connection& c) {
        const auto run = store::latestPlanRun(c);
        const auto planner = run ? store::findActiveUser(c, run->createdBy) : std::nullopt;
        return std::make_pair(run, planner);
    });
    if (!run) return {std::nullopt, "no planner has planned a horizon yet: nothing to re-plan"};
    if (!planner || planner->role != Role::planner) {
        return {std::nullopt,
                "the planner who last planned the horizon is no longer an active planner: "
                "plan the week once to take the night's re-plan over"};
    }
    const auto from = calendar.nextWorkingDay(calendar.nextWorkingDay(toUkLocal(now).date));
    const int days = std::clamp(run->days, 1, kMostHorizonDays);
    auto plan = optimiseHorizon(db, from, days, *planner, now, calendar, policy);
    const std::string summary = std::to_string(days) + " working day" + (days == 1 ? "" : "s") +
                                " from " + formatDate(from) + " re-planned for " +
                                planner->displayName + ": " + std::to_string(plan.late.size()) +
                                " late, " + std::to_string(plan.leftOut.size()) + " left out";
    db.write([&](store::Connection& c) {
        store::audit(c, std::nullopt, "plan.nightly_replan", "plan_run",
                     std::to_string(plan.run.value()), now, summary);
        return 0;
    });
    return {std::move(plan), summary};
}

}  // namespace ces::warehouse
