// A large distance search on two threads splits the plan into parts: the parts put back together
// keep every rule, every job and each job's allowed vans, and the plan improves on the
// construction it started from.
#include "routing/vrptw/decomposed_search.h"

#include <doctest/doctest.h>

#include "routing/vrptw/rng.h"
#include "routing/vrptw/solve.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;

namespace {

// 1,200 jobs scattered over a 100 x 100 square, two depots of 30 vans each; the even jobs may
// go only in the first depot's vans.
Problem twoDepots() {
    Rng rng(11);
    std::vector<std::pair<double, double>> points{{20, 50}, {80, 50}};
    std::vector<Job> jobs;
    for (std::size_t j = 0; j < 1200; ++j) {
        points.emplace_back(rng.uniform() * 100, rng.uniform() * 100);
        Job job = test::job(points.size() - 1, 1, 0, 2000, 5);
        if (j % 2 == 0) {
            for (std::size_t v = 0; v < 30; ++v) job.allowedVehicles.push_back(v);
        }
        jobs.push_back(std::move(job));
    }
    std::vector<Vehicle> vehicles = test::vans(60, 40, 0, 2500);
    for (std::size_t v = 30; v < 60; ++v) {
        vehicles[v].startLocation = 1;
        vehicles[v].endLocation = 1;
    }
    return test::euclidean(points, std::move(jobs), std::move(vehicles));
}

}  // namespace

TEST_CASE("a large search on two threads improves one plan in parts and keeps every rule") {
    const Problem problem = twoDepots();
    REQUIRE(problem.jobs().size() >= kDecomposeFromJobs);
    SolveOptions construction;
    construction.objective = Objective::distance;
    construction.iterations = 1;
    const SolveResult start = solve(problem, construction);

    SolveOptions options;
    options.objective = Objective::distance;
    options.threads = 2;
    options.timeLimit = std::chrono::milliseconds(2500);
    const SolveResult split = solve(problem, options);
    test::requireValid(problem, split.solution);
    CHECK(split.solution.unassigned.empty());
    std::size_t served = 0;
    for (const Route& route : split.solution.routes) served += route.jobs.size();
    CHECK(served == problem.jobs().size());
    CHECK(split.iterations > 0);
    CHECK(split.distance.value() < 0.95 * start.distance.value());
}
