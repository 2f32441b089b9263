#include "routing/vrptw/ruin_recreate.h"

#include <algorithm>
#include <cmath>

#include "routing/vrptw/job_stops.h"

namespace ces::routing {

namespace {

/// Removes from one route `length` jobs forming a string that contains position `pos`, keeping a
/// substring inside it with probability splitRate.
void cutString(const RouteState& route, std::size_t pos, std::size_t length,
               const RuinRecreateParameters& params, Rng& rng, std::vector<char>& removed) {
    const std::size_t card = route.size();
    std::size_t kept = 0;
    if (length < card && rng.uniform() < params.splitRate) {
        kept = 1;
        while (length + kept < card && rng.uniform() > params.splitDepth && rng.uniform() < 0.5) {
            ++kept;
        }
    }
    const std::size_t span = length + kept;
    const std::size_t lowest = pos + 1 >= span ? pos + 1 - span : 0;
    const std::size_t highest = std::min(pos, card - span);
    const std::size_t start = lowest + rng.below(highest - lowest + 1);
    const std::size_t keepAt = kept == 0 ? span : rng.below(length + 1);
    for (std::size_t i = 0; i < span; ++i) {
        if (i >= keepAt && i < keepAt + kept) {
            continue;
        }
        removed[route.jobs[start + i]] = 1;
    }
}

}  // namespace

void ruin(SearchState& state, const SearchContext& context, const RuinRecreateParameters& params,
          Rng& rng, RuinWorkspace& work, std::vector<std::size_t>& removed) {
    work.reopened.assign(context.problem.vehicles().size(), 0);
    const std::size_t routed = state.routedJobs();
    if (routed == 0) {
        return;
    }
    const std::size_t jobCount = context.problem.jobs().size();
    work.routeOf.assign(jobCount, -1);
    work.removed.assign(jobCount, 0);
    work.ruinedRoute.assign(state.routes.size(), 0);
    for (std::size_t r = 0; r < state.routes.size(); ++r) {
        for (std::size_t j : state.routes[r].jobs) {
            work.routeOf[j] = static_cast<int>(r);
        }
    }
    const double avgRoute = static_cast<double>(routed) / static_cast<double>(state.routes.size());
    const double maxString = std::min(params.maxStringLength, avgRoute);
    const double maxRoutes = 4 * params.averageRemoved / (1 + maxString) - 1;
    const auto routesToRuin = static_cast<std::size_t>(rng.uniform() * maxRoutes) + 1;

    // Seed: a routed job, uniformly, or now and then a left-out one.
    std::size_t seed = 0;
    if (!state.unassigned.empty() && rng.uniform() < params.unassignedSeedRate) {
        seed = state.unassigned[rng.below(state.unassigned.size())];
    } else {
        std::size_t pick = rng.below(routed);
        for (const RouteState& route : state.routes) {
            if (pick < route.size()) {
                seed = route.jobs[pick];
                break;
            }
            pick -= route.size();
        }
    }

    std::size_t ruined = 0;
    for (std::uint32_t job : context.neighbours[seed]) {
        if (ruined >= routesToRuin) {
            break;
        }
        const int r = work.routeOf[job];
        if (r < 0 || work.ruinedRoute[static_cast<std::size_t>(r)] != 0) {
            continue;
        }
        const RouteState& route = state.routes[static_cast<std::size_t>(r)];
        const double longest = std::min(static_cast<double>(route.size()), maxString);
        const auto length =
            std::min(route.size(), static_cast<std::size_t>(rng.uniform() * longest) + 1);
        const auto pos = static_cast<std::size_t>(
            std::find(route.jobs.begin(), route.jobs.end(), job) - route.jobs.begin());
        cutString(route, pos, length, params, rng, work.removed);
        work.ruinedRoute[static_cast<std::size_t>(r)] = 1;
        ++ruined;
    }

    std::vector<RouteState> kept;
    kept.reserve(state.routes.size());
    for (std::size_t r = 0; r < state.routes.size(); ++r) {
        RouteState& route = state.routes[r];
        if (work.ruinedRoute[r] != 0) {
            work.reopened[route.vehicle] = 1;
            std::vector<std::size_t> rest;
            rest.reserve(route.size());
            for (std::size_t j : route.jobs) {
                if (work.removed[j] != 0) {
                    removed.push_back(j);
                } else {
                    rest.push_back(j);
                }
            }
            if (rest.empty()) {
                continue;
            }
            route.jobs = std::move(rest);
            route.refresh(context.problem);
        }
        kept.push_back(std::move(route));
    }
    state.routes = std::move(kept);
}

Placement cheapestPlacement(const SearchState& state, const SearchContext& context, std::size_t job,
                            Rng* blinks, double blinkRate, const std::vector<char>* open) {
    const Problem& problem = context.problem;
    Placement best{kInfiniteDistance, state.routes.size(), 0};
    for (std::size_t r = 0; r < state.routes.size(); ++r) {
        const RouteState& route = state.routes[r];
        if ((open != nullptr && (*open)[route.vehicle] == 0) ||
            !problem.canServe(route.vehicle, job)) {
            continue;
        }
        const auto& nodes = route.nodes();
        for (std::size_t p = 0; p <= route.size(); ++p) {
            if (nodes[p].departure > context.lastEnd[job]) {
                break;
            }
            if (blinks != nullptr && blinks->uniform() < blinkRate) {
                continue;
            }
            const std::optional<Distance> cost =
                route.insertionCost(problem, problem.jobs()[job], p);
            if (cost && *cost < best.cost) {
                best = Placement{*cost, r, p};
            }
        }
    }
    return best;
}

namespace {

/// Puts the jobs to reinsert in one of the paper's orders, chosen at random with weights random 4,
/// largest demand 4, farthest 2, closest 1; higher priorities then go first, so they find room.
void orderForRecreate(std::vector<std::size_t>& removed, const SearchContext& context, Rng& rng) {
    const auto& jobs = context.problem.jobs();
    const double order = rng.uniform() * 11;
    if (order < 4) {
        for (std::size_t i = removed.size(); i > 1; --i) {
            std::swap(removed[i - 1], removed[rng.below(i)]);
        }
    } else if (order < 8) {
        std::sort(removed.begin(), removed.end(), [&](std::size_t a, std::size_t b) {
            return jobs[a].demand != jobs[b].demand ? jobs[a].demand > jobs[b].demand : a < b;
        });
    } else if (order < 10) {
        std::sort(removed.begin(), removed.end(), [&](std::size_t a, std::size_t b) {
            return context.depotDistance[a] != context.depotDistance[b]
                       ? context.depotDistance[a] > context.depotDistance[b]
                       : a < b;
        });
    } else {
        std::sort(removed.begin(), removed.end(), [&](std::size_t a, std::size_t b) {
            return context.depotDistance[a] != context.depotDistance[b]
                       ? context.depotDistance[a] < context.depotDistance[b]
                       : a < b;
        });
    }
    std::stable_sort(removed.begin(), removed.end(), [&](std::size_t a, std::size_t b) {
        return jobs[a].priority > jobs[b].priority;
    });
}

/// The unused vehicle that would serve `job` alone for less than `bound`, if any.
std::optional<std::size_t> cheaperNewRoute(const Problem& problem, const std::vector<char>& used,
                                           std::size_t job, Distance bound) {
    std::optional<std::size_t> best;
    for (std::size_t v = 0; v < used.size(); ++v) {
        if (used[v] != 0 || !problem.canServe(v, job)) {
            continue;
        }
        const std::optional<Distance> cost = soloRouteCost(problem, v, job);
        if (cost && *cost < bound) {
            bound = *cost;
            best = v;
        }
    }
    return best;
}

/// Marks, by job, the jobs that have `job` among their nearest: a route holding it is near them.
void markNear(const SearchContext& context, std::size_t job, std::vector<char>& near) {
    for (const std::uint32_t other : context.nearOf[job]) {
        near[other] = 1;
    }
}

/// Improves `best` with the places right before and right after each of the job's nearest routed
/// jobs.
void placeBesideNearest(const SearchState& state, const SearchContext& context,
                        const JobStops& stops, std::size_t job, Rng& rng, double blinkRate,
                        Placement& best) {
    const Problem& problem = context.problem;
    const auto& neighbours = context.neighbours[job];
    const std::size_t count = std::min(neighbours.size(), kNearJobs + 1);
    for (std::size_t n = 1; n < count; ++n) {
        const int r = stops.route(neighbours[n]);
        if (r < 0) {
            continue;
        }
        const RouteState& route = state.routes[static_cast<std::size_t>(r)];
        if (!problem.canServe(route.vehicle, job)) {
            continue;
        }
        const std::size_t stop = stops.stop(neighbours[n]);
        for (const std::size_t after : {stop - 1, stop}) {
            if (route.nodes()[after].departure > context.lastEnd[job] ||
                rng.uniform() < blinkRate) {
                continue;
            }
            const std::optional<Distance> cost =
                route.insertionCost(problem, problem.jobs()[job], after);
            if (cost && *cost < best.cost) {
                best = Placement{*cost, static_cast<std::size_t>(r), after};
            }
        }
    }
}

}  // namespace

void recreate(SearchState& state, const SearchContext& context,
              const RuinRecreateParameters& params, Rng& rng, std::vector<std::size_t> removed,
              bool allowNewRoutes, const std::vector<char>* reopened) {
    const Problem& problem = context.problem;
    std::vector<char> leftOut;
    std::vector<char> open;
    if (reopened != nullptr) {
        leftOut.assign(problem.jobs().size(), 0);
        for (std::size_t j : state.unassigned) {
            leftOut[j] = 1;
        }
        open = *reopened;
    }
    removed.insert(removed.end(), state.unassigned.begin(), state.unassigned.end());
    state.unassigned.clear();
    orderForRecreate(removed, context, rng);

    std::vector<char> used(problem.vehicles().size(), 0);
    JobStops stops(problem.jobs().size());
    // By job: a route of a vehicle marked in `open` holds one of its nearest jobs. Kept up to
    // date as jobs go into open routes: asking each left-out job's neighbours took as long.
    std::vector<char> nearOpen;
    if (reopened != nullptr) {
        nearOpen.assign(problem.jobs().size(), 0);
    }
    for (std::size_t r = 0; r < state.routes.size(); ++r) {
        used[state.routes[r].vehicle] = 1;
        stops.update(state.routes[r], r);
        if (reopened != nullptr && open[state.routes[r].vehicle] != 0) {
            for (const std::size_t j : state.routes[r].jobs) {
                markNear(context, j, nearOpen);
            }
        }
    }
    const bool newRouteOnlyAsLastResort = context.objective == Objective::vehiclesThenDistance;
    for (std::size_t j : removed) {
        // Beside its nearest jobs, and after a ruin anywhere in the routes that lost jobs (a
        // left-out job: only there, when one of them holds a job near it); without a ruin,
        // anywhere when none of those has room.
        const bool onlyReopened = reopened != nullptr && leftOut[j] != 0;
        Placement best{kInfiniteDistance, state.routes.size(), 0};
        if (reopened != nullptr && (!onlyReopened || nearOpen[j] != 0)) {
            best = cheapestPlacement(state, context, j, &rng, params.blinkRate, &open);
        }
        if (!onlyReopened) {
            placeBesideNearest(state, context, stops, j, rng, params.blinkRate, best);
        }
        if (best.route == state.routes.size() && reopened == nullptr) {
            best = cheapestPlacement(state, context, j, &rng, params.blinkRate);
        }
        const bool placed = best.route < state.routes.size();
        std::optional<std::size_t> vehicle;
        if (allowNewRoutes && (!placed || !newRouteOnlyAsLastResort)) {
            vehicle = cheaperNewRoute(problem, used, j, best.cost);
        }
        if (vehicle) {
            used[*vehicle] = 1;
            if (reopened != nullptr) {
                open[*vehicle] = 1;
                markNear(context, j, nearOpen);
            }
            state.routes.emplace_back(problem, *vehicle, std::vector<std::size_t>{j});
            stops.update(state.routes.back(), state.routes.size() - 1);
        } else if (placed) {
            state.routes[best.route].insert(problem, best.position, j);
            stops.update(state.routes[best.route], best.route);
            if (reopened != nullptr && open[state.routes[best.route].vehicle] != 0) {
                markNear(context, j, nearOpen);
            }
        } else {
            state.unassigned.push_back(j);
        }
    }
}

}  // namespace ces::routing
