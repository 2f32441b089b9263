#include "routing/vrptw/local_search.h"

#include <algorithm>

#include "routing/vrptw/job_stops.h"

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

/// 2-opt* joining a[..i] to b[k..] (stops, 1-based; i may be 0, k may be b.size() + 1) and
/// b[..k-1] to a[i+1..]; applied when feasible and cheaper.
bool tryTwoOptStar(RouteState& a, std::size_t i, RouteState& b, std::size_t k,
                   const Problem& problem) {
    if ((i == 0 && k == 1) || (i == a.size() && k == b.size() + 1)) {
        return false;  // a swap of whole routes, or nothing
    }
    const Matrix& m = problem.matrix();
    const auto& na = a.nodes();
    const auto& nb = b.nodes();
    const Vehicle& va = problem.vehicles()[a.vehicle];
    const Vehicle& vb = problem.vehicles()[b.vehicle];
    const std::size_t headA = na[i].location;
    const std::size_t headB = nb[k - 1].location;
    const std::size_t tailB = k <= b.size() ? nb[k].location : va.endLocation;
    const std::size_t tailA = i < a.size() ? na[i + 1].location : vb.endLocation;
    const Distance before =
        m.distance(headA, na[i + 1].location) + m.distance(headB, nb[k].location);
    const Distance after = m.distance(headA, tailB) + m.distance(headB, tailA);
    if (after >= before - kMinGain) {
        return false;
    }
    // A new route cannot be back before its head's departure, the joining arc and the tail's
    // services and travel: past its shift, it breaks (most pairs of a week's full routes do).
    if (k <= b.size() && na[i].departure + m.duration(headA, tailB) + nb[k].rest +
                                 m.duration(nb[b.size()].location, va.endLocation) -
                                 m.duration(nb[b.size()].location, vb.endLocation) >
                             va.shift.end()) {
        return false;
    }
    if (i < a.size() && nb[k - 1].departure + m.duration(headB, tailA) + na[i + 1].rest +
                                m.duration(na[a.size()].location, vb.endLocation) -
                                m.duration(na[a.size()].location, va.endLocation) >
                            vb.shift.end()) {
        return false;
    }
    // A tail keeps its latest start when it ends at the same depot no later than before.
    if (k <= b.size() && va.endLocation == vb.endLocation && va.shift.end() <= vb.shift.end() &&
        na[i].departure + m.duration(headA, tailB) > nb[k].latest) {
        return false;
    }
    if (i < a.size() && va.endLocation == vb.endLocation && vb.shift.end() <= va.shift.end() &&
        nb[k - 1].departure + m.duration(headB, tailA) > na[i + 1].latest) {
        return false;
    }
    std::vector<std::size_t> jobsA(a.jobs.begin(), a.jobs.begin() + static_cast<long>(i));
    jobsA.insert(jobsA.end(), b.jobs.begin() + static_cast<long>(k - 1), b.jobs.end());
    std::vector<std::size_t> jobsB(b.jobs.begin(), b.jobs.begin() + static_cast<long>(k - 1));
    jobsB.insert(jobsB.end(), a.jobs.begin() + static_cast<long>(i), a.jobs.end());
    if (!servesAll(problem, a.vehicle, jobsA) || !servesAll(problem, b.vehicle, jobsB)) {
        return false;
    }
    RouteState newA(problem, a.vehicle, std::move(jobsA));
    RouteState newB(problem, b.vehicle, std::move(jobsB));
    if (!newA.feasible() || !newB.feasible()) {
        return false;
    }
    const Distance oldCost =
        a.distance() + b.distance() + fixedIfUsed(problem, a) + fixedIfUsed(problem, b);
    const Distance newCost =
        newA.distance() + newB.distance() + fixedIfUsed(problem, newA) + fixedIfUsed(problem, newB);
    if (newCost >= oldCost - kMinGain) {
        return false;
    }
    a = std::move(newA);
    b = std::move(newB);
    return true;
}

