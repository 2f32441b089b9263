#include "warehouse/dispatch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "core/store/infrastructure/audit.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/recalls.h"
#include "core/uk_time.h"
#include "routing/vrptw/checker.h"
#include "routing/vrptw/solve.h"
#include "warehouse/emergencies.h"
#include "warehouse/live_arrivals.h"
#include "warehouse/order_delivery.h"
#include "warehouse/recall_replacements.h"
#include "warehouse/recalls.h"
#include "warehouse/recycling.h"
#include "warehouse/specials.h"
#include "warehouse/visit_reminders.h"

namespace ces::warehouse {

namespace {

using std::chrono::year_month_day;

int serviceSeconds(const store::VisitJob& visit, const DispatchPolicy& policy) {
    if (visit.kind == VisitKind::inspection) return policy.inspectionSeconds;
    if (visit.kind == VisitKind::repair) return policy.repairSeconds;
    int seconds = policy.baseServiceSeconds;
    for (const auto& item : visit.items) {
        seconds += policy.perLineSeconds;
        if (visit.kind == VisitKind::delivery && item.needsFitting) {
            seconds += policy.fittingSeconds * static_cast<int>(item.quantity);
        }
    }
    return seconds;
}

// A recall's swap carries its replacement out and the affected unit back in the same space.
routing::Load demandOf(const store::VisitJob& visit) {
    const bool carries =
        visit.kind == VisitKind::delivery || visit.kind == VisitKind::collection || visit.swapsUnit;
    if (!carries) return 0;
    routing::Load load = 0;
    for (const auto& item : visit.items) load += item.vanSpace * item.quantity;
    return load;
}

}  // namespace

int priorityOf(const store::VisitJob& visit, year_month_day date) {
    if (visit.dueDate < date || visit.emergency) return 3;
    if (visit.dueDate == date) return 2;
    return 1;
}

namespace {

// The UTC date of an instant (an order's due time names the day it is due).
year_month_day dateOf(Instant instant) {
    return year_month_day(std::chrono::floor<std::chrono::days>(instant));
}

}  // namespace

// An emergency's due time is on `date` or already past: its last chance to be met.
bool lastChance(const store::VisitJob& visit, year_month_day date) {
    using std::chrono::sys_days;
    return visit.emergency && sys_days(toUkLocal(visit.emergency->dueBy).date) <= sys_days(date);
}

std::string dueWords(const store::EmergencyDue& emergency) {
    const UkLocalTime due = toUkLocal(emergency.dueBy);
    return formatDate(due.date) + " " + clockTime(static_cast<int>(due.timeOfDay.count()));
}

// An emergency is served between its approval and its due time, never later: on the plan's day
// a hard window (seconds after local midnight), narrowed to its booked slot where they meet. One
// already overdue keeps only its slot and goes first as late work.
std::vector<routing::TimeWindow> windowsOf(const store::VisitJob& visit, year_month_day date) {
    using routing::Time;
    using std::chrono::sys_days;
    std::vector<routing::TimeWindow> windows;
    if (visit.slotStartSeconds && visit.slotEndSeconds) {
        windows.emplace_back(Time(*visit.slotStartSeconds), Time(*visit.slotEndSeconds));
    }
    if (!visit.emergency) return windows;
    const UkLocalTime approved = toUkLocal(visit.emergency->approvedAt);
    const UkLocalTime due = toUkLocal(visit.emergency->dueBy);
    if (sys_days(due.date) < sys_days(date)) return windows;
    constexpr double kDay = 24 * 3600;
    const double start = sys_days(approved.date) < sys_days(date) ? 0
                         : approved.date == date ? static_cast<double>(approved.timeOfDay.count())
                                                 : kDay;
    const double end = due.date == date ? static_cast<double>(due.timeOfDay.count()) : kDay;
    if (!windows.empty() && windows.front().start().value() <= end &&
        start <= windows.front().end().value()) {
        return {routing::TimeWindow(Time(std::max(start, windows.front().start().value())),
                                    Time(std::min(end, windows.front().end().value())))};
    }
    return {routing::TimeWindow(Time(start), Time(end))};
}

std::string clockTime(int secondsAfterMidnight) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", secondsAfterMidnight / 3600,
                  secondsAfterMidnight / 60 % 60);
    return buffer;
}

