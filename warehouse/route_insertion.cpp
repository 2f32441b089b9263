#include "warehouse/route_insertion.h"

#include <algorithm>
#include <tuple>

namespace ces::warehouse {

namespace {

struct Stop {
    std::size_t job;
    bool loadFirst;
};

double seconds(const routing::Problem& p, std::size_t from, std::size_t to) {
    return p.matrix().duration(from, to).value();
}

// Van space holds at every point: deliveries without a depot call of their own are loaded in
// the morning; a call at the depot unloads what was collected since and loads its delivery.
bool fitsVan(const routing::Problem& p, const routing::Vehicle& van,
             const std::vector<Stop>& stops) {
    routing::Load load = 0;
    for (const auto& stop : stops) {
        const auto& job = p.jobs()[stop.job];
        if (job.kind == routing::JobKind::delivery && !stop.loadFirst) load += job.demand;
    }
    if (load > van.capacity) return false;
    routing::Load collected = 0;
    for (const auto& stop : stops) {
        const auto& job = p.jobs()[stop.job];
        if (stop.loadFirst) {
            load += job.demand - collected;
            collected = 0;
            if (load > van.capacity) return false;
        }
        if (job.kind == routing::JobKind::delivery) {
            load -= job.demand;
        } else {
            load += job.demand;
            collected += job.demand;
            if (load > van.capacity) return false;
        }
    }
    return true;
}

double routeDistance(const routing::Problem& p, const routing::Vehicle& van,
                     const std::vector<Stop>& stops) {
    double distance = 0;
    std::size_t at = van.startLocation;
    for (const auto& stop : stops) {
        const std::size_t to = p.jobs()[stop.job].location;
        if (stop.loadFirst) {
            distance += p.matrix().distance(at, van.startLocation).value();
            at = van.startLocation;
        }
        distance += p.matrix().distance(at, to).value();
        at = to;
    }
    return distance + p.matrix().distance(at, van.endLocation).value();
}

// The times from the van's anchor on; none when a hard window or the shift's end is missed.
std::optional<InsertionChoice> timed(const routing::Problem& p, const RouteOnRoad& route,
                                     const std::vector<Stop>& stops, const InsertionRules& rules) {
    const auto& van = p.vehicles()[route.vehicle];
    if (!fitsVan(p, van, stops)) return std::nullopt;
    InsertionChoice choice;
    std::size_t at = route.anchorLocation;
    double t = route.anchorDeparture;
    for (std::size_t i = route.fixed; i < stops.size(); ++i) {
        const auto& job = p.jobs()[stops[i].job];
        if (stops[i].loadFirst) {
            t += seconds(p, at, van.startLocation) + rules.loadSeconds;
            at = van.startLocation;
        }
        const double arrival = t + seconds(p, at, job.location);
        const auto inWindow = serviceStart(job, arrival);
        double start = inWindow.value_or(arrival);
        if (!inWindow) {
            const bool soft =
                stops[i].job < rules.softWindows.size() && rules.softWindows[stops[i].job] != 0;
            if (!soft || !rules.allowBrokenSlots) return std::nullopt;
            ++choice.slotsBroken;
        }
        choice.arrival.push_back(arrival);
        choice.serviceStart.push_back(start);
        t = start + job.service.value();
        choice.departure.push_back(t);
        at = job.location;
    }
    choice.end = t + seconds(p, at, van.endLocation);
    if (choice.end > van.shift.end().value()) return std::nullopt;
    choice.distance = routeDistance(p, van, stops);
    return choice;
}

std::vector<Stop> stopsOf(const RouteOnRoad& route) {
    std::vector<Stop> stops;
    for (std::size_t i = 0; i < route.jobs.size(); ++i) {
        stops.push_back(
            {route.jobs[i], i < route.loadAtDepotFirst.size() && route.loadAtDepotFirst[i] != 0});
    }
    return stops;
}

auto rank(const InsertionChoice& c, bool soonest) {
    return std::make_tuple(c.slotsBroken, soonest ? c.start : c.addedDistance, c.start);
}

}  // namespace

std::optional<double> serviceStart(const routing::Job& job, double arrival) {
    for (const auto& window : job.windows) {
        if (window.end().value() >= arrival) return std::max(arrival, window.start().value());
    }
    return std::nullopt;
}

InsertionChoice currentTimes(const routing::Problem& problem, const RouteOnRoad& route,
                             const InsertionRules& rules) {
    InsertionRules lenient = rules;
    lenient.allowBrokenSlots = true;
    auto choice = timed(problem, route, stopsOf(route), lenient);
    return choice ? *choice : InsertionChoice{};
}

std::optional<InsertionChoice> bestInsertion(const routing::Problem& problem,
                                             const std::vector<RouteOnRoad>& routes,
                                             std::size_t job, const InsertionRules& rules) {
    const auto& added = problem.jobs()[job];
    const bool carried = added.kind == routing::JobKind::delivery && added.demand > 0;
    std::optional<InsertionChoice> best;
    for (std::size_t r = 0; r < routes.size(); ++r) {
        const auto& route = routes[r];
        if (!problem.canServe(route.vehicle, job)) continue;
        const auto stops = stopsOf(route);
        const double before = routeDistance(problem, problem.vehicles()[route.vehicle], stops);
        for (std::size_t position = route.fixed; position <= stops.size(); ++position) {
            auto with = stops;
            with.insert(with.begin() + static_cast<std::ptrdiff_t>(position),
                        Stop{job, carried && route.leftDepot});
            auto choice = timed(problem, route, with, rules);
            if (!choice) continue;
            choice->route = r;
            choice->position = position;
            choice->loadAtDepotFirst = with[position].loadFirst;
            choice->start = choice->serviceStart[position - route.fixed];
            choice->addedDistance = choice->distance - before;
            if (!best || rank(*choice, rules.soonest) < rank(*best, rules.soonest)) {
                best = std::move(choice);
            }
        }
    }
    return best;
}

}  // namespace ces::warehouse
