// One test per rule: the solver never returns a route that breaks it, and serves what it can.
#include <doctest/doctest.h>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/route_state.h"
#include "routing/vrptw/solve.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::euclidean;
using ces::routing::test::job;
using ces::routing::test::requireValid;
using ces::routing::test::routeOf;
using ces::routing::test::vans;

namespace {

SolveOptions quick(Objective objective = Objective::vehiclesThenDistance) {
    SolveOptions options;
    options.iterations = 3000;
    options.timeLimit = std::chrono::milliseconds(5000);
    options.objective = objective;
    return options;
}

}  // namespace

TEST_CASE("time windows: jobs that cannot share a route get separate vans") {
    // Two jobs on opposite sides, both due at 12: no single van reaches both in time.
    const Problem p =
        euclidean({{0, 0}, {10, 0}, {-10, 0}}, {job(1, 1, 0, 12), job(2, 1, 0, 12)}, vans(3, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.empty());
    CHECK(r.vehicles == 2);
}

TEST_CASE("time windows: the order follows the windows, with waiting") {
    // Far job must be served first (window [5, 25]); near job late (window [50, 60]).
    const Problem p =
        euclidean({{0, 0}, {10, 0}, {20, 0}}, {job(1, 1, 50, 60), job(2, 1, 5, 25)}, vans(1, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(r.solution.routes.size() == 1);
    CHECK(r.solution.routes[0].jobs == std::vector<std::size_t>{1, 0});
    const auto stops = schedule(p, r.solution.routes[0]);
    CHECK(stops[1].start.value() == doctest::Approx(50));  // waited for the window
}

TEST_CASE("time windows: a job with two windows is served in the one that fits") {
    Job twice = job(1, 1, 0, 0);
    twice.windows = {TimeWindow(Time(0), Time(5)), TimeWindow(Time(100), Time(120))};
    const Problem p = euclidean({{0, 0}, {10, 0}}, {twice}, vans(1, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(r.solution.routes.size() == 1);
    CHECK(schedule(p, r.solution.routes[0])[0].start.value() == doctest::Approx(100));
}

TEST_CASE("capacity: mixed deliveries and pickups never exceed capacity at any point") {
    // Capacity 10. Two deliveries of 5 and two pickups of 5: one van can do all four only if
    // both deliveries come before both pickups, which is also the short way round (x = 1..4).
    const Problem p =
        euclidean({{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}},
                  {job(1, 5, 0, 1000, 0, JobKind::pickup), job(2, 5, 0, 1000, 0, JobKind::pickup),
                   job(3, 5, 0, 1000), job(4, 5, 0, 1000)},
                  vans(2, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.empty());
    for (const Route& route : r.solution.routes) {
        CHECK(startLoad(p, route) <= 10);
        for (const Stop& stop : schedule(p, route)) {
            CHECK(stop.loadAfter <= 10);
        }
    }
}

TEST_CASE("capacity: insertion test refuses a pickup that overloads a later point") {
    // Route: deliver 6 (x=1) then pick up 6 (x=2): loads 6 -> 0 -> 6 with capacity 8.
    const Problem p = euclidean({{0, 0}, {1, 0}, {2, 0}, {3, 0}},
                                {job(1, 6, 0, 1000), job(2, 6, 0, 1000, 0, JobKind::pickup),
                                 job(3, 3, 0, 1000, 0, JobKind::pickup)},
                                vans(1, 8));
    const RouteState route(p, 0, {0, 1});
    REQUIRE(route.feasible());
    // Whatever the position, the 3 picked up ride along with 6 somewhere: 9 > 8.
    CHECK_FALSE(route.insertionCost(p, p.jobs()[2], 0).has_value());
    CHECK_FALSE(route.insertionCost(p, p.jobs()[2], 2).has_value());
    CHECK_FALSE(route.insertionCost(p, p.jobs()[2], 1).has_value());
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.size() == 1);
}

TEST_CASE("route state: the least time from each stop to the end ignores waiting") {
    // Depot at x=0, jobs at x=10 (service 5) and x=30 (service 7, opens at 100).
    const Problem p = euclidean({{0, 0}, {10, 0}, {30, 0}},
                                {job(1, 1, 0, 1000, 5), job(2, 1, 100, 1000, 7)}, vans(1, 8));
    const RouteState route(p, 0, {0, 1});
    REQUIRE(route.feasible());
    CHECK(route.nodes()[3].rest == Time(0));
    CHECK(route.nodes()[2].rest.value() == doctest::Approx(7 + 30));
    CHECK(route.nodes()[1].rest.value() == doctest::Approx(5 + 20 + 7 + 30));
}

TEST_CASE("shift windows: nothing outside the shift, late jobs left out with a reason") {
    // Shift [100, 200]; job 0 due at 50 cannot be reached; job 1 fits; job 2 needs a return
    // after 200.
    const Problem p = euclidean({{0, 0}, {10, 0}, {20, 0}, {95, 0}},
                                {job(1, 1, 0, 50), job(2, 1, 0, 1000), job(3, 1, 0, 1000)},
                                vans(2, 10, 100, 200));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(r.solution.unassigned.size() == 2);
    CHECK(r.solution.unassigned[0].job == 0);
    CHECK(r.solution.unassigned[1].job == 2);
    CHECK(r.solution.unassigned[0].reason.find("time") != std::string::npos);
    REQUIRE(r.solution.routes.size() == 1);
    CHECK(schedule(p, r.solution.routes[0])[0].start >= Time(100));
}

TEST_CASE("skills: jobs go only to vans with the crew and kit they need") {
    Job hoist = job(1, 1, 0, 1000);
    hoist.skills = kLiftingEngineer;
    Job bed = job(2, 1, 0, 1000);
    bed.skills = kTwoPersonCrew;
    Job nobody = job(3, 1, 0, 1000);
    nobody.skills = kLiftingEngineer | kTwoPersonCrew;
    std::vector<Vehicle> fleet = vans(2, 10);
    fleet[0].skills = kTwoPersonCrew;
    fleet[1].skills = kLiftingEngineer;
    const Problem p = euclidean({{0, 0}, {1, 0}, {2, 0}, {3, 0}}, {hoist, bed, nobody}, fleet);
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(routeOf(r.solution, 0) >= 0);
    REQUIRE(routeOf(r.solution, 1) >= 0);
    CHECK(r.solution.routes[static_cast<std::size_t>(routeOf(r.solution, 0))].vehicle == 1);
    CHECK(r.solution.routes[static_cast<std::size_t>(routeOf(r.solution, 1))].vehicle == 0);
    REQUIRE(r.solution.unassigned.size() == 1);
    CHECK(r.solution.unassigned[0].job == 2);
    CHECK(r.solution.unassigned[0].reason.find("skills") != std::string::npos);
}

TEST_CASE("allowed vehicles: a job restricted to one van is served by it") {
    Job picky = job(1, 1, 0, 1000);
    picky.allowedVehicles = {2};
    const Problem p = euclidean({{0, 0}, {1, 0}, {2, 0}}, {picky, job(2, 1, 0, 1000)}, vans(3, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(routeOf(r.solution, 0) >= 0);
    CHECK(r.solution.routes[static_cast<std::size_t>(routeOf(r.solution, 0))].vehicle == 2);
}

TEST_CASE("several depots: each van starts and ends at its own depots") {
    // Depot A at x=0, depot B at x=100; jobs near each. Van 0 runs A->A, van 1 runs B->A.
    std::vector<Vehicle> fleet = vans(2, 10);
    fleet[1].startLocation = 1;
    fleet[1].endLocation = 0;
    const Problem p = euclidean({{0, 0}, {100, 0}, {2, 0}, {98, 0}, {50, 0}},
                                {job(2, 1, 0, 10), job(3, 1, 0, 10), job(4, 1, 0, 1000)}, fleet);
    const SolveResult r = solve(p, quick(Objective::distance));
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.empty());
    // Only van 1 reaches x=98 by time 10; van 0 only reaches x=2 by 10.
    CHECK(r.solution.routes[static_cast<std::size_t>(routeOf(r.solution, 1))].vehicle == 1);
    CHECK(r.solution.routes[static_cast<std::size_t>(routeOf(r.solution, 0))].vehicle == 0);
    // Van 1's drive B -> 98 -> 50 -> A is 100 in total; van 0's A -> 2 -> A is 4.
    CHECK(r.distance.value() == doctest::Approx(104));
}

TEST_CASE("priorities: when not all jobs fit, the higher priority is kept") {
    Job low = job(1, 10, 0, 1000);
    Job high = job(2, 10, 0, 1000);
    high.priority = 3;
    const Problem p = euclidean({{0, 0}, {1, 0}, {50, 0}}, {low, high}, vans(1, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(r.solution.unassigned.size() == 1);
    CHECK(r.solution.unassigned[0].job == 0);
    CHECK(routeOf(r.solution, 1) == 0);
}

TEST_CASE("unassigned jobs carry a reason") {
    const Problem p =
        euclidean({{0, 0}, {1, 0}, {2, 0}}, {job(1, 50, 0, 1000), job(2, 1, 0, 1000)}, vans(1, 10));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    REQUIRE(r.solution.unassigned.size() == 1);
    CHECK(r.solution.unassigned[0].job == 0);
    CHECK(r.solution.unassigned[0].reason.find("capacity") != std::string::npos);
}

TEST_CASE("fleet size: more jobs than room leaves some unassigned, each with a reason") {
    std::vector<Job> jobs;
    std::vector<std::pair<double, double>> points{{0, 0}};
    for (std::size_t i = 1; i <= 6; ++i) {
        points.emplace_back(static_cast<double>(i), 0);
        jobs.push_back(job(i, 4, 0, 1000));
    }
    const Problem p = euclidean(points, jobs, vans(2, 8));
    const SolveResult r = solve(p, quick());
    requireValid(p, r.solution);
    CHECK(r.solution.unassigned.size() == 2);
    for (const UnassignedJob& u : r.solution.unassigned) {
        CHECK_FALSE(u.reason.empty());
    }
}