double co2Kilograms(std::int64_t metres, int gramsPerKm) {
    return static_cast<double>(metres) / 1000.0 * gramsPerKm / 1000.0;
}

routing::SkillSet skillsFor(const store::VisitJob& visit) {
    routing::SkillSet skills = 0;
    for (const auto& item : visit.items) {
        if (item.twoPerson && visit.kind != VisitKind::inspection) {
            skills |= routing::kTwoPersonCrew;
        }
        const bool lifting = item.maintenance.skill == MaintenanceSkill::lifting_engineer;
        if (lifting && (visit.kind == VisitKind::inspection || visit.kind == VisitKind::repair ||
                        (visit.kind == VisitKind::delivery && item.needsFitting))) {
            skills |= routing::kLiftingEngineer;
        }
    }
    return skills;
}

namespace {

// The problem on `travel`, visit i at location `locations[i]`.
DispatchProblem problemOn(const DispatchTravel& travel, const std::vector<std::size_t>& locations,
                          const std::vector<year_month_day>& days,
                          const std::vector<store::VisitJob>& visits,
                          const std::vector<store::VanCrew>& vans, const DispatchPolicy& policy,
                          const JobWindows& windows, const JobPriority& priority,
                          const VanOnDay& works) {
    std::vector<VanId> vanIds;
    std::vector<std::size_t> vehicleDay;
    std::vector<std::size_t> vehicleVan;
    std::vector<routing::Vehicle> vehicles;
    for (std::size_t day = 0; day < days.size(); ++day) {
        const double offset = kDaySeconds * static_cast<double>(day);
        for (std::size_t index = 0; index < vans.size(); ++index) {
            if (works && !works(index, day)) continue;
            const auto& van = vans[index];
            routing::Vehicle v;
            v.id = days.size() == 1 ? van.code : van.code + "@" + formatDate(days[day]);
            v.startLocation = v.endLocation = travel.depotLocation.at(van.depot.value());
            v.shift = routing::TimeWindow(routing::Time(offset + van.shiftStartSeconds),
                                          routing::Time(offset + van.shiftEndSeconds));
            v.capacity = van.capacity;
            if (days.size() > 1) v.fixedCost = routing::Distance(policy.horizonVanCostMetres);
            v.skills = (van.people >= 2 ? routing::kTwoPersonCrew : 0U) |
                       (van.liftingEngineer ? routing::kLiftingEngineer : 0U);
            vehicles.push_back(std::move(v));
            vanIds.push_back(van.vanId);
            vehicleDay.push_back(day);
            vehicleVan.push_back(index);
        }
    }
    std::vector<routing::Job> jobs;
    std::vector<VisitId> visitIds;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const auto& visit = visits[i];
        routing::Job job;
        job.id = std::to_string(visit.id.value());
        job.location = locations[i];
        job.kind = visit.kind == VisitKind::collection ? routing::JobKind::pickup
                                                       : routing::JobKind::delivery;
        job.demand = demandOf(visit);
        job.service = routing::Time(serviceSeconds(visit, policy));
        job.windows = windows(visit);
        job.skills = skillsFor(visit);
        job.priority = priority(visit);
        if (visit.kind == VisitKind::delivery) {
            for (std::size_t v = 0; v < vehicles.size(); ++v) {
                if (vans[vehicleVan[v]].depot == visit.depot) job.allowedVehicles.push_back(v);
            }
        }
        jobs.push_back(std::move(job));
        visitIds.push_back(visit.id);
    }
    return {routing::Problem(travel.matrix, std::move(jobs), std::move(vehicles)),
            std::move(visitIds),
            std::move(vanIds),
            travel.source,
            days,
            std::move(vehicleDay),
            std::move(vehicleVan)};
}

}  // namespace

