#pragma once
// Planning a rolling horizon of working days at once: every pending visit goes on a day on or
// before its due date and onto a van's route that day, the most urgent first. One routing
// problem holds every van on every day; a visit that cannot be placed by its due date is placed
// late (overdue work as early as it can) rather than left out, and what is still left out says
// why. A day whose plan a driver has started is left as it is.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"
#include "core/types.h"
#include "warehouse/dispatch.h"

namespace ces::warehouse {

inline constexpr int kMostHorizonDays = 10;

/// One day of the horizon as planned.
struct HorizonDay {
    std::chrono::year_month_day date;
    int vansUsed = 0;
    int visits = 0;
    std::int64_t distanceMetres = 0;
    double co2Kg = 0;
    bool kept = false;  ///< Under way (a driver has recorded an outcome): not re-planned.
};

/// A visit planned after its due date.
struct LateVisit {
    VisitId visit;
    std::chrono::year_month_day dueBy;
    std::chrono::year_month_day planned;
    std::string reason;  ///< lateReason's words.
};

/// Why a visit due `dueBy` goes on `planned` in a horizon starting `firstDay`: it was overdue
/// before the horizon began, or no suitable van had room by its due date.
/// Dates are written by `date` (ISO dates unless given, as in the API).
std::string lateReason(
    std::chrono::year_month_day dueBy, std::chrono::year_month_day planned,
    std::chrono::year_month_day firstDay,
    const std::function<std::string(std::chrono::year_month_day)>& date = formatDate);

/// A visit no day of the horizon could take, with the reason that binds.
struct LeftOutVisit {
    VisitId visit;
    std::string reason;
};

struct HorizonPlan {
    PlanRunId run;
    std::vector<HorizonDay> days;
    std::vector<LateVisit> late;
    std::vector<LeftOutVisit> leftOut;
    std::int64_t timeMs = 0;
};

/// A horizon solved (not stored): the problem, its solution, each visit's day (by job index,
/// SIZE_MAX when left out), and the summary.
struct HorizonSolution {
    DispatchProblem built;
    routing::Solution solution;
    std::vector<std::size_t> day;
    std::vector<HorizonDay> days;
    std::vector<LateVisit> late;
    std::vector<LeftOutVisit> leftOut;
};

/// Plans `visits` over `days` with `vans` on every day: first every visit by its due date
/// (overdue work on the first day), starting from each day planned alone (the work that must go
/// that day first) and then searching the whole horizon at once, which only accepts plans that
/// leave out no more; with `allowLate`, what did not fit may then go on any day, searched from
/// that plan. The policy's horizon time limit is shared between the searches.
/// `works` says which van works which day (empty: every van every day).
HorizonSolution solveHorizon(const std::vector<std::chrono::year_month_day>& days,
                             const std::vector<store::VisitJob>& visits,
                             const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy,
                             bool allowLate, const VanOnDay& works = {});

/// The working days of a horizon of `days` starting on `from` (or the next working day).
std::vector<std::chrono::year_month_day> horizonDays(std::chrono::year_month_day from, int days,
                                                     const WorkingDayCalendar& calendar);

/// The latest due date a horizon ending on `lastDay` takes work for: deliveries a few working
/// days ahead and inspections two weeks ahead, as a single day's plan looks ahead.
std::chrono::year_month_day horizonDueUntil(std::chrono::year_month_day lastDay,
                                            const WorkingDayCalendar& calendar,
                                            const DispatchPolicy& policy);

/// What a horizon plans: its working days (without a day under way, named in `kept`), the
/// visits due and the vans.
struct HorizonWork {
    std::vector<std::chrono::year_month_day> days;
    std::optional<std::chrono::year_month_day> kept;
    std::vector<store::VisitJob> visits;
    std::vector<store::VanCrew> vans;
};

/// Whether loading a horizon's work books its due work (planning) or only looks at it as it
/// would be booked, in a transaction rolled back (the capacity view: a read changes nothing).
enum class DueWork { book, preview };

/// Checks the horizon (ValidationError "from" for a past day, "days" outside
/// 1..kMostHorizonDays), books its due work (or previews it), and loads it; Conflict("no_vans")
/// without vans.
HorizonWork loadHorizonWork(store::Database& db, std::chrono::year_month_day from, int days,
                            Instant now, const WorkingDayCalendar& calendar,
                            const DispatchPolicy& policy, DueWork due = DueWork::book);

/// Books due work, plans every working day of the horizon and stores each day's plan in one
/// transaction (a failure leaves the plans before it as they were). ValidationError("from") for
/// a past day, ValidationError("days") outside 1..kMostHorizonDays, Conflict("no_vans").
HorizonPlan optimiseHorizon(store::Database& db, std::chrono::year_month_day from, int days,
                            const Actor& planner, Instant now, const WorkingDayCalendar& calendar,
                            const DispatchPolicy& policy);

}  // namespace ces::warehouse
