#include "routing/vrptw/search.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "routing/vrptw/fleet.h"
#include "routing/vrptw/left_out_ejection.h"
#include "routing/vrptw/local_search.h"

namespace ces::routing {

namespace {

using Clock = std::chrono::steady_clock;

/// Iterations between two tries at putting left-out jobs in by ejection (one try costs about as
/// much as a few hundred iterations on a week of 2,500 jobs).
constexpr std::uint64_t kEjectionEvery = 500;

/// Progress of the budget in [0, 1]: by iterations when counted, else by clock.
class Progress {
  public:
    explicit Progress(const SearchBudget& budget) : budget_(budget) {}
    [[nodiscard]] double at(std::uint64_t iteration) const {
        if (budget_.iterations > 0) {
            return static_cast<double>(iteration) / static_cast<double>(budget_.iterations);
        }
        const auto total = budget_.deadline - budget_.start;
        if (total.count() <= 0) {
            return 1;
        }
        return std::chrono::duration<double>(Clock::now() - budget_.start) /
               std::chrono::duration<double>(total);
    }
    [[nodiscard]] bool over(std::uint64_t iteration) const {
        if (budget_.iterations > 0 && iteration >= budget_.iterations) {
            return true;
        }
        return Clock::now() >= budget_.deadline;
    }

  private:
    const SearchBudget& budget_;
};

/// Mean cost per arc of a state (at least a tiny positive length, 1 when it has no arcs).
Distance meanArc(const SearchState& state, const SearchContext& context) {
    const std::size_t arcs = state.routedJobs() + state.routes.size();
    return arcs == 0
               ? Distance(1.0)
               : std::max(Distance(1e-9), state.cost(context).distance / static_cast<double>(arcs));
}

/// By vehicle: 1 when its route in `now` is not the same as in `before`.
std::vector<char> changedVehicles(const SearchState& now, const SearchState& before,
                                  std::size_t vehicles) {
    std::vector<const RouteState*> was(vehicles, nullptr);
    for (const RouteState& route : before.routes) {
        was[route.vehicle] = &route;
    }
    std::vector<char> changed(vehicles, 0);
    for (const RouteState& route : now.routes) {
        const RouteState* old = was[route.vehicle];
        changed[route.vehicle] = old == nullptr || old->jobs != route.jobs ? 1 : 0;
    }
    return changed;
}

}  // namespace

SearchState construct(const SearchContext& context, Rng& rng) {
    SearchState state;
    RuinRecreateParameters greedy;
    greedy.blinkRate = 0;
    recreate(state, context, greedy, rng, context.routable, true);
    return state;
}

SearchState constructFrom(const SearchContext& context, const Solution& start, Rng& rng) {
    SearchState state;
    std::vector<bool> routed(context.problem.jobs().size(), false);
    for (const auto& route : start.routes) {
        if (route.jobs.empty()) continue;
        state.routes.emplace_back(context.problem, route.vehicle, route.jobs);
        for (const std::size_t job : route.jobs) routed[job] = true;
    }
    std::vector<std::size_t> rest;
    for (const std::size_t job : context.routable) {
        if (!routed[job]) rest.push_back(job);
    }
    RuinRecreateParameters greedy;
    greedy.blinkRate = 0;
    recreate(state, context, greedy, rng, rest, true);
    return state;
}

SearchOutcome runSearch(const SearchContext& context, std::uint64_t seed,
                        const SearchBudget& budget, const Solution* start) {
    Rng rng(seed);
    const RuinRecreateParameters params;
    const Progress progress(budget);
    std::uint64_t iteration = 0;

    SearchState best = start ? constructFrom(context, *start, rng) : construct(context, rng);
    if (context.objective == Objective::vehiclesThenDistance) {
        const auto keepGoing = [&](std::uint64_t i) {
            return !progress.over(i) && progress.at(i) < budget.fleetShare;
        };
        best = minimiseFleet(context, FleetParameters{}, params, rng, std::move(best), keepGoing,
                             iteration);
    }
    improveLocally(best, context, budget.deadline);
    Cost bestCost = best.cost(context);
    const auto sinceStart = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - budget.start);
    };
    std::chrono::milliseconds bestFoundAt = sinceStart();

    // Simulated annealing on ruin-and-recreate; temperatures scale with the mean arc length so
    // the schedule suits any distance unit (the paper's 100 -> 1 on Solomon is about 10x -> 0.1x).
    const Distance arc = meanArc(best, context);
    const Distance startTemperature = 10 * arc;
    const Distance endTemperature = 0.1 * arc;
    const double phaseStart = progress.at(iteration);
    const bool sharedSchedule = budget.annealTo > budget.annealFrom;
    const auto annealed = [&] {
        if (!sharedSchedule) {
            return std::clamp((progress.at(iteration) - phaseStart) / (1 - phaseStart + 1e-12), 0.0,
                              1.0);
        }
        return std::clamp(std::chrono::duration<double>(Clock::now() - budget.annealFrom) /
                              std::chrono::duration<double>(budget.annealTo - budget.annealFrom),
                          0.0, 1.0);
    };

    SearchState current = best;
    Cost currentCost = bestCost;
    // Copied into, not built anew, each iteration: its routes keep their memory (a week's 150
    // routes took as many allocations and frees per iteration).
    SearchState candidate;
    RuinWorkspace work;
    std::vector<std::size_t> removed;
    while (!progress.over(iteration)) {
        ++iteration;
        const double p = annealed();
        const Distance temperature =
            startTemperature * std::pow(endTemperature / startTemperature, p);
        candidate = current;
        removed.clear();
        ruin(candidate, context, params, rng, work, removed);
        recreate(candidate, context, params, rng, removed, true, &work.reopened);
        const Cost cost = candidate.cost(context);
        // Worse on unassigned jobs or vans: never; same levels: annealing on distance.
        const bool accept =
            betterLevels(cost, currentCost) ||
            (sameLevels(cost, currentCost) &&
             cost.distance < currentCost.distance - temperature * std::log(1.0 - rng.uniform()));
        if (accept) {
            std::swap(current, candidate);
            currentCost = cost;
        }
        // Now and then (by iterations, so runs repeat) left-out jobs make room by ejection.
        bool ejected = false;
        if (iteration % kEjectionEvery == 1 && !current.unassigned.empty()) {
            ejected = insertLeftOutByEjection(current, context, rng);
            currentCost = current.cost(context);
        }
        if (accept || ejected) {
            if (currentCost < bestCost) {
                // The routes the last best had were left with no improving move.
                const auto changed =
                    changedVehicles(current, best, context.problem.vehicles().size());
                const auto moved = improveLocally(current, context, budget.deadline, &changed);
                // The descent made room only in the routes it changed: left-out jobs near one of
                // them try there (trying every route cost more than the iterations around it).
                if (!current.unassigned.empty()) {
                    recreate(current, context, params, rng, {}, true, &moved);
                }
                currentCost = current.cost(context);
                best = current;
                bestCost = currentCost;
                bestFoundAt = sinceStart();
            }
        }
    }
    return SearchOutcome{std::move(best), iteration, bestFoundAt};
}

}  // namespace ces::routing