DispatchProblem buildProblem(year_month_day date, const std::vector<store::VisitJob>& visits,
                             const std::vector<store::VanCrew>& vans,
                             const DispatchPolicy& policy) {
    return buildProblemOver(
        {date}, visits, vans, policy,
        [&](const store::VisitJob& visit) { return windowsOf(visit, date); },
        [&](const store::VisitJob& visit) { return priorityOf(visit, date); });
}

DispatchProblem buildProblemOver(const std::vector<year_month_day>& days,
                                 const std::vector<store::VisitJob>& visits,
                                 const std::vector<store::VanCrew>& vans,
                                 const DispatchPolicy& policy, const JobWindows& windows,
                                 const JobPriority& priority, const VanOnDay& works) {
    const auto travel = dispatchTravel(visits, vans, policy.roads.get(), policy.travel);
    // Each visit its own location, in order after the depots, whatever its id.
    std::vector<std::size_t> locations;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        locations.push_back(travel.depotLocation.size() + i);
    }
    return problemOn(travel, locations, days, visits, vans, policy, windows, priority, works);
}

DispatchProblem buildProblemOver(const DispatchTravel& travel,
                                 const std::vector<year_month_day>& days,
                                 const std::vector<store::VisitJob>& visits,
                                 const std::vector<store::VanCrew>& vans,
                                 const DispatchPolicy& policy, const JobWindows& windows,
                                 const JobPriority& priority, const VanOnDay& works) {
    std::vector<std::size_t> locations;
    for (const auto& visit : visits) locations.push_back(travel.visitLocation.at(visit.id.value()));
    return problemOn(travel, locations, days, visits, vans, policy, windows, priority, works);
}

std::vector<store::PlannedRoute> storedRoutes(const DispatchProblem& built,
                                              const routing::Solution& solution, std::size_t day) {
    const double offset = kDaySeconds * static_cast<double>(day);
    const auto local = [&](routing::Time t) { return static_cast<int>(t.value() - offset); };
    std::vector<store::PlannedRoute> routes;
    for (const auto& route : solution.routes) {
        if (built.vehicleDay[route.vehicle] != day) continue;
        const auto& vehicle = built.problem.vehicles()[route.vehicle];
        store::PlannedRoute stored;
        stored.vanId = built.vanIds[route.vehicle];
        stored.distanceMetres = std::llround(routing::routeDistance(built.problem, route).value());
        stored.startSeconds = local(vehicle.shift.start());
        const auto stops = routing::schedule(built.problem, route);
        for (const auto& stop : stops) {
            stored.stops.push_back({built.visitIds[stop.job], local(stop.arrival),
                                    local(stop.start), local(stop.departure)});
        }
        const std::size_t last = built.problem.jobs()[route.jobs.back()].location;
        stored.endSeconds = local(stops.back().departure +
                                  built.problem.matrix().duration(last, vehicle.endLocation));
        routes.push_back(std::move(stored));
    }
    return routes;
}

int bookDueVisits(store::Connection& c, year_month_day date, const WorkingDayCalendar& calendar,
                  const DispatchPolicy& policy, Instant now) {
    using namespace std::chrono;
    const year_month_day lastDelivery =
        calendar.addWorkingDays(date, policy.deliveryLookAheadWorkingDays);
    const Instant deliveryUntil = sys_days(lastDelivery) + days(1) - seconds(1);
    int booked = 0;
    for (const auto& due : store::deliveriesWithoutVisit(c, deliveryUntil)) {
        store::createVisit(c,
                           {.order = due.order,
                            .resident = due.resident,
                            .depot = due.depot,
                            .dueDate = dateOf(due.dueBy)},
                           now);
        ++booked;
    }
    return booked + bookDueInspections(c, date, policy, now);
}

int bookDueInspections(store::Connection& c, year_month_day date, const DispatchPolicy& policy,
                       Instant now) {
    using namespace std::chrono;
    const Instant inspectionUntil =
        sys_days(date) + days(policy.inspectionLookAheadDays + 1) - seconds(1);
    int booked = 0;
    for (const auto& due : store::inspectionsWithoutVisit(c, inspectionUntil)) {
        store::NewVisit visit;
        visit.kind = VisitKind::inspection;
        visit.assetId = due.assetId;
        visit.resident = due.resident;
        visit.depot = due.depot;
        visit.dueDate = dateOf(due.due);
        visit.notes = "planned inspection";
        store::createVisit(c, visit, now);
        ++booked;
    }
    return booked;
}

