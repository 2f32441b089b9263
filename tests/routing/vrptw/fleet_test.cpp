// Fleet minimisation: insertion with ejection and the guided ejection search.
#include "routing/vrptw/fleet.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "routing/vrptw/ejection.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::vans;

namespace {

/// Jobs on a line east of the depot at x = 10, 20, 30, ...
Problem onALine(std::vector<Job> jobs, std::vector<Vehicle> vehicles) {
    std::vector<std::pair<double, double>> points{{0, 0}};
    for (std::size_t k = 1; k <= jobs.size(); ++k) {
        points.emplace_back(10.0 * static_cast<double>(k), 0);
    }
    return test::euclidean(points, std::move(jobs), std::move(vehicles));
}

}  // namespace

TEST_CASE("ejection: a full van gives up the job with the smallest penalty") {
    const Problem problem =
        onALine({job(1, 1, 0, 1000), job(2, 1, 0, 1000), job(3, 1, 0, 1000)}, vans(1, 2));
    const SearchContext context(problem, Objective::vehiclesThenDistance);
    SearchState state;
    state.routes.emplace_back(problem, 0, std::vector<std::size_t>{0, 1});
    const std::vector<std::int64_t> penalty{5, 1, 1};
    const std::optional<Ejection> ejection = bestEjection(state, context, 2, penalty, 2);
    REQUIRE(ejection.has_value());
    CHECK(ejection->ejected == std::vector<std::size_t>{1});
    CHECK(ejection->penalty == 1);
    std::vector<std::size_t> kept = ejection->jobs;
    std::sort(kept.begin(), kept.end());
    CHECK(kept == std::vector<std::size_t>{0, 2});
    CHECK(RouteState(problem, 0, ejection->jobs).feasible());
}

TEST_CASE("ejection: only a job that frees the right time is ejected, whatever its penalty") {
    // Jobs 1 and 2 both must start at exactly 30 with 5 minutes of service: they cannot share.
    const Problem problem =
        onALine({job(1, 1, 0, 1000, 5), job(2, 1, 30, 30, 5), job(2, 1, 30, 30, 5)}, vans(1, 10));
    const SearchContext context(problem, Objective::vehiclesThenDistance);
    SearchState state;
    state.routes.emplace_back(problem, 0, std::vector<std::size_t>{0, 1});
    REQUIRE(state.routes[0].feasible());
    const std::vector<std::int64_t> penalty{1, 3, 1};
    const std::optional<Ejection> ejection = bestEjection(state, context, 2, penalty, 1);
    REQUIRE(ejection.has_value());
    CHECK(ejection->ejected == std::vector<std::size_t>{1});
    CHECK(ejection->penalty == 3);
    CHECK(RouteState(problem, 0, ejection->jobs).feasible());
}

TEST_CASE("guided ejection search empties vans down to the capacity bound") {
    std::vector<Job> jobs;
    for (std::size_t k = 1; k <= 6; ++k) {
        jobs.push_back(job(k, 1, 0, 1000));
    }
    const Problem problem = onALine(jobs, vans(6, 3));
    const SearchContext context(problem, Objective::vehiclesThenDistance);
    SearchState state;
    for (std::size_t j = 0; j < 6; ++j) {
        state.routes.emplace_back(problem, j, std::vector<std::size_t>{j});
    }
    Rng rng(3);
    std::uint64_t iteration = 0;
    const SearchState best = minimiseFleet(
        context, FleetParameters{}, RuinRecreateParameters{}, rng, state,
        [](std::uint64_t i) { return i < 1000; }, iteration);
    CHECK(best.routes.size() == 2);
    CHECK(best.unassigned.empty());
    CHECK(best.routedJobs() == 6);
    for (const RouteState& route : best.routes) {
        CHECK(route.feasible());
    }
}
