// Left-out jobs put in by ejecting others that fit elsewhere.
#include "routing/vrptw/left_out_ejection.h"

#include <doctest/doctest.h>

#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::vans;

namespace {

// Two vans of one place each; only van 0's crew has two people. Job 0 needs them, job 1 not.
Problem onlyOneCrewFits() {
    std::vector<Job> jobs{job(1, 1, 0, 1000), job(2, 1, 0, 1000)};
    jobs[0].skills = kTwoPersonCrew;
    std::vector<Vehicle> vehicles = vans(2, 1);
    vehicles[0].skills = kTwoPersonCrew;
    return test::euclidean({{0, 0}, {10, 0}, {12, 0}}, std::move(jobs), std::move(vehicles));
}

Solution solutionOf(const SearchState& state) {
    Solution solution;
    for (const RouteState& route : state.routes)
        solution.routes.push_back({route.vehicle, route.jobs});
    return solution;
}

// Job 1 on van 0's route, job 0 left out.
SearchState jobZeroLeftOut(const Problem& problem) {
    SearchState state;
    state.routes.emplace_back(problem, 0, std::vector<std::size_t>{1});
    state.unassigned = {0};
    return state;
}

}  // namespace

TEST_CASE(
    "left-out ejection: a job only one van can serve takes the place of one that fits elsewhere") {
    const Problem problem = onlyOneCrewFits();
    const SearchContext context(problem, Objective::distance);
    SearchState state = jobZeroLeftOut(problem);
    Rng rng(1);
    CHECK(insertLeftOutByEjection(state, context, rng));
    CHECK(state.unassigned.empty());
    const Solution solution = solutionOf(state);
    test::requireValid(problem, solution);
    CHECK(test::routeOf(solution, 0) >= 0);
    CHECK(test::routeOf(solution, 1) >= 0);
    CHECK(solution.routes[static_cast<std::size_t>(test::routeOf(solution, 0))].vehicle == 0);
    CHECK(solution.routes[static_cast<std::size_t>(test::routeOf(solution, 1))].vehicle == 1);
}

TEST_CASE("left-out ejection: a try that would leave out as much is not kept") {
    // One van: making room for job 0 leaves job 1 out instead, which is no better.
    Problem two = onlyOneCrewFits();
    const Problem problem(two.matrix(), two.jobs(), {two.vehicles()[0]});
    const SearchContext context(problem, Objective::distance);
    SearchState state = jobZeroLeftOut(problem);
    Rng rng(1);
    CHECK_FALSE(insertLeftOutByEjection(state, context, rng));
    REQUIRE(state.routes.size() == 1);
    CHECK(state.routes[0].jobs == std::vector<std::size_t>{1});
    CHECK(state.unassigned == std::vector<std::size_t>{0});
}