namespace {

std::string skillWords(routing::SkillSet skills) {
    std::string words;
    if (skills & routing::kTwoPersonCrew) words = "a two-person crew";
    if (skills & routing::kLiftingEngineer) {
        words += (words.empty() ? "" : " and ") + std::string("a lifting engineer");
    }
    return words;
}

}  // namespace

std::string whyLeftOut(const DispatchProblem& built, std::size_t j, const store::VisitJob& visit) {
    const auto& job = built.problem.jobs()[j];
    const auto& vehicles = built.problem.vehicles();
    bool skilled = false;
    bool allowed = false;
    bool slotFits = false;
    for (std::size_t v = 0; v < vehicles.size(); ++v) {
        const bool hasSkills = (vehicles[v].skills & job.skills) == job.skills;
        const bool isAllowed = job.allowedVehicles.empty() ||
                               std::find(job.allowedVehicles.begin(), job.allowedVehicles.end(),
                                         v) != job.allowedVehicles.end();
        skilled = skilled || hasSkills;
        allowed = allowed || isAllowed;
        for (const auto& window : job.windows) {
            slotFits =
                slotFits || (hasSkills && isAllowed && window.start() <= vehicles[v].shift.end() &&
                             vehicles[v].shift.start() <= window.end());
        }
    }
    if (!allowed) return "stock not in the depot: no van works from the depot holding its stock";
    if (!skilled) return "no van with the skill: it needs " + skillWords(job.skills);
    const bool booked = visit.slotStartSeconds && visit.slotEndSeconds;
    if (booked && !slotFits) {
        return "no slot-compatible van: no suitable van's shift meets the booked slot " +
               clockTime(*visit.slotStartSeconds) + "-" + clockTime(*visit.slotEndSeconds);
    }
    if (!slotFits) return "no van with the skill works from the depot holding its stock";
    if (booked) return "no capacity left on " + formatDate(visit.dueDate) + " in the booked slot";
    if (built.days.size() == 1) {
        return "no capacity left on " + formatDate(built.days.front()) +
               ": every suitable van's time or space is taken";
    }
    if (visit.dueDate <= built.days.back()) {
        return "no capacity left on any day before the due date " + formatDate(visit.dueDate) +
               " or after it in the horizon";
    }
    return "no capacity left on any day of the horizon";
}

namespace {

// The visits left out, with why; an emergency on its last day says it cannot be met.
std::vector<store::UnplacedVisit> unplacedVisits(const std::vector<store::VisitJob>& visits,
                                                 const DispatchProblem& built,
                                                 const routing::Solution& solution,
                                                 year_month_day date) {
    std::vector<store::UnplacedVisit> unplaced;
    for (const auto& job : solution.unassigned) {
        const auto& visit = visits[job.job];
        const std::string why = whyLeftOut(built, job.job, visit);
        unplaced.push_back(
            {built.visitIds[job.job], lastChance(visit, date)
                                          ? "emergency due by " + dueWords(*visit.emergency) +
                                                ": no van can reach it in time (" + why + ")"
                                          : why});
    }
    return unplaced;
}

// Emergencies the plan cannot meet: left out on the day they are due, or already overdue.
void escalateMissedEmergencies(store::Connection& c, const std::vector<store::VisitJob>& visits,
                               const routing::Solution& solution,
                               const std::vector<store::UnplacedVisit>& unplaced,
                               year_month_day date, Instant now) {
    for (std::size_t u = 0; u < solution.unassigned.size(); ++u) {
        const auto& visit = visits[solution.unassigned[u].job];
        if (lastChance(visit, date) && visit.order) {
            escalateEmergency(c, *visit.order, *visit.orderReference, unplaced[u].reason, now);
        }
    }
    for (const auto& route : solution.routes) {
        for (const std::size_t j : route.jobs) {
            const auto& visit = visits[j];
            if (!lastChance(visit, date) || !visit.order ||
                toUkLocal(visit.emergency->dueBy).date == date) {
                continue;
            }
            escalateEmergency(c, *visit.order, *visit.orderReference,
                              "it was due by " + dueWords(*visit.emergency) +
                                  " and is planned for " + formatDate(date),
                              now);
        }
    }
}

}  // namespace

