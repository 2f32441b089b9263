#include "warehouse/same_day_insert.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.h"
#include "core/store/dispatch/delivery_slots.h"
#include "core/store/dispatch/route_changes.h"
#include "core/store/dispatch/van_progress.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/orders/order_access.h"
#include "core/uk_time.h"
#include "warehouse/live_arrivals.h"
#include "warehouse/route_insertion.h"
#include "warehouse/visit_reminders.h"

namespace ces::warehouse {

namespace {

using std::chrono::year_month_day;

bool done(const store::VisitJob& visit) {
    return visit.status == VisitStatus::completed || visit.status == VisitStatus::failed;
}

int whole(double seconds) { return static_cast<int>(std::lround(seconds)); }

// The day as stored, with the visit to put in last among the jobs.
struct DayOnRoad {
    store::StoredPlan plan;
    std::vector<store::VisitJob> visits;      ///< By job index; the new visit last.
    std::vector<std::size_t> routeOfVehicle;  ///< Index into plan.routes, or npos.
    std::optional<DispatchProblem> built;
    std::vector<RouteOnRoad> routes;  ///< One per vehicle.
};

// Where the van is and when it can go on: after its recorded stops (at the time each was
// recorded) and the one it is driving to now, never earlier than now on the day itself.
RouteOnRoad onRoad(const DispatchProblem& built, std::size_t vehicle,
                   const store::StoredPlan::Route* stored, std::size_t firstJob,
                   const std::map<VisitId, Instant>& recorded, std::optional<double> nowSeconds,
                   double loadSeconds) {
    const auto& problem = built.problem;
    const auto& van = problem.vehicles()[vehicle];
    RouteOnRoad route;
    route.vehicle = vehicle;
    route.anchorLocation = van.startLocation;
    double t = stored ? stored->route.startSeconds : van.shift.start().value();
    if (stored) {
        for (std::size_t s = 0; s < stored->route.stops.size(); ++s) {
            route.jobs.push_back(firstJob + s);
            route.loadAtDepotFirst.push_back(stored->route.stops[s].loadAtDepotFirst ? 1 : 0);
            if (done(stored->visits[s])) route.fixed = s + 1;
        }
        for (std::size_t s = 0; s < route.fixed; ++s) {
            const auto at = recorded.find(stored->route.stops[s].visitId);
            t = at != recorded.end() ? toUkLocal(at->second).timeOfDay.count()
                                     : stored->route.stops[s].departureSeconds;
            route.anchorLocation = problem.jobs()[route.jobs[s]].location;
        }
    }
    if (nowSeconds) {
        const double leftAt = stored ? stored->route.startSeconds : van.shift.start().value();
        route.leftDepot = stored && *nowSeconds >= leftAt;
        if (route.fixed < route.jobs.size() && route.leftDepot) {
            const auto& next = problem.jobs()[route.jobs[route.fixed]];
            if (route.loadAtDepotFirst[route.fixed] != 0) {
                t += problem.matrix().duration(route.anchorLocation, van.startLocation).value() +
                     loadSeconds;
                route.anchorLocation = van.startLocation;
            }
            const double arrival =
                t + problem.matrix().duration(route.anchorLocation, next.location).value();
            t = serviceStart(next, arrival).value_or(arrival) + next.service.value();
            route.anchorLocation = next.location;
            ++route.fixed;
        }
        // A van still at its depot loads before it goes.
        t = std::max(t, *nowSeconds + (stored ? 0 : loadSeconds));
    }
    route.anchorDeparture = t;
    return route;
}

// The stored plan of `date` and the visit to add, as one routing problem with each van's state.
DayOnRoad dayOnRoad(store::Database& db, year_month_day date, VisitId visitId, Instant now,
                    const DispatchPolicy& policy) {
    DayOnRoad day;
    std::map<VisitId, Instant> recorded;
    std::vector<store::VanCrew> vans;
    store::VisitJob visit;
    db.read([&](store::Connection& c) {
        auto plan = store::loadPlan(c, date);
        if (!plan) {
            throw Conflict("no_plan", "there is no plan for " + formatDate(date) +
                                          ": plan the day before putting visits into it");
        }
        auto found = store::findVisit(c, visitId);
        if (!found) throw NotFound("visit " + std::to_string(visitId.value()) + " not found");
        if (found->status != VisitStatus::pending) {
            throw Conflict("visit_not_pending",
                           "visit " + std::to_string(visitId.value()) + " is " +
                               std::string(toString(found->status)) +
                               ": only a pending visit can be put into a day's routes");
        }
        day.plan = std::move(*plan);
        visit = std::move(*found);
        recorded = store::outcomeTimes(c, date);
        vans = store::listVanCrews(c);
    });
    for (const auto& route : day.plan.routes) {
        const bool listed = std::any_of(vans.begin(), vans.end(), [&](const store::VanCrew& v) {
            return v.vanId == route.van.vanId;
        });
        if (!listed) vans.push_back(route.van);  // switched off since, but out on the road today
    }
    std::vector<std::size_t> firstJobOfRoute;
    for (const auto& route : day.plan.routes) {
        firstJobOfRoute.push_back(day.visits.size());
        day.visits.insert(day.visits.end(), route.visits.begin(), route.visits.end());
    }
    day.visits.push_back(visit);
    day.built.emplace(buildProblem(date, day.visits, vans, policy));

    const auto local = toUkLocal(now);
    const std::optional<double> nowSeconds =
        local.date == date ? std::optional<double>(local.timeOfDay.count()) : std::nullopt;
    for (std::size_t v = 0; v < day.built->vanIds.size(); ++v) {
        std::size_t r = 0;
        while (r < day.plan.routes.size() &&
               day.plan.routes[r].route.vanId != day.built->vanIds[v]) {
            ++r;
        }
        const bool has = r < day.plan.routes.size();
        day.routeOfVehicle.push_back(has ? r : std::numeric_limits<std::size_t>::max());
        day.routes.push_back(onRoad(*day.built, v, has ? &day.plan.routes[r] : nullptr,
                                    has ? firstJobOfRoute[r] : 0, recorded, nowSeconds,
                                    policy.depotLoadSeconds));
    }
    return day;
}

// Why no van can take the visit: the binding reason, never a generic "no room".
std::string whyNot(const DayOnRoad& day, std::size_t job) {
    const auto& problem = day.built->problem;
    bool anyVan = false;
    for (std::size_t v = 0; v < problem.vehicles().size(); ++v) {
        anyVan = anyVan || problem.canServe(v, job);
    }
    const auto& visit = day.visits[job];
    if (!anyVan) {
        return visit.kind == VisitKind::delivery
                   ? "no van at the depot holding its stock has the crew it needs"
                   : "no van has the crew it needs";
    }
    if (visit.emergency) {
        return "no van can reach it before it is due at " + dueWords(*visit.emergency) +
               " and still finish its shift";
    }
    return "no van has time left in its shift, or room in the van, for it that day";
}

}  // namespace

namespace {

// The chosen route as it will be stored: fixed stops as they were, the rest at their new times.
store::PlannedRoute newRoute(const DayOnRoad& day, const RouteOnRoad& route,
                             const InsertionChoice& choice, std::size_t newJob) {
    const std::size_t r = day.routeOfVehicle[route.vehicle];
    const auto* stored = r < day.plan.routes.size() ? &day.plan.routes[r] : nullptr;
    store::PlannedRoute planned;
    planned.vanId = day.built->vanIds[route.vehicle];
    planned.distanceMetres = std::llround(choice.distance);
    planned.startSeconds =
        stored ? stored->route.startSeconds
               : whole(day.built->problem.vehicles()[route.vehicle].shift.start().value());
    planned.endSeconds = whole(choice.end);
    for (std::size_t s = 0; s < route.fixed; ++s) planned.stops.push_back(stored->route.stops[s]);
    std::size_t next = route.fixed;  // the old route's next stop
    for (std::size_t i = 0; i < choice.arrival.size(); ++i) {
        const bool added = route.fixed + i == choice.position;
        const std::size_t job = added ? newJob : route.jobs[next];
        const bool loadFirst = added ? choice.loadAtDepotFirst : route.loadAtDepotFirst[next] != 0;
        if (!added) ++next;
        planned.stops.push_back({day.built->visitIds[job], whole(choice.arrival[i]),
                                 whole(choice.serviceStart[i]), whole(choice.departure[i]),
                                 loadFirst});
    }
    return planned;
}

// Residents further along the route whose arrival window the change moves.
std::vector<MovedVisit> movedVisits(const DayOnRoad& day, const RouteOnRoad& route,
                                    const store::PlannedRoute& planned, VisitId added) {
    const std::size_t r = day.routeOfVehicle[route.vehicle];
    if (r >= day.plan.routes.size()) return {};
    const auto& stored = day.plan.routes[r];
    std::vector<MovedVisit> moved;
    for (std::size_t s = route.fixed; s < stored.route.stops.size(); ++s) {
        const auto& visit = stored.visits[s];
        const auto now = std::find_if(planned.stops.begin(), planned.stops.end(),
                                      [&](const store::PlannedStop& p) {
                                          return p.visitId == stored.route.stops[s].visitId;
                                      });
        if (now == planned.stops.end() || now->visitId == added) continue;
        const auto before = residentArrivalWindow(visit, stored.route.stops[s].startSeconds);
        const auto after = residentArrivalWindow(visit, now->startSeconds);
        if (before.startSeconds == after.startSeconds && before.endSeconds == after.endSeconds) {
            continue;
        }
        const bool outOfSlot = visit.slotStartSeconds && visit.slotEndSeconds &&
                               (now->startSeconds < *visit.slotStartSeconds ||
                                now->startSeconds > *visit.slotEndSeconds);
        moved.push_back({visit.id, visit.residentName, before, after, outOfSlot});
    }
    return moved;
}

std::vector<VisitId> stopIds(const std::vector<store::PlannedStop>& stops) {
    std::vector<VisitId> ids;
    for (const auto& stop : stops) ids.push_back(stop.visitId);
    return ids;
}

}  // namespace

SameDayInsertion insertIntoDay(store::Database& db, year_month_day date, VisitId visitId,
                               bool confirm, const Actor& planner, Instant now,
                               const DispatchPolicy& policy) {
    if (std::chrono::sys_days(date) < std::chrono::sys_days(toUkLocal(now).date)) {
        throw ValidationError("date", "visits can only be put into today's or a later day's plan");
    }
    const DayOnRoad day = dayOnRoad(db, date, visitId, now, policy);
    const std::size_t job = day.visits.size() - 1;
    InsertionRules rules;
    rules.softWindows.resize(day.visits.size(), 0);
    for (std::size_t j = 0; j < job; ++j) {
        rules.softWindows[j] = day.visits[j].slotStartSeconds.has_value() ? 1 : 0;
    }
    rules.soonest = day.visits[job].emergency.has_value();
    rules.loadSeconds = policy.depotLoadSeconds;
    auto choice = bestInsertion(day.built->problem, day.routes, job, rules);
    if (!choice) {
        rules.allowBrokenSlots = true;
        choice = bestInsertion(day.built->problem, day.routes, job, rules);
    }
    if (!choice) {
        throw Conflict("no_van_can_take_it", "visit " + std::to_string(visitId.value()) +
                                                 " cannot go on " + formatDate(date) + ": " +
                                                 whyNot(day, job));
    }
    const RouteOnRoad& route = day.routes[choice->route];
    const auto planned = newRoute(day, route, *choice, job);
    const auto& stop = planned.stops[choice->position];

    SameDayInsertion answer;
    answer.visit = visitId;
    answer.van = planned.vanId;
    for (const auto& route : day.plan.routes) {
        if (route.van.vanId == answer.van) answer.vanCode = route.van.code;
    }
    if (answer.vanCode.empty()) answer.vanCode = day.built->problem.vehicles()[route.vehicle].id;
    answer.position = static_cast<int>(choice->position) + 1;
    answer.fixedStops = static_cast<int>(route.fixed);
    answer.loadAtDepotFirst = choice->loadAtDepotFirst;
    answer.arrivalSeconds = stop.startSeconds;
    answer.window = residentArrivalWindow(day.visits[job], stop.startSeconds);
    const auto current = currentTimes(day.built->problem, route, rules);
    answer.addedMetres = std::llround(choice->distance - current.distance);
    answer.moved = movedVisits(day, route, planned, visitId);
    answer.slotsBroken = static_cast<int>(std::count_if(
        answer.moved.begin(), answer.moved.end(), [](const MovedVisit& m) { return m.outOfSlot; }));
    if (answer.slotsBroken > 0 && !confirm) return answer;

    const std::size_t r = day.routeOfVehicle[route.vehicle];
    const auto before = r < day.plan.routes.size() ? stopIds(day.plan.routes[r].route.stops)
                                                   : std::vector<VisitId>{};
    db.write([&](store::Connection& c) {
        const auto plan = store::loadPlan(c, date);
        std::vector<VisitId> stored;
        for (const auto& route : plan ? plan->routes : std::vector<store::StoredPlan::Route>{}) {
            if (route.route.vanId == planned.vanId) stored = stopIds(route.route.stops);
        }
        if (!plan || stored != before) {
            throw Conflict("plan_changed",
                           "van " + answer.vanCode + "'s route changed meanwhile: try again");
        }
        const auto running = store::vanDays(c, date);
        const auto was = running.find(planned.vanId);
        store::replaceRoute(c, date, planned);
        scheduleDeliveries(c, {planned}, planner, now, date);
        retellChangedRoute(c, date, planned,
                           was == running.end() ? std::vector<store::RunningStop>{} : was->second,
                           now);
        store::PlannedRoute inserted;
        inserted.vanId = planned.vanId;
        inserted.stops = {stop};
        queueVisitReminders(c, {inserted}, date, now);
        store::audit(c, planner.id, "plan.insert", "visit", std::to_string(visitId.value()), now,
                     formatDate(date) + " van " + answer.vanCode + " stop " +
                         std::to_string(answer.position) + ", " +
                         std::to_string(answer.moved.size()) + " residents' windows moved, " +
                         std::to_string(answer.slotsBroken) + " out of their slot");
        return 0;
    });
    answer.applied = true;
    return answer;
}

VisitId deliveryVisitOf(store::Database& db, const std::string& reference, Instant now) {
    return db.write([&](store::Connection& c) {
        const auto order = store::findOrderRow(c, reference);
        if (auto open = store::openDeliveryVisit(c, order.id)) return open->id;
        if (!canBookDeliverySlot(order.status)) {
            throw Conflict("not_deliverable", "order " + reference + " is " +
                                                  std::string(toString(order.status)) +
                                                  ": it is not waiting for a delivery");
        }
        const auto prospect = store::prospectiveDeliveryVisit(c, order.id);
        if (!prospect) {
            throw Conflict("not_deliverable", "no depot serves order " + reference);
        }
        return store::createVisit(c,
                                  {.order = order.id,
                                   .resident = prospect->resident,
                                   .depot = prospect->depot,
                                   .dueDate = year_month_day(std::chrono::floor<std::chrono::days>(
                                       order.dueBy ? *order.dueBy : now))},
                                  now);
    });
}

}  // namespace ces::warehouse
