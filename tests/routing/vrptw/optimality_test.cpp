// Small instances whose optimum is found by brute force; the solver must match it.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/solve.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::requireValid;
using ces::routing::test::vans;

namespace {

/// Best (vehicles, distance) or distance by enumerating every order of the jobs and every way to
/// cut it into consecutive routes.
Cost bruteForce(const Problem& p, Objective objective) {
    std::vector<std::size_t> order(p.jobs().size());
    std::iota(order.begin(), order.end(), 0);
    Cost best{0, 1000, Distance(1e18)};
    const std::size_t n = order.size();
    do {
        for (unsigned cuts = 0; cuts < (1U << (n - 1)); ++cuts) {
            Solution s;
            Route current{0, {order[0]}};
            for (std::size_t i = 1; i < n; ++i) {
                if ((cuts >> (i - 1)) & 1U) {
                    s.routes.push_back(current);
                    current = Route{s.routes.size(), {}};
                }
                current.jobs.push_back(order[i]);
            }
            s.routes.push_back(current);
            if (s.routes.size() > p.vehicles().size() || !check(p, s).empty()) {
                continue;
            }
            Cost c{0, objective == Objective::distance ? 0 : s.routes.size(), totalDistance(p, s)};
            if (c < best) {
                best = c;
            }
        }
    } while (std::next_permutation(order.begin(), order.end()));
    return best;
}

Problem sixCustomers() {
    // Fixed points and windows chosen so windows and capacity both bind.
    const std::vector<std::pair<double, double>> points{{50, 50}, {20, 70}, {35, 85}, {80, 75},
                                                        {75, 30}, {30, 20}, {55, 15}};
    std::vector<Job> jobs{job(1, 4, 0, 60, 10),   job(2, 3, 40, 120, 10), job(3, 5, 0, 90, 10),
                          job(4, 4, 80, 200, 10), job(5, 2, 50, 140, 10), job(6, 3, 0, 200, 10)};
    return Problem(Matrix::euclidean(points), jobs, vans(4, 10, 0, 260));
}

}  // namespace

TEST_CASE("six customers: the solver finds the brute-force optimum, vehicles then distance") {
    const Problem p = sixCustomers();
    const Cost optimum = bruteForce(p, Objective::vehiclesThenDistance);
    REQUIRE(optimum.vehicles < 1000);
    SolveOptions options;
    options.iterations = 2000;
    const SolveResult r = solve(p, options);
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.empty());
    CHECK(r.vehicles == optimum.vehicles);
    CHECK(r.distance.value() == doctest::Approx(optimum.distance.value()).epsilon(1e-9));
}

TEST_CASE("six customers: the solver finds the brute-force optimum on distance alone") {
    const Problem p = sixCustomers();
    const Cost optimum = bruteForce(p, Objective::distance);
    SolveOptions options;
    options.iterations = 2000;
    options.objective = Objective::distance;
    const SolveResult r = solve(p, options);
    requireValid(p, r.solution);
    CHECK(r.distance.value() == doctest::Approx(optimum.distance.value()).epsilon(1e-9));
}