store::StoredPlan optimiseDay(store::Database& db, year_month_day date, const Actor& planner,
                              Instant now, const WorkingDayCalendar& calendar,
                              const DispatchPolicy& policy) {
    using namespace std::chrono;
    if (sys_days(date) < floor<days>(now)) {
        throw ValidationError("date", "a plan can only be made for today or a later day");
    }
    const std::string day = formatDate(date);
    db.write([&](store::Connection& c) { return bookDueVisits(c, date, calendar, policy, now); });
    const year_month_day until(
        sys_days(calendar.addWorkingDays(date, policy.deliveryLookAheadWorkingDays)) +
        days(policy.inspectionLookAheadDays));
    auto [visits, vans] = db.read([&](store::Connection& c) {
        return std::make_pair(store::visitsToPlan(c, until, date), store::listVanCrews(c));
    });
    if (vans.empty()) throw Conflict("no_vans", "no van has a crew: add vans and crews first");

    const DispatchProblem built = buildProblem(date, visits, vans, policy);
    routing::SolveOptions options;
    options.timeLimit = policy.timeLimit;
    options.iterations = policy.iterations;
    options.seed = policy.seed;
    const auto solved = routing::solve(built.problem, options);
    if (const auto broken = routing::check(built.problem, solved.solution); !broken.empty()) {
        throw std::logic_error("the solver returned an infeasible plan: " + broken.front());
    }

    store::PlanHeader header;
    header.date = date;
    header.optimisedAt = now;
    header.travelSource = built.travelSource;
    header.unassigned = static_cast<int>(solved.solution.unassigned.size());
    const auto routes = storedRoutes(built, solved.solution, 0);
    for (const auto& route : routes) header.distanceMetres += route.distanceMetres;
    header.vansUsed = static_cast<int>(routes.size());
    const auto unplaced = unplacedVisits(visits, built, solved.solution, date);
    return db.write([&](store::Connection& c) {
        store::savePlan(c, header, routes, unplaced);
        escalateMissedEmergencies(c, visits, solved.solution, unplaced, date, now);
        scheduleDeliveries(c, routes, planner, now, date);
        queueVisitReminders(c, routes, date, now);
        store::audit(c, planner.id, "plan.optimise", "plan", day, now,
                     std::to_string(routes.size()) + " vans, " + std::to_string(unplaced.size()) +
                         " unassigned");
        return *store::loadPlan(c, date);
    });
}

void scheduleDeliveries(store::Connection& c, const std::vector<store::PlannedRoute>& routes,
                        const Actor& planner, Instant now, year_month_day date) {
    const std::string note = "planned for " + formatDate(date);
    for (const auto& route : routes) {
        for (const auto& stop : route.stops) {
            const auto visit = store::findVisit(c, stop.visitId);
            if (!visit || visit->kind != VisitKind::delivery || !visit->orderReference) continue;
            const auto order = store::findOrderRow(c, *visit->orderReference);
            if (order.status == OrderStatus::allocated ||
                order.status == OrderStatus::failed_visit) {
                warehouse::progressOrder(c, order.reference, OrderStatus::scheduled, planner, now,
                                         note);
            }
        }
    }
}

