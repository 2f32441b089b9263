#include "routing/vrptw/route_state.h"

#include <algorithm>

namespace ces::routing {

// These two run inside every insertion test: a conditional, not std::max/std::min, whose
// reference to a temporary Time made GCC 12 copy the optional through memory (twice as slow).
std::optional<Time> earliestStartAfter(const Job& job, Time arrival) {
    for (const TimeWindow& w : job.windows) {
        if (arrival <= w.end()) {
            return arrival < w.start() ? w.start() : arrival;
        }
    }
    return std::nullopt;
}

std::optional<Time> latestStartBefore(const Job& job, Time bound) {
    for (auto w = job.windows.rbegin(); w != job.windows.rend(); ++w) {
        if (w->start() <= bound) {
            return w->end() < bound ? w->end() : bound;
        }
    }
    return std::nullopt;
}

RouteState::RouteState(const Problem& problem, std::size_t vehicle) : vehicle(vehicle) {
    refresh(problem);
}

RouteState::RouteState(const Problem& problem, std::size_t vehicle, std::vector<std::size_t> jobs)
    : vehicle(vehicle), jobs(std::move(jobs)) {
    refresh(problem);
}

void RouteState::refresh(const Problem& problem) {
    const Vehicle& v = problem.vehicles()[vehicle];
    const Matrix& m = problem.matrix();
    const auto& all = problem.jobs();
    const std::size_t n = jobs.size();
    nodes_.resize(n + 2);
    feasible_ = true;
    distance_ = Distance();

    nodes_[0].location = v.startLocation;
    for (std::size_t k = 0; k < n; ++k) {
        nodes_[k + 1].location = all[jobs[k]].location;
    }
    nodes_[n + 1].location = v.endLocation;

    // Forward: earliest departures, loads.
    Load load = 0;
    for (std::size_t j : jobs) {
        if (all[j].kind == JobKind::delivery) {
            load += all[j].demand;
        }
    }
    nodes_[0].departure = v.shift.start();
    nodes_[0].load = load;
    for (std::size_t k = 1; k <= n; ++k) {
        const Job& job = all[jobs[k - 1]];
        const std::size_t from = nodes_[k - 1].location;
        const std::size_t to = nodes_[k].location;
        distance_ += m.distance(from, to);
        const Time arrival = nodes_[k - 1].departure + m.duration(from, to);
        const std::optional<Time> start = earliestStartAfter(job, arrival);
        if (!start) {
            feasible_ = false;
        }
        nodes_[k].departure = start.value_or(arrival) + job.service;
        load += job.kind == JobKind::pickup ? job.demand : -job.demand;
        nodes_[k].load = load;
    }
    distance_ += m.distance(nodes_[n].location, nodes_[n + 1].location);
    if (n == 0) {
        distance_ = Distance();  // an unused vehicle does not drive
    }
    const Time back = nodes_[n].departure + m.duration(nodes_[n].location, nodes_[n + 1].location);
    if (back > v.shift.end()) {
        feasible_ = false;
    }

    // Backward: latest starts, least time to the end.
    nodes_[n + 1].latest = v.shift.end();
    nodes_[n + 1].rest = Time();
    for (std::size_t k = n; k >= 1; --k) {
        const Job& job = all[jobs[k - 1]];
        const Time onward = m.duration(nodes_[k].location, nodes_[k + 1].location);
        nodes_[k].rest = job.service + onward + nodes_[k + 1].rest;
        const Time bound = nodes_[k + 1].latest - onward - job.service - kRoundingMargin;
        const std::optional<Time> latest = latestStartBefore(job, bound);
        nodes_[k].latest = latest.value_or(-kNoTimeLimit);
    }

    // Load peaks.
    Load peak = 0;
    for (std::size_t k = 0; k <= n; ++k) {
        peak = std::max(peak, nodes_[k].load);
        nodes_[k].peakBefore = peak;
    }
    peak = 0;
    for (std::size_t k = n + 1; k-- > 0;) {
        peak = std::max(peak, nodes_[k].load);
        nodes_[k].peakAfter = peak;
    }
    if (nodes_[0].peakAfter > v.capacity) {
        feasible_ = false;
    }
}

void RouteState::insert(const Problem& problem, std::size_t position, std::size_t job) {
    jobs.insert(jobs.begin() + static_cast<std::ptrdiff_t>(position), job);
    refresh(problem);
}

std::optional<Distance> RouteState::insertionCost(const Problem& problem, const Job& job,
                                                  std::size_t after) const {
    const Node& prev = nodes_[after];
    const Node& next = nodes_[after + 1];
    const Load capacity = problem.vehicles()[vehicle].capacity;
    if (job.kind == JobKind::delivery ? prev.peakBefore + job.demand > capacity
                                      : prev.peakAfter + job.demand > capacity) {
        return std::nullopt;
    }
    const Matrix& m = problem.matrix();
    const Time arrival = prev.departure + m.duration(prev.location, job.location);
    const std::optional<Time> start = earliestStartAfter(job, arrival);
    if (!start) {
        return std::nullopt;
    }
    if (*start + job.service + m.duration(job.location, next.location) > next.latest) {
        return std::nullopt;
    }
    return m.distance(prev.location, job.location) + m.distance(job.location, next.location) -
           (jobs.empty() ? Distance() : m.distance(prev.location, next.location));
}

}  // namespace ces::routing
