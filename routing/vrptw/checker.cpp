#include "routing/vrptw/checker.h"

namespace ces::routing {

namespace {

bool withinSomeWindow(const Job& job, Time start, Time tolerance) {
    for (const TimeWindow& w : job.windows) {
        if (start >= w.start() - tolerance && start <= w.end() + tolerance) {
            return true;
        }
    }
    return false;
}

void checkRoute(const Problem& problem, const Route& route, Time tolerance,
                std::vector<std::string>& errors) {
    const Vehicle& vehicle = problem.vehicles()[route.vehicle];
    const std::string where = "vehicle " + std::to_string(route.vehicle) + ": ";
    Load load = startLoad(problem, route);
    if (load > vehicle.capacity) {
        errors.push_back(where + "deliveries exceed capacity at the depot");
    }
    const std::vector<Stop> stops = schedule(problem, route);
    for (const Stop& stop : stops) {
        const Job& job = problem.jobs()[stop.job];
        const std::string at = where + "job " + std::to_string(stop.job) + ": ";
        if (!problem.canServe(route.vehicle, stop.job)) {
            errors.push_back(at + "vehicle lacks a required skill or is not allowed");
        }
        if (!withinSomeWindow(job, stop.start, tolerance)) {
            errors.push_back(at + "service starts outside its time windows");
        }
        if (stop.loadAfter > vehicle.capacity) {
            errors.push_back(at + "load over capacity after the visit");
        }
    }
    const Matrix& m = problem.matrix();
    const Time leave = stops.empty() ? vehicle.shift.start() : stops.back().departure;
    const std::size_t last =
        stops.empty() ? vehicle.startLocation : problem.jobs()[stops.back().job].location;
    const Time back = leave + m.duration(last, vehicle.endLocation);
    if (back > vehicle.shift.end() + tolerance) {
        errors.push_back(where + "returns to the depot after the shift ends");
    }
}

}  // namespace

std::vector<std::string> check(const Problem& problem, const Solution& solution, Time tolerance) {
    std::vector<std::string> errors;
    std::vector<int> seen(problem.jobs().size(), 0);
    std::vector<int> used(problem.vehicles().size(), 0);
    for (const Route& route : solution.routes) {
        if (route.vehicle >= problem.vehicles().size()) {
            errors.push_back("route uses an unknown vehicle");
            continue;
        }
        if (++used[route.vehicle] > 1) {
            errors.push_back("vehicle " + std::to_string(route.vehicle) + " used twice");
        }
        bool indicesOk = true;
        for (std::size_t j : route.jobs) {
            if (j >= seen.size()) {
                errors.push_back("route visits an unknown job");
                indicesOk = false;
            } else {
                ++seen[j];
            }
        }
        if (indicesOk) {
            checkRoute(problem, route, tolerance, errors);
        }
    }
    for (const UnassignedJob& u : solution.unassigned) {
        if (u.job >= seen.size()) {
            errors.push_back("unknown job reported unassigned");
        } else {
            ++seen[u.job];
        }
    }
    for (std::size_t j = 0; j < seen.size(); ++j) {
        if (seen[j] != 1) {
            errors.push_back("job " + std::to_string(j) + " appears " + std::to_string(seen[j]) +
                             " times");
        }
    }
    return errors;
}

}  // namespace ces::routing
