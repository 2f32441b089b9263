#pragma once
// Dispatch: a day's due deliveries, collections, repairs and inspections become a routing
// problem (vans and crews from their depots, skills, van space, slots), the solver's answer is
// stored as the day's plan, and drivers' outcomes move orders and assets on.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/prescriber_tasks.h"
#include "core/store/infrastructure/database.h"
#include "core/types.h"
#include "routing/graph/fallback_matrix.h"
#include "routing/vrptw/problem.h"
#include "routing/vrptw/solution.h"
#include "warehouse/dispatch_travel.h"
#include "warehouse/maintenance.h"
#include "warehouse/travel_source.h"
#include "warehouse/visit_outcome.h"

namespace ces::warehouse {

/// The numbers dispatch plans with; every one configurable.
struct DispatchPolicy {
    /// Deliveries due up to this many working days after the plan's date are offered too (at
    /// a lower priority), so vans fill up ahead of deadlines.
    int deliveryLookAheadWorkingDays = 2;
    /// Planned inspections due within this many days of the plan's date are booked.
    int inspectionLookAheadDays = 14;
    /// Time on site: a delivery or collection starts at 15 minutes, plus 5 per line and 20 per
    /// item to fit and demonstrate; an inspection takes 30 minutes and a repair 45.
    int baseServiceSeconds = 15 * 60;
    int perLineSeconds = 5 * 60;
    int fittingSeconds = 20 * 60;
    int inspectionSeconds = 30 * 60;
    int repairSeconds = 45 * 60;
    /// Travel times without a road file (routing's documented fallback).
    routing::FallbackParameters travel{};
    /// The road graph loaded at start-up; empty: every trip is the fallback's estimate.
    std::shared_ptr<const RoadNetwork> roads;
    /// Search effort: a fixed iteration count keeps plans the same on any machine.
    std::chrono::milliseconds timeLimit{3000};
    std::chrono::milliseconds horizonTimeLimit{30000};  ///< A whole horizon of days at once.
    /// Over a horizon the search weighs distance, and each van used on a day costs as much as
    /// driving this far: fewer vans a day, unless one more saves more driving.
    double horizonVanCostMetres = 20000;
    /// Independent searches of a horizon run side by side, the best kept (bench/horizon: on two
    /// cores two searches cut the late and the distance at 1,000-2,500 visits).
    unsigned horizonThreads = 2;
    /// A van already out that takes on a same-day delivery calls at its depot to load it.
    int depotLoadSeconds = 15 * 60;
    std::uint64_t iterations = 300;
    std::uint64_t seed = 1;
};

/// A routing problem with the service's ids for its indices. Over several days, time runs on
/// from the first day's midnight (day d's times are d * kDaySeconds later) and every van is one
/// vehicle per day.
struct DispatchProblem {
    routing::Problem problem;
    std::vector<VisitId> visitIds;  ///< By job index.
    std::vector<VanId> vanIds;      ///< By vehicle index.
    std::string travelSource;       ///< Which travel times, for the plan (PlanTravel::source).
    std::vector<std::chrono::year_month_day> days;  ///< The days planned, in order.
    std::vector<std::size_t> vehicleDay;            ///< By vehicle index: its day's index.
    std::vector<std::size_t> vehicleVan;            ///< By vehicle index: its van's index.
};

inline constexpr double kDaySeconds = 24 * 3600;

/// A visit's allowed service starts, and its priority, in the problem's time.
using JobWindows = std::function<std::vector<routing::TimeWindow>(const store::VisitJob&)>;
using JobPriority = std::function<int(const store::VisitJob&)>;
/// Whether van `van` (index in the vans given) works on day `day` (index in the days given).
using VanOnDay = std::function<bool(std::size_t van, std::size_t day)>;

/// Builds the problem for `date`: one location per depot with a van and one per visit;
/// travel times on the road graph when the policy has one, else the great-circle estimate;
/// deliveries loaded at the depot that holds their stock and served only by its vans; collections
/// picked up on the way; two-person and lifting-engineer skills from the items; booked slots as
/// windows; overdue work first.
DispatchProblem buildProblem(std::chrono::year_month_day date,
                             const std::vector<store::VisitJob>& visits,
                             const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy);

/// The same over several days: every van on every day it works (`works` empty: every day), the
/// windows and priorities given.
DispatchProblem buildProblemOver(const std::vector<std::chrono::year_month_day>& days,
                                 const std::vector<store::VisitJob>& visits,
                                 const std::vector<store::VanCrew>& vans,
                                 const DispatchPolicy& policy, const JobWindows& windows,
                                 const JobPriority& priority, const VanOnDay& works = {});

/// The same on travel already worked out for these vans and for these visits or more (the
/// problem's matrix is `travel`'s, shared). Throws std::out_of_range for a visit or depot that
/// `travel` lacks.
DispatchProblem buildProblemOver(const DispatchTravel& travel,
                                 const std::vector<std::chrono::year_month_day>& days,
                                 const std::vector<store::VisitJob>& visits,
                                 const std::vector<store::VanCrew>& vans,
                                 const DispatchPolicy& policy, const JobWindows& windows,
                                 const JobPriority& priority, const VanOnDay& works = {});

/// The routes of the solution's vans on day `day` of the problem, in that day's local times.
std::vector<store::PlannedRoute> storedRoutes(const DispatchProblem& built,
                                              const routing::Solution& solution, std::size_t day);

/// Orders delivered by the routes move to scheduled ("planned for <date>").
void scheduleDeliveries(store::Connection& c, const std::vector<store::PlannedRoute>& routes,
                        const Actor& planner, Instant now, std::chrono::year_month_day date);

/// A visit's windows on `date` in seconds after midnight: its booked slot, and an emergency's
/// approval-to-due span on that day (none: any time).
std::vector<routing::TimeWindow> windowsOf(const store::VisitJob& visit,
                                           std::chrono::year_month_day date);
/// 3 for overdue work and emergencies, 2 for work due on `date`, 1 for work due later.
int priorityOf(const store::VisitJob& visit, std::chrono::year_month_day date);
/// An emergency whose due time is on `date` or already past: its last chance to be met.
bool lastChance(const store::VisitJob& visit, std::chrono::year_month_day date);
/// An emergency's due time in words ("2026-03-02 16:00").
std::string dueWords(const store::EmergencyDue& emergency);

/// The skills a visit needs (routing::kTwoPersonCrew, kLiftingEngineer).
routing::SkillSet skillsFor(const store::VisitJob& visit);

/// Books visits for work due by `date` that has none yet (deliveries within the look-ahead,
/// planned inspections); answers how many were created.
int bookDueVisits(store::Connection& c, std::chrono::year_month_day date,
                  const WorkingDayCalendar& calendar, const DispatchPolicy& policy, Instant now);
/// Books a visit for each planned inspection in a home due within the policy's look-ahead of
/// `date` that has none yet; answers how many (none the second time: it is idempotent).
int bookDueInspections(store::Connection& c, std::chrono::year_month_day date,
                       const DispatchPolicy& policy, Instant now);

/// Books, optimises and stores the plan for `date`, scheduling the orders it delivers.
/// Throws ValidationError("date") for a past date.
store::StoredPlan optimiseDay(store::Database& db, std::chrono::year_month_day date,
                              const Actor& planner, Instant now, const WorkingDayCalendar& calendar,
                              const DispatchPolicy& policy);

/// Kilograms of CO2 for a distance driven by a van emitting `gramsPerKm`.
double co2Kilograms(std::int64_t metres, int gramsPerKm);

/// What recording an outcome did.
struct OutcomeReceipt {
    VisitId visitId;
    VisitStatus status = VisitStatus::completed;  ///< completed or failed.
    std::optional<std::string> orderReference;
    std::optional<std::string> orderStatus;
    std::optional<VisitId> rescheduledVisitId;  ///< The new pending visit of a failure.
    std::optional<MessageId> messageId;         ///< The prescriber's notification.
    std::optional<TaskId> taskId;  ///< A failed emergency's "phone the prescriber" task.
};

/// Records a planned visit's outcome. Success: a delivery's order is delivered (loans start,
/// assets go on loan), a collection returns the asset, an inspection records the next due date,
/// a repair is logged. Failure (reason required; notes for "other"): the job goes back to
/// scheduling as a new pending visit for the next working day, a delivery's order becomes
/// failed_visit, and the prescriber is told the same day through the outbox.
OutcomeReceipt recordVisitOutcome(store::Connection& c, VisitId visitId, VisitOutcome outcome,
                                  std::optional<FailureReason> reason, const std::string& notes,
                                  const Actor& actor, Instant now,
                                  const WorkingDayCalendar& calendar,
                                  const MaintenancePolicy& maintenance);

/// Books a collection, repair or inspection visit for an asset in a home, due on `due` (and
/// in the slot [slotStart, slotEnd] seconds after midnight when given). NotFound for an
/// unknown barcode, Conflict("not_on_loan") when the asset is not in a home.
VisitId requestAssetVisit(store::Connection& c, VisitKind kind, const std::string& barcode,
                          std::chrono::year_month_day due, std::optional<int> slotStart,
                          std::optional<int> slotEnd, const std::string& notes, const Actor& actor,
                          Instant now);

/// "HH:MM" for seconds after midnight.
std::string clockTime(int secondsAfterMidnight);

/// Why visit `j` of `built` is left out, in the words a planner acts on: its stock's depot has no
/// van, no van has the skill, no suitable van's shift meets its booked slot, or no capacity is
/// left (on the day, or on any day before its due date in a horizon).
std::string whyLeftOut(const DispatchProblem& built, std::size_t j, const store::VisitJob& visit);

}  // namespace ces::warehouse
