// Putting a job into routes on the road, on a small straight-line problem (durations equal
// distances): stops done stay, a van out calls at its depot to load, booked slots hold unless
// breaking them is allowed, an emergency goes to whoever serves it soonest.
#include "warehouse/route_insertion.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace ces;
using namespace ces::warehouse;

namespace {

routing::Job job(const std::string& id, std::size_t location, routing::JobKind kind,
                 routing::Load demand, std::vector<routing::TimeWindow> windows = {}) {
    routing::Job j;
    j.id = id;
    j.location = location;
    j.kind = kind;
    j.demand = demand;
    j.service = routing::Time(10);
    j.windows = std::move(windows);
    return j;
}

routing::Vehicle van(routing::Load capacity) {
    routing::Vehicle v;
    v.id = "W1";
    v.shift = routing::TimeWindow(routing::Time(0), routing::Time(1000));
    v.capacity = capacity;
    return v;
}

routing::TimeWindow window(double from, double to) {
    return routing::TimeWindow(routing::Time(from), routing::Time(to));
}

// The depot at 0, A, B and C along a road east, and N just off it between A and B.
const std::vector<std::pair<double, double>> kPlaces{{0, 0}, {10, 0}, {20, 0}, {30, 0}, {15, 5}};
constexpr std::size_t kA = 0, kB = 1, kC = 2, kN = 3;

routing::Problem problem(std::vector<routing::Job> jobs, std::vector<routing::Vehicle> vans) {
    return routing::Problem(routing::Matrix::euclidean(kPlaces), std::move(jobs), std::move(vans));
}

std::vector<routing::Job> deliveries(std::vector<routing::TimeWindow> bWindows = {},
                                     std::vector<routing::TimeWindow> nWindows = {}) {
    using routing::JobKind;
    return {job("A", 1, JobKind::delivery, 1), job("B", 2, JobKind::delivery, 1, bWindows),
            job("C", 3, JobKind::delivery, 1), job("N", 4, JobKind::delivery, 1, nWindows)};
}

RouteOnRoad atDepot(std::vector<std::size_t> jobs, std::size_t vehicle = 0) {
    RouteOnRoad route;
    route.vehicle = vehicle;
    route.loadAtDepotFirst.assign(jobs.size(), 0);
    route.jobs = std::move(jobs);
    return route;
}

}  // namespace

TEST_CASE("a van that has not left takes a new delivery where it adds least driving") {
    const auto p = problem(deliveries(), {van(10)});
    const auto choice = bestInsertion(p, {atDepot({kA, kB, kC})}, kN, {});
    REQUIRE(choice);
    // After C, on the way home: 2 x 15.8 instead of 30 (between A and B would add 4.1).
    CHECK(choice->position == 3);
    CHECK_FALSE(choice->loadAtDepotFirst);
    CHECK(choice->addedDistance == doctest::Approx(2 * std::sqrt(250.0) - 30));
    CHECK(choice->start == doctest::Approx(60 + std::sqrt(250.0)));
}

TEST_CASE("stops done or under way stay, and a van out calls at its depot to load a delivery") {
    const auto p = problem(deliveries(), {van(10)});
    RouteOnRoad route = atDepot({kA, kB, kC});
    route.fixed = 2;  // A done, B under way
    route.anchorLocation = 2;
    route.anchorDeparture = 100;
    route.leftDepot = true;
    InsertionRules rules;
    rules.loadSeconds = 15;
    const auto choice = bestInsertion(p, {route}, kN, rules);
    REQUIRE(choice);
    CHECK(choice->position >= 2);
    CHECK(choice->loadAtDepotFirst);
    // Cheapest after C: on to C (10, 10 on site), back 30 to the depot, 15 loading, out to N.
    CHECK(choice->position == 3);
    CHECK(choice->start == doctest::Approx(100 + 20 + 30 + 15 + std::sqrt(250.0)));
    CHECK(choice->arrival.size() == 2);  // C and N: the stops after the fixed ones
}

TEST_CASE("a booked slot holds unless breaking it is allowed, and then it is counted") {
    // N must start by 28, which makes B (booked 30-32) late wherever N goes.
    const auto p = problem(deliveries({window(30, 32)}, {window(0, 28)}), {van(10)});
    InsertionRules rules;
    rules.softWindows = {0, 1, 0, 0};
    CHECK_FALSE(bestInsertion(p, {atDepot({kA, kB, kC})}, kN, rules));
    rules.allowBrokenSlots = true;
    const auto choice = bestInsertion(p, {atDepot({kA, kB, kC})}, kN, rules);
    REQUIRE(choice);
    CHECK(choice->slotsBroken == 1);
    // The new job's own window is never given up.
    CHECK(choice->start <= 28);
    rules.softWindows = {0, 0, 0, 0};
    CHECK_FALSE(bestInsertion(p, {atDepot({kA, kB, kC})}, kN, rules));
}

TEST_CASE("an emergency goes to the van that reaches it soonest, other work where it adds least") {
    const auto p = problem(deliveries(), {van(10), van(10)});
    RouteOnRoad busy = atDepot({kA, kB});
    busy.fixed = 1;
    busy.anchorLocation = 1;
    busy.anchorDeparture = 100;
    const RouteOnRoad idle = atDepot({}, 1);
    InsertionRules rules;
    const auto cheapest = bestInsertion(p, {busy, idle}, kN, rules);
    REQUIRE(cheapest);
    CHECK(cheapest->route == 0);
    rules.soonest = true;
    const auto soonest = bestInsertion(p, {busy, idle}, kN, rules);
    REQUIRE(soonest);
    CHECK(soonest->route == 1);
    CHECK(soonest->start == doctest::Approx(std::sqrt(250.0)));
}

TEST_CASE("van space: a call at the depot unloads what was collected before loading") {
    using routing::JobKind;
    // A delivers 1, B collects 1, N delivers 2, in a van holding 2.
    const auto p = problem({job("A", 1, JobKind::delivery, 1), job("B", 2, JobKind::pickup, 1),
                            job("C", 3, JobKind::delivery, 0), job("N", 4, JobKind::delivery, 2)},
                           {van(2)});
    // Loaded in the morning N does not fit beside A's item.
    CHECK_FALSE(bestInsertion(p, {atDepot({kA, kB})}, kN, {}));
    RouteOnRoad out = atDepot({kA, kB});
    out.fixed = 2;
    out.anchorLocation = 2;
    out.anchorDeparture = 50;
    out.leftDepot = true;
    InsertionRules rules;
    rules.loadSeconds = 15;
    const auto choice = bestInsertion(p, {out}, kN, rules);
    REQUIRE(choice);
    CHECK(choice->loadAtDepotFirst);
    // A shift that ends too soon for the trip leaves no place at all.
    out.anchorDeparture = 990;
    CHECK_FALSE(bestInsertion(p, {out}, kN, rules));
}
