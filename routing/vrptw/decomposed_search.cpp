#include "routing/vrptw/decomposed_search.h"

#include <algorithm>
#include <limits>

#include "routing/vrptw/parallel.h"
#include "routing/vrptw/rng.h"

namespace ces::routing {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// Rounds per search: enough new splits that every pair of neighbouring routes shares a part
/// now and then, few enough that building the parts stays a small share of the time.
constexpr int kRounds = 8;
constexpr auto kShortestRound = std::chrono::milliseconds(500);

/// One group of routes as a problem of its own: its jobs and vehicles by global index.
struct Part {
    std::vector<std::size_t> jobs;
    std::vector<std::size_t> vehicles;
    std::vector<Route> routes;  ///< in global indices
};

/// Splits the plan into `parts` groups of neighbouring routes: routes in order of how far their
/// middle job is from a job drawn at random, cut into equal runs. A left-out job joins the group
/// of its nearest routed job; unused vehicles are dealt round the groups.
std::vector<Part> split(const SearchContext& context, const Solution& plan, unsigned parts,
                        Rng& rng) {
    const Problem& problem = context.problem;
    const Matrix& m = problem.matrix();
    const std::size_t centre =
        problem.jobs()[context.routable[rng.below(context.routable.size())]].location;
    std::vector<std::size_t> order(plan.routes.size());
    std::vector<Distance> away(plan.routes.size());
    for (std::size_t r = 0; r < plan.routes.size(); ++r) {
        order[r] = r;
        const auto& jobs = plan.routes[r].jobs;
        away[r] = m.distance(centre, problem.jobs()[jobs[jobs.size() / 2]].location);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return away[a] != away[b] ? away[a] < away[b] : a < b;
    });
    std::vector<Part> split(parts);
    std::vector<std::size_t> groupOf(problem.jobs().size(), kNone);
    std::vector<char> used(problem.vehicles().size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t g = k * parts / order.size();
        const Route& route = plan.routes[order[k]];
        split[g].routes.push_back(route);
        split[g].vehicles.push_back(route.vehicle);
        used[route.vehicle] = 1;
        for (const std::size_t job : route.jobs) {
            split[g].jobs.push_back(job);
            groupOf[job] = g;
        }
    }
    for (const std::size_t job : context.routable) {
        if (groupOf[job] != kNone) {
            continue;
        }
        std::size_t g = job % parts;
        for (const std::uint32_t near : context.neighbours[job]) {
            if (groupOf[near] != kNone) {
                g = groupOf[near];
                break;
            }
        }
        split[g].jobs.push_back(job);
    }
    std::size_t dealt = rng.below(parts);
    for (std::size_t v = 0; v < used.size(); ++v) {
        if (used[v] == 0) {
            split[dealt++ % parts].vehicles.push_back(v);
        }
    }
    return split;
}

/// The part as a problem: its jobs (a left-out job none of its vehicles may serve stays out)
/// and vehicles, on the whole problem's matrix; `jobs` is cut to the ones kept.
Problem partProblem(const Problem& problem, Part& part) {
    std::vector<std::size_t> vehicleIndex(problem.vehicles().size(), kNone);
    std::vector<Vehicle> vehicles;
    for (const std::size_t v : part.vehicles) {
        vehicleIndex[v] = vehicles.size();
        vehicles.push_back(problem.vehicles()[v]);
    }
    std::vector<Job> jobs;
    std::vector<std::size_t> kept;
    for (const std::size_t j : part.jobs) {
        Job job = problem.jobs()[j];
        if (!job.allowedVehicles.empty()) {
            std::vector<std::size_t> allowed;
            for (const std::size_t v : job.allowedVehicles) {
                if (vehicleIndex[v] != kNone) {
                    allowed.push_back(vehicleIndex[v]);
                }
            }
            if (allowed.empty()) {
                continue;
            }
            job.allowedVehicles = std::move(allowed);
        }
        jobs.push_back(std::move(job));
        kept.push_back(j);
    }
    part.jobs = std::move(kept);
    return Problem(problem.matrix(), std::move(jobs), std::move(vehicles));
}

/// Searches one part until `budget`'s deadline; answers its routes in global indices and the
/// iterations it ran.
std::pair<std::vector<Route>, std::uint64_t> searchPart(const SearchContext& context, Part part,
                                                        std::uint64_t seed,
                                                        const SearchBudget& budget) {
    const Problem problem = partProblem(context.problem, part);
    std::vector<std::size_t> jobIndex(context.problem.jobs().size(), kNone);
    for (std::size_t k = 0; k < part.jobs.size(); ++k) {
        jobIndex[part.jobs[k]] = k;
    }
    std::vector<std::size_t> vehicleIndex(context.problem.vehicles().size(), kNone);
    for (std::size_t k = 0; k < part.vehicles.size(); ++k) {
        vehicleIndex[part.vehicles[k]] = k;
    }
    Solution start;
    for (const Route& route : part.routes) {
        Route local{vehicleIndex[route.vehicle], {}};
        for (const std::size_t job : route.jobs) {
            local.jobs.push_back(jobIndex[job]);
        }
        start.routes.push_back(std::move(local));
    }
    const SearchContext partContext(problem, context.objective);
    const SearchOutcome outcome = runSearch(partContext, seed, budget, &start);
    std::vector<Route> routes;
    for (const RouteState& route : outcome.best.routes) {
        Route global{part.vehicles[route.vehicle], {}};
        for (const std::size_t job : route.jobs) {
            global.jobs.push_back(part.jobs[job]);
        }
        routes.push_back(std::move(global));
    }
    return {std::move(routes), outcome.iterations};
}

}  // namespace

SearchOutcome runDecomposed(const SearchContext& context, std::uint64_t seed,
                            const SearchBudget& budget, const Solution* start, unsigned parts) {
    Rng rng(seed);
    SearchState best = start ? constructFrom(context, *start, rng) : construct(context, rng);
    if (best.routes.size() < parts) {
        return runSearch(context, seed, budget, start);  // nothing to split
    }
    Cost bestCost = best.cost(context);
    std::uint64_t iterations = 0;
    std::chrono::milliseconds bestFoundAt{0};
    const auto roundLength =
        std::max<Clock::duration>(kShortestRound, (budget.deadline - budget.start) / kRounds);
    while (Clock::now() + kShortestRound / 2 < budget.deadline) {
        auto groups = split(context, toSolution(context, best), parts, rng);
        SearchBudget round = budget;
        round.start = Clock::now();
        round.deadline = std::min(budget.deadline, round.start + roundLength);
        round.annealFrom = budget.start;
        round.annealTo = budget.deadline;
        std::vector<std::pair<std::vector<Route>, std::uint64_t>> found(parts);
        std::vector<std::uint64_t> seeds(parts);
        for (auto& s : seeds) {
            s = static_cast<std::uint64_t>(rng.uniform() * 0x1.0p53);
        }
        runEach(parts, [&](unsigned p) {
            found[p] = searchPart(context, std::move(groups[p]), seeds[p], round);
        });
        Solution merged;
        for (unsigned p = 0; p < parts; ++p) {
            iterations += found[p].second;
            for (Route& route : found[p].first) {
                merged.routes.push_back(std::move(route));
            }
        }
        SearchState joined = constructFrom(context, merged, rng);
        const Cost cost = joined.cost(context);
        if (cost < bestCost) {
            best = std::move(joined);
            bestCost = cost;
            bestFoundAt =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - budget.start);
        }
    }
    return SearchOutcome{std::move(best), iterations, bestFoundAt};
}

}  // namespace ces::routing
