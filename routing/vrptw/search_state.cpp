#include "routing/vrptw/search_state.h"

#include <algorithm>
#include <numeric>

namespace ces::routing {

SearchContext::SearchContext(const Problem& problem, Objective objective)
    : problem(problem), objective(objective) {
    const auto& jobs = problem.jobs();
    const auto& vehicles = problem.vehicles();
    const Matrix& m = problem.matrix();
    const std::size_t n = jobs.size();

    Load deliveries = 0;
    Load pickups = 0;
    Load biggestVan = 0;
    for (const Vehicle& v : vehicles) {
        biggestVan = std::max(biggestVan, v.capacity);
    }
    for (std::size_t j = 0; j < n; ++j) {
        bool alone = false;
        for (std::size_t v = 0; v < vehicles.size() && !alone; ++v) {
            alone = problem.canServe(v, j) && soloRouteCost(problem, v, j).has_value();
        }
        if (alone) {
            routable.push_back(j);
            (jobs[j].kind == JobKind::delivery ? deliveries : pickups) += jobs[j].demand;
        }
    }
    if (biggestVan > 0) {
        const Load most = std::max(deliveries, pickups);
        vehicleLowerBound = static_cast<std::size_t>((most + biggestVan - 1) / biggestVan);
    }
    vehicleLowerBound = std::max<std::size_t>(vehicleLowerBound, routable.empty() ? 0 : 1);

    depotDistance.assign(n, kInfiniteDistance);
    lastEnd.assign(n, Time());
    for (std::size_t j = 0; j < n; ++j) {
        for (const Vehicle& v : vehicles) {
            depotDistance[j] =
                std::min(depotDistance[j], m.distance(v.startLocation, jobs[j].location));
        }
        lastEnd[j] = jobs[j].windows.back().end();
    }

    neighbours.assign(n, {});
    nearOf.assign(n, {});
    std::vector<std::uint32_t> list;
    list.reserve(routable.size());
    for (std::size_t j : routable) {
        list.clear();
        for (std::size_t k : routable) {
            list.push_back(static_cast<std::uint32_t>(k));
        }
        const std::size_t from = jobs[j].location;
        const auto nearer = [&](std::uint32_t a, std::uint32_t b) {
            if (a == j || b == j) {
                return a == j && b != j;
            }
            const Distance da = m.distance(from, jobs[a].location);
            const Distance db = m.distance(from, jobs[b].location);
            return da != db ? da < db : a < b;
        };
        // Searches look only a little way down a list: the head is enough, and whole lists of a
        // week of 2,500 jobs took a second to sort and 25 MB to hold.
        const auto head =
            list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), kSortedNeighbours));
        std::nth_element(list.begin(), head - 1, list.end(), nearer);
        std::sort(list.begin(), head, nearer);
        neighbours[j].assign(list.begin(), head);
        const std::size_t near = std::min(neighbours[j].size(), kNearJobs + 1);
        for (std::size_t k = 1; k < near; ++k) {
            nearOf[neighbours[j][k]].push_back(static_cast<std::uint32_t>(j));
        }
    }
}

Cost SearchState::cost(const SearchContext& context) const {
    Cost cost;
    const auto& jobs = context.problem.jobs();
    for (std::size_t j : unassigned) {
        cost.unassigned += jobs[j].priority + 1;
    }
    for (const RouteState& route : routes) {
        cost.distance += route.distance() + context.problem.vehicles()[route.vehicle].fixedCost;
    }
    if (context.objective == Objective::vehiclesThenDistance) {
        cost.vehicles = routes.size();
    }
    return cost;
}

std::size_t SearchState::routedJobs() const {
    std::size_t count = 0;
    for (const RouteState& route : routes) {
        count += route.size();
    }
    return count;
}

std::optional<Distance> soloRouteCost(const Problem& problem, std::size_t vehicle,
                                      std::size_t job) {
    const Vehicle& v = problem.vehicles()[vehicle];
    const Job& j = problem.jobs()[job];
    if (j.demand > v.capacity) {
        return std::nullopt;
    }
    const Matrix& m = problem.matrix();
    const std::optional<Time> start =
        earliestStartAfter(j, v.shift.start() + m.duration(v.startLocation, j.location));
    if (!start || *start + j.service + m.duration(j.location, v.endLocation) > v.shift.end()) {
        return std::nullopt;
    }
    return m.distance(v.startLocation, j.location) + m.distance(j.location, v.endLocation) +
           v.fixedCost;
}

std::string unassignedReason(const Problem& problem, std::size_t job, bool routable) {
    if (routable) {
        return "no room left in any route (vans, capacity or time)";
    }
    bool skilled = false;
    bool roomy = false;
    for (std::size_t v = 0; v < problem.vehicles().size(); ++v) {
        if (!problem.canServe(v, job)) {
            continue;
        }
        skilled = true;
        roomy = roomy || problem.jobs()[job].demand <= problem.vehicles()[v].capacity;
    }
    if (!skilled) {
        return "no vehicle has the required skills or is allowed";
    }
    if (!roomy) {
        return "demand exceeds the capacity of every suitable vehicle";
    }
    return "no suitable vehicle can reach it within its time windows and shift";
}

Solution toSolution(const SearchContext& context, const SearchState& state) {
    Solution solution;
    for (const RouteState& route : state.routes) {
        if (!route.jobs.empty()) {
            solution.routes.push_back(Route{route.vehicle, route.jobs});
        }
    }
    std::vector<char> routable(context.problem.jobs().size(), 0);
    for (std::size_t j : context.routable) {
        routable[j] = 1;
    }
    for (std::size_t j = 0; j < routable.size(); ++j) {
        if (routable[j] == 0) {
            solution.unassigned.push_back({j, unassignedReason(context.problem, j, false)});
        }
    }
    for (std::size_t j : state.unassigned) {
        solution.unassigned.push_back({j, unassignedReason(context.problem, j, true)});
    }
    std::sort(solution.unassigned.begin(), solution.unassigned.end(),
              [](const UnassignedJob& a, const UnassignedJob& b) { return a.job < b.job; });
    return solution;
}

}  // namespace ces::routing
