#include "routing/vrptw/solution.h"

#include <algorithm>

namespace ces::routing {

namespace {

/// Earliest service start at or after `arrival` in the job's windows; arrival itself when late.
Time earliestStart(const Job& job, Time arrival) {
    for (const TimeWindow& w : job.windows) {
        if (arrival <= w.end()) {
            return std::max(arrival, w.start());
        }
    }
    return arrival;
}

}  // namespace

Load startLoad(const Problem& problem, const Route& route) {
    Load load = 0;
    for (std::size_t j : route.jobs) {
        const Job& job = problem.jobs()[j];
        if (job.kind == JobKind::delivery) {
            load += job.demand;
        }
    }
    return load;
}

std::vector<Stop> schedule(const Problem& problem, const Route& route) {
    const Vehicle& vehicle = problem.vehicles()[route.vehicle];
    const Matrix& m = problem.matrix();
    std::vector<Stop> stops;
    stops.reserve(route.jobs.size());
    Time time = vehicle.shift.start();
    std::size_t here = vehicle.startLocation;
    Load load = startLoad(problem, route);
    for (std::size_t j : route.jobs) {
        const Job& job = problem.jobs()[j];
        Stop stop;
        stop.job = j;
        stop.arrival = time + m.duration(here, job.location);
        stop.start = earliestStart(job, stop.arrival);
        stop.departure = stop.start + job.service;
        load += job.kind == JobKind::pickup ? job.demand : -job.demand;
        stop.loadAfter = load;
        stops.push_back(stop);
        time = stop.departure;
        here = job.location;
    }
    return stops;
}

Distance routeDistance(const Problem& problem, const Route& route) {
    const Vehicle& vehicle = problem.vehicles()[route.vehicle];
    const Matrix& m = problem.matrix();
    Distance total{};
    std::size_t here = vehicle.startLocation;
    for (std::size_t j : route.jobs) {
        total += m.distance(here, problem.jobs()[j].location);
        here = problem.jobs()[j].location;
    }
    return total + m.distance(here, vehicle.endLocation);
}

Distance totalDistance(const Problem& problem, const Solution& solution) {
    Distance total{};
    for (const Route& route : solution.routes) {
        total += routeDistance(problem, route);
    }
    return total;
}

}  // namespace ces::routing
