#include "routing/vrptw/solve.h"

#include <optional>
#include <vector>

#include "routing/vrptw/decomposed_search.h"
#include "routing/vrptw/parallel.h"
#include "routing/vrptw/search.h"

namespace ces::routing {

SolveResult solve(const Problem& problem, const SolveOptions& options) {
    if (options.threads == 0) {
        throw InputError("threads must be at least 1");
    }
    if (options.timeLimit.count() < 0) {
        throw InputError("time limit must not be negative");
    }
    const SearchContext context(problem, options.objective);
    SearchBudget budget;
    budget.start = std::chrono::steady_clock::now();
    budget.deadline = budget.start + options.timeLimit;
    budget.iterations = options.iterations;

    // A large distance search splits the plan among the threads; otherwise they race.
    const bool decompose = options.threads > 1 && options.iterations == 0 &&
                           options.objective == Objective::distance &&
                           problem.jobs().size() >= kDecomposeFromJobs;
    const unsigned threads = decompose ? 1 : options.threads;
    std::vector<std::optional<SearchOutcome>> outcomes(threads);
    runEach(threads, [&](unsigned t) {
        // Thread t's seed is a fixed function of the seed, so runs repeat exactly.
        const std::uint64_t seed = options.seed * 0x9E3779B97F4A7C15ULL + t;
        outcomes[t] = decompose
                          ? runDecomposed(context, seed, budget, options.start, options.threads)
                          : runSearch(context, seed, budget, options.start);
    });

    // Best cost wins; ties go to the lowest thread index, so the choice is deterministic.
    std::size_t winner = 0;
    SolveResult result;
    for (std::size_t t = 0; t < threads; ++t) {
        result.iterations += outcomes[t]->iterations;
        if (outcomes[t]->best.cost(context) < outcomes[winner]->best.cost(context)) {
            winner = t;
        }
    }
    result.solution = toSolution(context, outcomes[winner]->best);
    result.bestFoundAt = outcomes[winner]->bestFoundAt;
    result.vehicles = result.solution.routes.size();
    result.distance = totalDistance(problem, result.solution);
    return result;
}

}  // namespace ces::routing
