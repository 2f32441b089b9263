#include "routing/vrptw/local_search.h"

#include <algorithm>

namespace ces::routing {

namespace {

/// Smallest gain worth a move; below it rounding could make the descent cycle.
constexpr Distance kMinGain(1e-9);

bool servesAll(const Problem& problem, std::size_t vehicle, const std::vector<std::size_t>& jobs) {
    return std::all_of(jobs.begin(), jobs.end(),
                       [&](std::size_t j) { return problem.canServe(vehicle, j); });
}

/// Fixed cost of a vehicle if its route is non-empty.
Distance fixedIfUsed(const Problem& problem, const RouteState& route) {
    return route.jobs.empty() ? Distance() : problem.vehicles()[route.vehicle].fixedCost;
}

/// Tries every tail exchange between routes a and b; applies the first improving feasible one.
bool tryTwoOptStar(RouteState& a, RouteState& b, const Problem& problem) {
    const Matrix& m = problem.matrix();
    const auto& na = a.nodes();
    const auto& nb = b.nodes();
    const std::size_t endA = problem.vehicles()[a.vehicle].endLocation;
    const std::size_t endB = problem.vehicles()[b.vehicle].endLocation;
    for (std::size_t i = 0; i <= a.size(); ++i) {
        for (std::size_t k = 0; k <= b.size(); ++k) {
            if (i == a.size() && k == b.size()) {
                continue;
            }
            if (i == 0 && k == 0) {
                continue;  // a plain swap of whole routes between vehicles
            }
            // A' = a[..i] + b[k+1..] (to a's end), B' = b[..k] + a[i+1..] (to b's end).
            const std::size_t afterA = k < b.size() ? nb[k + 1].location : endA;
            const std::size_t afterB = i < a.size() ? na[i + 1].location : endB;
            const Distance before = m.distance(na[i].location, na[i + 1].location) +
                                    m.distance(nb[k].location, nb[k + 1].location);
            const Distance after =
                m.distance(na[i].location, afterA) + m.distance(nb[k].location, afterB);
            if (after >= before - kMinGain) {
                continue;
            }
            // Quick time test when the tail is reached from a new place but keeps its deadline.
            if (k < b.size() && endA == endB &&
                na[i].departure + m.duration(na[i].location, afterA) > nb[k + 1].latest &&
                problem.vehicles()[a.vehicle].shift == problem.vehicles()[b.vehicle].shift) {
                continue;
            }
            std::vector<std::size_t> jobsA(a.jobs.begin(), a.jobs.begin() + static_cast<long>(i));
            jobsA.insert(jobsA.end(), b.jobs.begin() + static_cast<long>(k), b.jobs.end());
            std::vector<std::size_t> jobsB(b.jobs.begin(), b.jobs.begin() + static_cast<long>(k));
            jobsB.insert(jobsB.end(), a.jobs.begin() + static_cast<long>(i), a.jobs.end());
            if (!servesAll(problem, a.vehicle, jobsA) || !servesAll(problem, b.vehicle, jobsB)) {
                continue;
            }
            RouteState newA(problem, a.vehicle, std::move(jobsA));
            RouteState newB(problem, b.vehicle, std::move(jobsB));
            if (!newA.feasible() || !newB.feasible()) {
                continue;
            }
            const Distance oldCost =
                a.distance() + b.distance() + fixedIfUsed(problem, a) + fixedIfUsed(problem, b);
            const Distance newCost = newA.distance() + newB.distance() +
                                     fixedIfUsed(problem, newA) + fixedIfUsed(problem, newB);
            if (newCost < oldCost - kMinGain) {
                a = std::move(newA);
                b = std::move(newB);
                return true;
            }
        }
    }
    return false;
}

/// Moves one job of `from` to its best position in `to` when that lowers the cost.
bool tryRelocate(RouteState& from, RouteState& to, const Problem& problem) {
    const Matrix& m = problem.matrix();
    const auto& nf = from.nodes();
    for (std::size_t pos = 1; pos <= from.size(); ++pos) {
        const std::size_t j = from.jobs[pos - 1];
        if (!problem.canServe(to.vehicle, j)) {
            continue;
        }
        Distance gain = m.distance(nf[pos - 1].location, nf[pos].location) +
                        m.distance(nf[pos].location, nf[pos + 1].location) -
                        m.distance(nf[pos - 1].location, nf[pos + 1].location);
        if (from.size() == 1) {
            gain = from.distance() + problem.vehicles()[from.vehicle].fixedCost;
        }
        Distance best = gain - kMinGain;
        std::size_t bestAt = to.size() + 1;
        for (std::size_t p = 0; p <= to.size(); ++p) {
            const std::optional<Distance> cost = to.insertionCost(problem, problem.jobs()[j], p);
            if (cost && *cost < best) {
                best = *cost;
                bestAt = p;
            }
        }
        if (bestAt > to.size()) {
            continue;
        }
        std::vector<std::size_t> rest = from.jobs;
        rest.erase(rest.begin() + static_cast<long>(pos - 1));
        RouteState shorter(problem, from.vehicle, std::move(rest));
        if (!shorter.feasible()) {
            continue;  // only possible without the triangle inequality
        }
        from = std::move(shorter);
        to.insert(problem, bestAt, j);
        return true;
    }
    return false;
}

}  // namespace

void improveLocally(SearchState& state, const SearchContext& context) {
    const Problem& problem = context.problem;
    bool improved = true;
    for (int pass = 0; improved && pass < 1000; ++pass) {
        improved = false;
        for (std::size_t a = 0; a < state.routes.size(); ++a) {
            for (std::size_t b = 0; b < state.routes.size(); ++b) {
                if (a == b) {
                    continue;
                }
                if (a < b && tryTwoOptStar(state.routes[a], state.routes[b], problem)) {
                    improved = true;
                }
                if (!state.routes[a].jobs.empty() &&
                    tryRelocate(state.routes[a], state.routes[b], problem)) {
                    improved = true;
                }
            }
        }
        state.routes.erase(std::remove_if(state.routes.begin(), state.routes.end(),
                                          [](const RouteState& r) { return r.jobs.empty(); }),
                           state.routes.end());
    }
}

}  // namespace ces::routing
