// A distance search split among two threads: the parts put back together keep every rule,
// every job and each job's allowed vans, and the plan improves on the construction it started
// from.
#include "routing/vrptw/decomposed_search.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "routing/vrptw/rng.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;

namespace {

using Clock = std::chrono::steady_clock;

// 500 jobs scattered over a 100 x 100 square, two depots of 15 vans each; the even jobs may go
// only in the first depot's vans.
Problem twoDepots() {
    Rng rng(11);
    std::vector<std::pair<double, double>> points{{20, 50}, {80, 50}};
    std::vector<Job> jobs;
    for (std::size_t j = 0; j < 500; ++j) {
        points.emplace_back(rng.uniform() * 100, rng.uniform() * 100);
        Job job = test::job(points.size() - 1, 1, 0, 2000, 5);
        if (j % 2 == 0) {
            for (std::size_t v = 0; v < 15; ++v) job.allowedVehicles.push_back(v);
        }
        jobs.push_back(std::move(job));
    }
    std::vector<Vehicle> vehicles = test::vans(30, 40, 0, 2500);
    for (std::size_t v = 15; v < 30; ++v) {
        vehicles[v].startLocation = 1;
        vehicles[v].endLocation = 1;
    }
    return test::euclidean(points, std::move(jobs), std::move(vehicles));
}

}  // namespace

TEST_CASE("a search split among two threads improves one plan in parts and keeps every rule") {
    const Problem problem = twoDepots();
    const SearchContext context(problem, Objective::distance);
    Rng rng(3);
    const auto constructionBegan = Clock::now();
    const SearchState start = construct(context, rng);
    const auto constructionTook = Clock::now() - constructionBegan;

    // The split search runs on the clock; its budget follows this build's speed (the sanitizers
    // make it twenty times slower), so that it always has rounds to run.
    SearchBudget budget;
    budget.start = Clock::now();
    budget.deadline =
        budget.start + std::max<Clock::duration>(std::chrono::seconds(3), 100 * constructionTook);
    const SearchOutcome split = runDecomposed(context, 7, budget, nullptr, 2);

    const Solution solution = toSolution(context, split.best);
    test::requireValid(problem, solution);
    CHECK(solution.unassigned.empty());
    std::size_t served = 0;
    for (const Route& route : solution.routes) served += route.jobs.size();
    CHECK(served == problem.jobs().size());
    CHECK(split.iterations > 0);
    CHECK(split.best.cost(context).distance.value() < 0.95 * start.cost(context).distance.value());
}
