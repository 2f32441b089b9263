#include "warehouse/horizon.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "core/uk_time.h"
#include "routing/vrptw/checker.h"
#include "routing/vrptw/solve.h"
#include "warehouse/emergencies.h"
#include "warehouse/visit_reminders.h"

namespace ces::warehouse {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;
using Days = std::vector<year_month_day>;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::size_t indexOf(const Days& days, year_month_day date) {
    const auto found = std::find(days.begin(), days.end(), date);
    return found == days.end() ? kNone : static_cast<std::size_t>(found - days.begin());
}

// The last day of the horizon on or before `due`; kNone when `due` is before the first.
std::size_t lastDayBy(const Days& days, year_month_day due) {
    std::size_t last = kNone;
    for (std::size_t d = 0; d < days.size(); ++d) {
        if (days[d] <= due) last = d;
    }
    return last;
}

routing::TimeWindow shifted(const routing::TimeWindow& window, std::size_t day) {
    const double offset = kDaySeconds * static_cast<double>(day);
    return {routing::Time(window.start().value() + offset),
            routing::Time(window.end().value() + offset)};
}

// An emergency's spans from approval to its due time, day by day; overdue: the first day.
std::vector<routing::TimeWindow> emergencyWindows(const store::VisitJob& visit, const Days& days) {
    std::vector<routing::TimeWindow> windows;
    const auto approved = toUkLocal(visit.emergency->approvedAt).date;
    const auto due = toUkLocal(visit.emergency->dueBy).date;
    for (std::size_t d = 0; d < days.size(); ++d) {
        if (sys_days(days[d]) < sys_days(approved) || sys_days(days[d]) > sys_days(due)) continue;
        for (const auto& window : windowsOf(visit, days[d])) {
            // A span running to midnight stops a second short of it: the next day's starts there.
            const double end = std::min(window.end().value(), kDaySeconds - 1);
            if (window.start().value() > end) continue;
            windows.push_back(shifted(routing::TimeWindow(window.start(), routing::Time(end)), d));
        }
    }
    if (windows.empty()) windows.emplace_back(routing::Time(0), routing::Time(kDaySeconds - 1));
    return windows;
}

// Where in the horizon a visit may be served. A booked slot binds its day; otherwise any day up
// to its due date (overdue work: the first day), or, once `widened`, any day at all.
std::vector<routing::TimeWindow> horizonWindows(const store::VisitJob& visit, const Days& days,
                                                bool widened) {
    if (visit.slotStartSeconds && visit.slotEndSeconds) {
        const std::size_t day = indexOf(days, visit.dueDate);
        std::vector<routing::TimeWindow> windows;
        for (const auto& window : windowsOf(visit, days[day])) {
            windows.push_back(shifted(window, day));
        }
        return windows;
    }
    if (visit.emergency && !widened) return emergencyWindows(visit, days);
    std::size_t last = widened ? days.size() - 1 : lastDayBy(days, visit.dueDate);
    if (last == kNone) last = 0;
    return {routing::TimeWindow(routing::Time(0),
                                routing::Time(kDaySeconds * static_cast<double>(last + 1) - 1))};
}

int horizonPriority(const store::VisitJob& visit, const Days& days) {
    if (visit.emergency || visit.dueDate < days.front()) return 3;
    return visit.dueDate <= days.back() ? 2 : 1;
}

bool canWiden(const store::VisitJob& visit, const Days& days) {
    if (visit.slotStartSeconds && visit.slotEndSeconds) return false;
    const std::size_t last = lastDayBy(days, visit.dueDate);
    return visit.emergency || last == kNone || last + 1 < days.size();
}

using Clock = std::chrono::steady_clock;

// The time left before `deadline` (none once it has passed).
std::chrono::milliseconds until(Clock::time_point deadline) {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

struct Solved {
    DispatchProblem built;
    routing::Solution solution;
};

DispatchProblem buildJoint(const DispatchTravel& travel, const Days& days,
                           const std::vector<store::VisitJob>& visits,
                           const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy,
                           const std::vector<bool>& widened, const VanOnDay& works) {
    std::map<std::int64_t, bool> widen;
    for (std::size_t i = 0; i < visits.size(); ++i) widen[visits[i].id.value()] = widened[i];
    return buildProblemOver(
        travel, days, visits, vans, policy,
        [&](const store::VisitJob& visit) {
            return horizonWindows(visit, days, widen.at(visit.id.value()));
        },
        [&](const store::VisitJob& visit) { return horizonPriority(visit, days); }, works);
}

Solved solveFrom(DispatchProblem built, const DispatchPolicy& policy, Clock::time_point deadline,
                 const routing::Solution* start) {
    routing::SolveOptions options;
    options.timeLimit = until(deadline);
    // Unassigned work first, then distance with each van-day's cost: no separate phase that
    // only removes vans, which a week's many van-days would spend the time limit on.
    options.objective = routing::Objective::distance;
    options.iterations = policy.iterations;
    options.seed = policy.seed;
    options.start = start;
    options.threads = policy.horizonThreads;
    auto solved = routing::solve(built.problem, options);
    if (const auto broken = routing::check(built.problem, solved.solution); !broken.empty()) {
        throw std::logic_error("the solver returned an infeasible plan: " + broken.front());
    }
    return {std::move(built), std::move(solved.solution)};
}

// A horizon window's part on day `day`, in that day's own seconds; nullopt when it misses it.
std::optional<routing::TimeWindow> partOnDay(const routing::TimeWindow& window, std::size_t day) {
    const double from = kDaySeconds * static_cast<double>(day);
    const double start = std::max(window.start().value(), from);
    const double end = std::min(window.end().value(), from + kDaySeconds - 1);
    if (start > end) return std::nullopt;
    return routing::TimeWindow(routing::Time(start - from), routing::Time(end - from));
}

// Each day alone, the work that must go that day first: what may go on the day (by the joint
// problem's windows) and is not placed yet. Its routes, in the joint problem's vehicle and job
// indices, start the joint search, which then only accepts plans leaving out no more.
routing::Solution dayByDay(const DispatchTravel& travel, const Days& days,
                           const std::vector<store::VisitJob>& visits,
                           const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy,
                           const VanOnDay& works, const DispatchProblem& joint,
                           Clock::time_point deadline) {
    routing::Solution start;
    std::vector<bool> placed(visits.size(), false);
    std::map<std::int64_t, std::size_t> jobOf;
    for (std::size_t j = 0; j < visits.size(); ++j) jobOf[visits[j].id.value()] = j;
    const auto windowsOn = [&](std::size_t j, std::size_t day) {
        std::vector<routing::TimeWindow> windows;
        for (const auto& window : joint.problem.jobs()[j].windows) {
            if (const auto part = partOnDay(window, day)) windows.push_back(*part);
        }
        return windows;
    };
    for (std::size_t d = 0; d < days.size(); ++d) {
        std::vector<store::VisitJob> today;
        std::vector<std::size_t> index;
        for (std::size_t j = 0; j < visits.size(); ++j) {
            if (!placed[j] && !windowsOn(j, d).empty()) {
                today.push_back(visits[j]);
                index.push_back(j);
            }
        }
        if (today.empty()) continue;
        const auto built = buildProblemOver(
            travel, {days[d]}, today, vans, policy,
            [&](const store::VisitJob& v) { return windowsOn(jobOf.at(v.id.value()), d); },
            [&](const store::VisitJob& v) {
                const std::size_t last = lastDayBy(days, v.dueDate);
                return (last == kNone || last <= d) ? 3 : horizonPriority(v, days) - 1;
            },
            [&](std::size_t van, std::size_t) { return !works || works(van, d); });
        routing::SolveOptions options;
        options.timeLimit = until(deadline) / static_cast<long>(days.size() - d);
        options.objective = routing::Objective::distance;
        options.iterations = policy.iterations;
        options.seed = policy.seed;
        options.threads = policy.horizonThreads;
        const auto solved = routing::solve(built.problem, options);
        for (const auto& route : solved.solution.routes) {
            routing::Route mapped;
            for (std::size_t v = 0; v < joint.vehicleDay.size(); ++v) {
                if (joint.vehicleDay[v] == d &&
                    joint.vehicleVan[v] == built.vehicleVan[route.vehicle]) {
                    mapped.vehicle = v;
                }
            }
            for (const std::size_t j : route.jobs) {
                mapped.jobs.push_back(index[j]);
                placed[index[j]] = true;
            }
            start.routes.push_back(std::move(mapped));
        }
    }
    return start;
}

// The day each visit is planned on, by job index (kNone: left out).
std::vector<std::size_t> plannedDays(const DispatchProblem& built,
                                     const routing::Solution& solution) {
    std::vector<std::size_t> day(built.visitIds.size(), kNone);
    for (const auto& route : solution.routes) {
        for (const std::size_t j : route.jobs) day[j] = built.vehicleDay[route.vehicle];
    }
    return day;
}

// Emergencies the horizon cannot meet: left out on their last day, or planned after it.
void escalateMissed(store::Connection& c, const std::vector<store::VisitJob>& visits,
                    const DispatchProblem& built, const std::vector<std::size_t>& day,
                    const std::vector<LeftOutVisit>& leftOut, Instant now) {
    std::map<std::int64_t, std::string> reasons;
    for (const auto& out : leftOut) reasons[out.visit.value()] = out.reason;
    for (std::size_t j = 0; j < visits.size(); ++j) {
        const auto& visit = visits[j];
        if (!visit.emergency || !visit.order) continue;
        const auto due = toUkLocal(visit.emergency->dueBy).date;
        if (day[j] == kNone && lastChance(visit, built.days.front())) {
            escalateEmergency(c, *visit.order, *visit.orderReference, reasons[visit.id.value()],
                              now);
        } else if (day[j] != kNone && sys_days(built.days[day[j]]) > sys_days(due)) {
            escalateEmergency(c, *visit.order, *visit.orderReference,
                              "it was due by " + dueWords(*visit.emergency) +
                                  " and is planned for " + formatDate(built.days[day[j]]),
                              now);
        }
    }
}

}  // namespace

HorizonSolution solveHorizon(const std::vector<year_month_day>& days,
                             const std::vector<store::VisitJob>& visits,
                             const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy,
                             bool allowLate, const VanOnDay& works) {
    // First every visit by its due date, starting from each day planned alone; then the ones
    // that did not fit may go later. The time limit is shared between the three searches by the
    // clock, so building the problems counts too: the days alone take a fifth (they only give a
    // start), the whole horizon by due dates and the late pass share the rest.
    const auto started = Clock::now();
    const auto deadline = started + policy.horizonTimeLimit;
    std::vector<bool> widened(visits.size(), false);
    // One matrix for every problem below: the days alone and the horizon share the places.
    const auto travel = dispatchTravel(visits, vans, policy.roads.get(), policy.travel);
    auto joint = buildJoint(travel, days, visits, vans, policy, widened, works);
    const auto start = dayByDay(travel, days, visits, vans, policy, works, joint,
                                started + policy.horizonTimeLimit / 5);
    auto solved = solveFrom(std::move(joint), policy,
                            allowLate ? Clock::now() + until(deadline) / 2 : deadline, &start);
    bool widen = false;
    for (const auto& out : solved.solution.unassigned) {
        if (allowLate && canWiden(visits[out.job], days)) widened[out.job] = widen = true;
    }
    // The second search starts from the first's routes (still feasible: windows only widen).
    if (widen) {
        solved = solveFrom(buildJoint(travel, days, visits, vans, policy, widened, works), policy,
                           deadline, &solved.solution);
    }
    HorizonSolution result{std::move(solved.built), std::move(solved.solution), {}, {}, {}, {}};
    result.day = plannedDays(result.built, result.solution);
    for (std::size_t j = 0; j < visits.size(); ++j) {
        if (result.day[j] == kNone) {
            std::string reason = whyLeftOut(result.built, j, visits[j]);
            if (lastChance(visits[j], days.front())) {
                reason = "emergency due by " + dueWords(*visits[j].emergency) + ": " + reason;
            }
            result.leftOut.push_back({visits[j].id, reason});
        } else if (sys_days(days[result.day[j]]) > sys_days(visits[j].dueDate)) {
            result.late.push_back(
                {visits[j].id, visits[j].dueDate, days[result.day[j]],
                 lateReason(visits[j].dueDate, days[result.day[j]], days.front())});
        }
    }
    std::map<std::int64_t, int> co2Of;
    for (const auto& van : vans) co2Of[van.vanId.value()] = van.co2GramsPerKm;
    for (std::size_t d = 0; d < days.size(); ++d) {
        HorizonDay summary;
        summary.date = days[d];
        for (const auto& route : storedRoutes(result.built, result.solution, d)) {
            ++summary.vansUsed;
            summary.visits += static_cast<int>(route.stops.size());
            summary.distanceMetres += route.distanceMetres;
            summary.co2Kg += co2Kilograms(route.distanceMetres, co2Of[route.vanId.value()]);
        }
        result.days.push_back(summary);
    }
    return result;
}

std::string lateReason(year_month_day dueBy, year_month_day planned, year_month_day firstDay,
                       const std::function<std::string(year_month_day)>& date) {
    if (sys_days(dueBy) < sys_days(firstDay)) {
        return "overdue before " + date(firstDay) + ": planned on the soonest day with room";
    }
    return "no room by " + date(dueBy) + ": every suitable van is full until " + date(planned);
}

std::vector<year_month_day> horizonDays(year_month_day from, int days,
                                        const WorkingDayCalendar& calendar) {
    std::vector<year_month_day> working;
    year_month_day day = calendar.isWorkingDay(from) ? from : calendar.nextWorkingDay(from);
    for (int d = 0; d < days; ++d) {
        working.push_back(day);
        day = calendar.nextWorkingDay(day);
    }
    return working;
}

year_month_day horizonDueUntil(year_month_day lastDay, const WorkingDayCalendar& calendar,
                               const DispatchPolicy& policy) {
    return year_month_day(
        sys_days(calendar.addWorkingDays(lastDay, policy.deliveryLookAheadWorkingDays)) +
        std::chrono::days(policy.inspectionLookAheadDays));
}

HorizonWork loadHorizonWork(store::Database& db, year_month_day from, int days, Instant now,
                            const WorkingDayCalendar& calendar, const DispatchPolicy& policy,
                            DueWork due) {
    if (sys_days(from) < std::chrono::floor<std::chrono::days>(now)) {
        throw ValidationError("from", "a plan can only be made for today or a later day");
    }
    if (days < 1 || days > kMostHorizonDays) {
        throw ValidationError("days",
                              "days must be between 1 and " + std::to_string(kMostHorizonDays));
    }
    HorizonWork work;
    work.days = horizonDays(from, days, calendar);
    // A day a driver has started is kept as it is; only today can have begun.
    if (db.read([&](store::Connection& c) {
            return store::outcomesRecordedOn(c, work.days.front());
        })) {
        work.kept = work.days.front();
        work.days.erase(work.days.begin());
        if (work.days.empty()) work.days.push_back(calendar.nextWorkingDay(*work.kept));
    }
    const year_month_day last = work.days.back();
    const year_month_day until = horizonDueUntil(last, calendar, policy);
    const auto load = [&](store::Connection& c) {
        work.visits = store::visitsForHorizon(c, until, work.days.front(), last);
        work.vans = store::listVanCrews(c);
    };
    if (due == DueWork::book) {
        db.write(
            [&](store::Connection& c) { return bookDueVisits(c, last, calendar, policy, now); });
        db.read([&](store::Connection& c) {
            load(c);
            return 0;
        });
    } else {
        struct RollBack {};
        try {
            db.write([&](store::Connection& c) {
                bookDueVisits(c, last, calendar, policy, now);
                load(c);
                throw RollBack{};
            });
        } catch (const RollBack&) {
            // The due work as it would be booked, and nothing written.
        }
    }
    if (work.vans.empty()) throw Conflict("no_vans", "no van has a crew: add vans and crews first");
    return work;
}

HorizonPlan optimiseHorizon(store::Database& db, year_month_day from, int days,
                            const Actor& planner, Instant now, const WorkingDayCalendar& calendar,
                            const DispatchPolicy& policy) {
    const auto started = std::chrono::steady_clock::now();
    HorizonPlan plan;
    HorizonWork work = loadHorizonWork(db, from, days, now, calendar, policy);
    if (work.kept) {
        HorizonDay kept;
        kept.date = *work.kept;
        kept.kept = true;
        plan.days.push_back(kept);
    }
    const Days& horizon = work.days;
    const auto& visits = work.visits;
    const auto& vans = work.vans;
    HorizonSolution solution = solveHorizon(horizon, visits, vans, policy, true);
    plan.late = solution.late;
    plan.leftOut = solution.leftOut;
    const DispatchProblem& built = solution.built;
    const auto& day = solution.day;
    for (std::size_t d = 0; d < horizon.size(); ++d) plan.days.push_back(solution.days[d]);
    std::vector<std::vector<store::PlannedRoute>> routes;
    for (std::size_t d = 0; d < horizon.size(); ++d) {
        routes.push_back(storedRoutes(built, solution.solution, d));
    }
    plan.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
    std::vector<store::UnplacedVisit> unplaced;
    for (const auto& out : plan.leftOut) unplaced.push_back({out.visit, out.reason});
    db.write([&](store::Connection& c) {
        plan.run = store::insertPlanRun(
            c, {horizon.front(), static_cast<int>(horizon.size()), now, planner.id, plan.timeMs,
                static_cast<int>(plan.late.size()), static_cast<int>(plan.leftOut.size())});
        for (const auto& date : horizon) store::clearPlan(c, date);
        for (std::size_t d = 0; d < horizon.size(); ++d) {
            store::PlanHeader header;
            header.date = horizon[d];
            header.optimisedAt = now;
            header.travelSource = built.travelSource;
            header.vansUsed = static_cast<int>(routes[d].size());
            for (const auto& route : routes[d]) header.distanceMetres += route.distanceMetres;
            header.unassigned = d == 0 ? static_cast<int>(unplaced.size()) : 0;
            header.runId = plan.run;
            store::savePlan(c, header, routes[d],
                            d == 0 ? unplaced : std::vector<store::UnplacedVisit>{});
            scheduleDeliveries(c, routes[d], planner, now, horizon[d]);
            queueVisitReminders(c, routes[d], horizon[d], now);
        }
        escalateMissed(c, visits, built, day, plan.leftOut, now);
        store::audit(c, planner.id, "plan.optimise_horizon", "plan_run",
                     std::to_string(plan.run.value()), now,
                     formatDate(horizon.front()) + " for " + std::to_string(horizon.size()) +
                         " days: " + std::to_string(plan.late.size()) + " late, " +
                         std::to_string(plan.leftOut.size()) + " left out");
        return 0;
    });
    return plan;
}

}  // namespace ces::warehouse