namespace {

// Moves the visit's order on to `to` (through out_for_delivery from scheduled); answers the
// order's new status.
std::string progressOrderOf(store::Connection& c, const store::VisitJob& visit, OrderStatus to,
                            const std::string& note, const Actor& actor, Instant now) {
    auto order = store::findOrderRow(c, *visit.orderReference);
    if (order.status == OrderStatus::scheduled) {
        warehouse::progressOrder(c, order.reference, OrderStatus::out_for_delivery, actor, now, "");
    }
    return std::string(
        toString(warehouse::progressOrder(c, order.reference, to, actor, now, note).status));
}

// What a visit done moves on: the order delivered, the asset returned, inspected or repaired.
void applyDone(store::Connection& c, const store::VisitJob& visit, VisitOutcome outcome,
               const std::string& notes, const Actor& actor, Instant now,
               const MaintenancePolicy& maintenance, OutcomeReceipt& receipt) {
    switch (visit.kind) {
        case VisitKind::delivery:
            if (visit.orderReference) {
                receipt.orderStatus = progressOrderOf(
                    c, visit, OrderStatus::delivered,
                    std::string(toString(outcome)) + (notes.empty() ? "" : ": " + notes), actor,
                    now);
                deliverSpecials(c, *visit.order, actor, now);
            }
            break;
        case VisitKind::collection:
            if (visit.barcode) {
                returnAsset(c, *visit.barcode, "", "collected by van; " + notes, actor, now);
            }
            break;
        case VisitKind::inspection:
            if (visit.barcode) {
                inspectAsset(c, *visit.barcode, InspectionResult::pass, notes, maintenance, actor,
                             now);
            }
            break;
        case VisitKind::repair:
            if (exchangeRecallUnits(c, visit.id, visit.depot, actor, now) > 0) break;
            if (visit.assetId) {
                store::recordAssetEvent(c, *visit.assetId, AssetStep::repair_in_home, actor.id, now,
                                        notes);
            }
            break;
    }
    resolveRecallVisit(c, visit.id, visit.kind, now);
}

// The prescriber of the visit's order (or of the order the asset came from) hears of a failed
// visit the same day; answers the message, if there is someone to tell.
std::optional<MessageId> tellPrescriber(store::Connection& c, const store::VisitJob& visit,
                                        FailureReason reason, const std::string& notes,
                                        year_month_day again, Instant now) {
    const auto order = store::orderOfVisit(c, visit);
    if (!order) return std::nullopt;
    const auto contact = store::orderContact(c, *order);
    if (!contact) return std::nullopt;
    const std::string kind(toString(visit.kind));
    store::OutboxMessage message;
    message.recipientUser = contact->prescriber;
    message.recipient = contact->mailbox();
    const std::string what = visit.orderReference ? "order " + *visit.orderReference
                                                  : "asset " + visit.barcode.value_or("");
    message.subject = "The " + kind + " visit for " + what + " failed today";
    message.body = "Our crew could not complete the " + kind + " visit for " + what + " at " +
                   visit.postcode + ": " + std::string(describe(reason)) + "." +
                   (notes.empty() ? "" : " Driver's notes: " + notes) +
                   " The visit has gone back to scheduling for " + formatDate(again) +
                   " or the next free slot.";
    message.entity = "visit";
    message.entityId = std::to_string(visit.id.value());
    return store::queueMessage(c, message, now);
}

// The resident (or their carer) hears that we could not come, and that we will be back.
void tellResidentOfFailure(store::Connection& c, const store::VisitJob& visit, year_month_day again,
                           Instant now) {
    const auto order = store::orderOfVisit(c, visit);
    if (!order) return;
    store::messageResident(c, *order,
                           {.kind = store::message_kind::visitFailed,
                            .entity = "visit",
                            .entityId = std::to_string(visit.id.value()),
                            .fields = {{"date", formatDate(again)}},
                            .flags = {std::string("is_") + std::string(toString(visit.kind))}},
                           now);
}

// A failed visit goes back to scheduling as a new pending visit for the next working day, a
// delivery's order becomes failed_visit, and the prescriber hears the same day.
void applyFailed(store::Connection& c, const store::VisitJob& visit, FailureReason reason,
                 const std::string& notes, const Actor& actor, Instant now,
                 const WorkingDayCalendar& calendar, OutcomeReceipt& receipt) {
    if (visit.kind == VisitKind::delivery && visit.orderReference) {
        receipt.orderStatus =
            progressOrderOf(c, visit, OrderStatus::failed_visit,
                            "failed: " + std::string(toString(reason)), actor, now);
    }
    store::NewVisit again;
    again.kind = visit.kind;
    again.order = visit.order;
    again.assetId = visit.assetId;
    again.resident = visit.resident;
    again.depot = visit.depot;
    again.dueDate = calendar.nextWorkingDay(dateOf(now));
    again.notes = "rescheduled after failed visit " + std::to_string(visit.id.value());
    receipt.rescheduledVisitId = store::createVisit(c, again, now);
    store::carryRecallUnits(c, visit.id, *receipt.rescheduledVisitId);
    receipt.messageId = tellPrescriber(c, visit, reason, notes, again.dueDate, now);
    tellResidentOfFailure(c, visit, again.dueDate, now);
    if (visit.emergency && visit.order) {
        // The failure message above is the e-mail follow-up; the planner phones as well.
        if (const auto contact = store::orderContact(c, *visit.order)) {
            receipt.taskId = store::raisePrescriberTask(
                c, *visit.order, contact->prescriber,
                "the emergency delivery visit failed: " + std::string(describe(reason)), now);
        }
    }
}

}  // namespace

