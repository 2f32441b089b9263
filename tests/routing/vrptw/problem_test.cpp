#include "routing/vrptw/problem.h"

#include <doctest/doctest.h>

#include <cmath>

#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::vans;

namespace {

template <typename Quantity>
std::vector<Quantity> quantities(std::initializer_list<double> values) {
    std::vector<Quantity> result;
    for (double v : values) {
        result.emplace_back(v);
    }
    return result;
}

std::vector<Time> times(std::initializer_list<double> values) { return quantities<Time>(values); }

std::vector<Distance> distances(std::initializer_list<double> values) {
    return quantities<Distance>(values);
}

}  // namespace

TEST_CASE("time window refuses start after end, negative start and NaN") {
    CHECK_THROWS_AS(TimeWindow(Time(10), Time(5)), InputError);
    CHECK_THROWS_AS(TimeWindow(Time(-1), Time(5)), InputError);
    CHECK_THROWS_AS(TimeWindow(Time(std::nan("")), Time(5)), InputError);
    CHECK(TimeWindow(Time(5), Time(5)).contains(Time(5)));
    CHECK_FALSE(TimeWindow(Time(5), Time(6)).contains(Time(6.5)));
}

TEST_CASE("matrix refuses wrong sizes and negative values") {
    CHECK_THROWS_AS(Matrix(2, times({0, 1, 1}), distances({0, 1, 1, 0})), InputError);
    CHECK_THROWS_AS(Matrix(2, times({0, -1, 1, 0}), distances({0, 1, 1, 0})), InputError);
    CHECK_NOTHROW(Matrix(2, times({0, 1, 1, 0}), distances({0, 2, 2, 0})));
}

TEST_CASE("matrix answers each arc's own time and cost, in copies and in problems too") {
    const Matrix matrix(2, times({0, 3, 5, 0}), distances({0, 7, 11, 0}));
    const Matrix copy = matrix;
    const Problem problem(matrix, {}, {});
    for (const Matrix* m : {&matrix, &copy, &problem.matrix()}) {
        CHECK(m->size() == 2);
        CHECK(m->duration(0, 1) == Time(3));
        CHECK(m->duration(1, 0) == Time(5));
        CHECK(m->distance(0, 1) == Distance(7));
        CHECK(m->distance(1, 0) == Distance(11));
        CHECK(m->distance(1, 1) == Distance(0));
    }
}

TEST_CASE("problem checks every job and vehicle invariant") {
    const std::vector<std::pair<double, double>> points{{0, 0}, {1, 0}};
    auto make = [&](Job j, std::vector<Vehicle> v) {
        return Problem(Matrix::euclidean(points), {std::move(j)}, std::move(v));
    };
    Job good = job(1, 1, 0, 10);
    CHECK_NOTHROW(make(good, vans(1, 5)));

    Job badLocation = good;
    badLocation.location = 7;
    CHECK_THROWS_AS(make(badLocation, vans(1, 5)), InputError);

    Job negativeDemand = good;
    negativeDemand.demand = -1;
    CHECK_THROWS_AS(make(negativeDemand, vans(1, 5)), InputError);

    Job negativeService = good;
    negativeService.service = Time(-2);
    CHECK_THROWS_AS(make(negativeService, vans(1, 5)), InputError);

    Job overlapping = good;
    overlapping.windows = {TimeWindow(Time(0), Time(10)), TimeWindow(Time(5), Time(20))};
    CHECK_THROWS_AS(make(overlapping, vans(1, 5)), InputError);

    Job badAllowed = good;
    badAllowed.allowedVehicles = {3};
    CHECK_THROWS_AS(make(badAllowed, vans(1, 5)), InputError);

    Job negativePriority = good;
    negativePriority.priority = -1;
    CHECK_THROWS_AS(make(negativePriority, vans(1, 5)), InputError);

    std::vector<Vehicle> badDepot = vans(1, 5);
    badDepot[0].endLocation = 9;
    CHECK_THROWS_AS(make(good, badDepot), InputError);

    std::vector<Vehicle> negativeCapacity = vans(1, -5);
    CHECK_THROWS_AS(make(good, negativeCapacity), InputError);
}

TEST_CASE("problem sorts windows, opens empty ones, and knows who can serve whom") {
    const std::vector<std::pair<double, double>> points{{0, 0}, {1, 0}, {2, 0}};
    Job twoWindows = job(1, 1, 0, 0);
    twoWindows.windows = {TimeWindow(Time(50), Time(60)), TimeWindow(Time(10), Time(20))};
    Job anyTime = job(2, 1, 0, 0);
    anyTime.windows.clear();
    anyTime.skills = kLiftingEngineer;
    anyTime.allowedVehicles = {1};
    std::vector<Vehicle> fleet = vans(2, 5);
    fleet[0].skills = kLiftingEngineer;
    const Problem problem(Matrix::euclidean(points), {twoWindows, anyTime}, fleet);
    CHECK(problem.jobs()[0].windows.front().start() == Time(10));
    CHECK(problem.jobs()[1].windows.size() == 1);
    CHECK(problem.jobs()[1].windows.front().end() == kNoTimeLimit);
    CHECK(problem.canServe(0, 0));
    CHECK_FALSE(problem.canServe(0, 1));  // skilled but not allowed
    CHECK_FALSE(problem.canServe(1, 1));  // allowed but not skilled
}