/// Moves the job at stop `i` of `from` next to stop `k` of `to` (before or after it) when that
/// lowers the cost.
bool tryRelocate(RouteState& from, std::size_t i, RouteState& to, std::size_t k,
                 const Problem& problem) {
    const std::size_t j = from.jobs[i - 1];
    if (!problem.canServe(to.vehicle, j)) {
        return false;
    }
    const Matrix& m = problem.matrix();
    const auto& nf = from.nodes();
    Distance gain = m.distance(nf[i - 1].location, nf[i].location) +
                    m.distance(nf[i].location, nf[i + 1].location) -
                    m.distance(nf[i - 1].location, nf[i + 1].location);
    if (from.size() == 1) {
        gain = from.distance() + problem.vehicles()[from.vehicle].fixedCost;
    }
    Distance best = gain - kMinGain;
    std::size_t bestAt = to.size() + 1;
    for (const std::size_t after : {k - 1, k}) {
        const std::optional<Distance> cost = to.insertionCost(problem, problem.jobs()[j], after);
        if (cost && *cost < best) {
            best = *cost;
            bestAt = after;
        }
    }
    if (bestAt > to.size()) {
        return false;
    }
    std::vector<std::size_t> rest = from.jobs;
    rest.erase(rest.begin() + static_cast<long>(i - 1));
    RouteState shorter(problem, from.vehicle, std::move(rest));
    if (!shorter.feasible()) {
        return false;  // only possible without the triangle inequality
    }
    from = std::move(shorter);
    to.insert(problem, bestAt, j);
    return true;
}

/// One improving move between the job `u` (in route a) and its near job `v` (in route b).
bool tryMovesBetween(SearchState& state, const JobStops& places, std::size_t u, std::size_t v,
                     const Problem& problem) {
    RouteState& a = state.routes[static_cast<std::size_t>(places.route(u))];
    RouteState& b = state.routes[static_cast<std::size_t>(places.route(v))];
    const std::size_t i = places.stop(u);
    const std::size_t k = places.stop(v);
    // Arc u -> v: a's head to v's tail; arc v -> u: b's head to u's tail.
    return tryRelocate(a, i, b, k, problem) || tryTwoOptStar(a, i, b, k, problem) ||
           tryTwoOptStar(b, k, a, i, problem);
}

}  // namespace

std::vector<char> improveLocally(SearchState& state, const SearchContext& context,
                                 std::chrono::steady_clock::time_point deadline,
                                 const std::vector<char>* focus) {
    const Problem& problem = context.problem;
    JobStops places(state, problem.jobs().size());
    // By vehicle: its route may still have an improving move (don't-look bits per route).
    std::vector<char> look =
        focus != nullptr ? *focus : std::vector<char>(problem.vehicles().size(), 1);
    std::vector<char> moved(problem.vehicles().size(), 0);
    bool improved = true;
    for (int pass = 0; improved && pass < 1000; ++pass) {
        improved = false;
        for (std::size_t a = 0; a < state.routes.size(); ++a) {
            if (look[state.routes[a].vehicle] == 0) {
                continue;
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                improved = false;
                break;
            }
            look[state.routes[a].vehicle] = 0;
            for (std::size_t stop = 0; stop < state.routes[a].size(); ++stop) {
                const std::size_t u = state.routes[a].jobs[stop];
                const auto& near = context.neighbours[u];
                const std::size_t count = std::min(near.size(), kNearJobs + 1);
                for (std::size_t n = 1; n < count; ++n) {
                    const std::size_t v = near[n];
                    const int b = places.route(v);
                    if (b < 0 || static_cast<std::size_t>(b) == a) {
                        continue;
                    }
                    if (tryMovesBetween(state, places, u, v, problem)) {
                        const auto other = static_cast<std::size_t>(b);
                        places.update(state.routes[a], a);
                        places.update(state.routes[other], other);
                        for (const std::size_t r : {a, other}) {
                            look[state.routes[r].vehicle] = 1;
                            moved[state.routes[r].vehicle] = 1;
                        }
                        improved = true;
                        break;
                    }
                }
            }
        }
        state.routes.erase(std::remove_if(state.routes.begin(), state.routes.end(),
                                          [](const RouteState& r) { return r.jobs.empty(); }),
                           state.routes.end());
        places = JobStops(state, problem.jobs().size());
    }
    return moved;
}

}  // namespace ces::routing
