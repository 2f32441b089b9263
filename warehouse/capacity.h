#pragma once
// The capacity view of a horizon: per day, the work due and the van-hours it takes against the
// vans there are; and, when the vans cannot meet every due date, how many more vans of which
// kind on which day would, found by the same solver (add the van the first missed visit needs on
// its last day, solve again, repeat).
#include <chrono>
#include <string>
#include <vector>

#include "warehouse/horizon.h"

namespace ces::warehouse {

inline constexpr int kMostExtraVans = 10;

struct CapacityDay {
    std::chrono::year_month_day date;
    int visitsDue = 0;      ///< Due that day (the first day also counts overdue work).
    int visitsPlanned = 0;  ///< Placed on the day when every visit keeps its due date.
    double vanHoursNeeded = 0;
    int vansAvailable = 0;
    double vanHoursAvailable = 0;
};

/// Vans to add on one day at one depot, all of one kind.
struct ExtraVans {
    std::chrono::year_month_day date;
    std::string depotCode;
    bool twoPerson = false;
    bool liftingEngineer = false;
    int count = 0;
};

struct CapacityView {
    std::vector<CapacityDay> days;
    std::vector<ExtraVans> extraVans;  ///< Empty when the vans meet every due date.
    /// Visits no added van brings in by their due date (a skill no van has, a slot no shift
    /// meets, or more vans than kMostExtraVans), with why.
    std::vector<LeftOutVisit> unmet;
    std::string advice;  ///< The sentence for the planner.
};

/// The capacity of the horizon `from`, `days` (checked as optimiseHorizon does), with the due work
/// as planning would book it; writes nothing.
CapacityView capacityOf(store::Database& db, std::chrono::year_month_day from, int days,
                        Instant now, const WorkingDayCalendar& calendar,
                        const DispatchPolicy& policy);

/// "2 more two-person vans with a lifting engineer at WKD on Tuesday 8 December 2026".
std::string describe(const ExtraVans& extra);

}  // namespace ces::warehouse
