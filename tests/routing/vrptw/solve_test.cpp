#include "routing/vrptw/solve.h"

#include <doctest/doctest.h>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/solomon_reader.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::requireValid;

namespace {

SolomonInstance solomon(const std::string& name) {
    return readSolomonFile(test::sharedDataDir() + "/vrptw/solomon/" + name + ".txt");
}

bool sameRoutes(const Solution& a, const Solution& b) {
    if (a.routes.size() != b.routes.size()) {
        return false;
    }
    for (std::size_t r = 0; r < a.routes.size(); ++r) {
        if (a.routes[r].jobs != b.routes[r].jobs || a.routes[r].vehicle != b.routes[r].vehicle) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("a seed and an iteration budget give the same plan every time") {
    const SolomonInstance instance = solomon("R101");
    SolveOptions options;
    options.iterations = 300;
    options.timeLimit = std::chrono::milliseconds(60000);
    options.seed = 7;
    const SolveResult first = solve(instance.problem, options);
    const SolveResult second = solve(instance.problem, options);
    requireValid(instance.problem, first.solution);
    CHECK(sameRoutes(first.solution, second.solution));
    CHECK(first.distance == second.distance);

    options.threads = 2;
    const SolveResult parallelA = solve(instance.problem, options);
    const SolveResult parallelB = solve(instance.problem, options);
    requireValid(instance.problem, parallelA.solution);
    CHECK(sameRoutes(parallelA.solution, parallelB.solution));
    // Thread 0 runs the single-thread search, so two threads are never worse.
    const bool parallelNoWorse = parallelA.vehicles < first.vehicles ||
                                 (parallelA.vehicles == first.vehicles &&
                                  parallelA.distance <= first.distance + Distance(1e-9));
    CHECK(parallelNoWorse);
}

TEST_CASE("zero threads is refused") {
    const SolomonInstance instance = solomon("C101");
    SolveOptions options;
    options.threads = 0;
    CHECK_THROWS_AS(solve(instance.problem, options), InputError);
}

TEST_CASE("Solomon C101 reaches the best-known 10 vans and 828.94 within two seconds") {
    const SolomonInstance instance = solomon("C101");
    SolveOptions options;
    options.timeLimit = std::chrono::milliseconds(2000);
    const SolveResult r = solve(instance.problem, options);
    requireValid(instance.problem, r.solution);
    CHECK(r.solution.unassigned.empty());
    CHECK(r.vehicles == 10);
    CHECK(r.distance.value() == doctest::Approx(828.94).epsilon(0.001));
}

TEST_CASE("a search can start from a plan: its routes kept, every other job inserted") {
    const SolomonInstance instance = solomon("C101");
    SolveOptions quick;
    quick.iterations = 50;
    const SolveResult first = solve(instance.problem, quick);
    requireValid(instance.problem, first.solution);
    // Start from the first plan's first route alone: the rest must be inserted around it.
    Solution start;
    start.routes.push_back(first.solution.routes.front());
    SolveOptions warm = quick;
    warm.iterations = 1;
    warm.start = &start;
    const SolveResult again = solve(instance.problem, warm);
    requireValid(instance.problem, again.solution);
    CHECK(again.solution.unassigned.empty());
    std::size_t routed = 0;
    for (const auto& route : again.solution.routes) routed += route.jobs.size();
    CHECK(routed == instance.problem.jobs().size());
    // A start that is already complete is not made worse.
    warm.start = &first.solution;
    CHECK(solve(instance.problem, warm).distance <= first.distance);
}