OutcomeReceipt recordVisitOutcome(store::Connection& c, VisitId visitId, VisitOutcome outcome,
                                  std::optional<FailureReason> reason, const std::string& notes,
                                  const Actor& actor, Instant now,
                                  const WorkingDayCalendar& calendar,
                                  const MaintenancePolicy& maintenance) {
    if (notes.size() > 2000) throw ValidationError("notes", "at most 2000 characters");
    const auto visit = store::findVisit(c, visitId);
    if (!visit) throw NotFound("no visit has the id " + std::to_string(visitId.value()));
    validateOutcome(visit->kind, outcome, reason, notes);
    store::completeVisit(c, visitId, outcome, reason, notes, actor.id, now);
    OutcomeReceipt receipt;
    receipt.visitId = visitId;
    receipt.orderReference = visit->orderReference;
    const std::string id = std::to_string(visitId.value());
    updateLaterArrivals(c, visitId, now);
    if (outcome != VisitOutcome::failed) {
        applyDone(c, *visit, outcome, notes, actor, now, maintenance, receipt);
        store::audit(c, actor.id, "visit." + std::string(toString(outcome)), "visit", id, now,
                     notes);
        return receipt;
    }
    receipt.status = VisitStatus::failed;
    applyFailed(c, *visit, *reason, notes, actor, now, calendar, receipt);
    store::audit(c, actor.id, "visit.failed", "visit", id, now,
                 std::string(toString(*reason)) + (notes.empty() ? "" : ": " + notes));
    return receipt;
}

VisitId requestAssetVisit(store::Connection& c, VisitKind kind, const std::string& barcode,
                          year_month_day due, std::optional<int> slotStart,
                          std::optional<int> slotEnd, const std::string& notes, const Actor& actor,
                          Instant now) {
    if (kind == VisitKind::delivery) {
        throw ValidationError("kind", "deliveries are booked from their orders");
    }
    if (slotStart.has_value() != slotEnd.has_value() ||
        (slotStart && (*slotStart < 0 || *slotEnd > 24 * 3600 || *slotStart >= *slotEnd))) {
        throw ValidationError("slot_start", "a slot needs a start before its end within the day");
    }
    if (notes.size() > 2000) throw ValidationError("notes", "at most 2000 characters");
    const auto asset = store::findAsset(c, barcode);
    if (!asset) throw NotFound("no asset has the barcode " + barcode);
    if (asset->state != AssetState::on_loan || !asset->resident) {
        throw Conflict("not_on_loan", "asset " + barcode + " is " +
                                          std::string(toString(asset->state)) + ", not in a home");
    }
    store::NewVisit visit;
    visit.kind = kind;
    visit.assetId = asset->id;
    visit.resident = *asset->resident;
    visit.depot = asset->depot;
    visit.dueDate = due;
    visit.slotStartSeconds = slotStart;
    visit.slotEndSeconds = slotEnd;
    visit.notes = notes;
    const auto id = store::createVisit(c, visit, now);
    store::audit(c, actor.id, "visit.request", "visit", std::to_string(id.value()), now,
                 std::string(toString(kind)) + " " + barcode);
    return id;
}

}  // namespace ces::warehouse
