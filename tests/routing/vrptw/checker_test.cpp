#include "routing/vrptw/checker.h"

#include <doctest/doctest.h>

#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::euclidean;
using ces::routing::test::job;
using ces::routing::test::vans;

namespace {

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
    for (const std::string& e : errors) {
        if (e.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Depot at 0, jobs at x = 10, 20 on a line.
const std::vector<std::pair<double, double>> kLine{{0, 0}, {10, 0}, {20, 0}};

}  // namespace

TEST_CASE("checker accepts a valid route and computes its distance") {
    const Problem p = euclidean(kLine, {job(1, 1, 0, 100), job(2, 1, 0, 100)}, vans(1, 5));
    const Solution s{{Route{0, {0, 1}}}, {}};
    CHECK(check(p, s).empty());
    CHECK(totalDistance(p, s).value() == doctest::Approx(40));
}

TEST_CASE("checker finds a missed time window") {
    const Problem p = euclidean(kLine, {job(1, 1, 0, 15), job(2, 1, 0, 100)}, vans(1, 5));
    CHECK(check(p, Solution{{Route{0, {0, 1}}}, {}}).empty());
    // Going to x=20 first reaches x=10 at 30, past its due time 15.
    CHECK(mentions(check(p, Solution{{Route{0, {1, 0}}}, {}}), "time window"));
}

TEST_CASE("checker finds load over capacity at a point inside the route") {
    // Pick up 4 first, then deliver 4: leaves the depot with 4, holds 8 after the pickup.
    const Problem p =
        euclidean(kLine, {job(1, 4, 0, 100, 0, JobKind::pickup), job(2, 4, 0, 100)}, vans(1, 6));
    CHECK(mentions(check(p, Solution{{Route{0, {0, 1}}}, {}}), "capacity"));
    CHECK(check(p, Solution{{Route{0, {1, 0}}}, {}}).empty());
    const Problem heavy = euclidean(kLine, {job(1, 4, 0, 100), job(2, 4, 0, 100)}, vans(1, 6));
    CHECK(mentions(check(heavy, Solution{{Route{0, {0, 1}}}, {}}), "depot"));
}

TEST_CASE("checker finds missing skills, late return, duplicates and gaps") {
    Job skilled = job(1, 1, 0, 100);
    skilled.skills = kTwoPersonCrew;
    const Problem p = euclidean(kLine, {skilled, job(2, 1, 0, 100)}, vans(2, 5, 0, 30));
    const auto errors = check(p, Solution{{Route{0, {0, 1}}}, {}});
    CHECK(mentions(errors, "skill"));
    CHECK(mentions(errors, "shift"));
    CHECK(mentions(check(p, Solution{{Route{0, {0}}, Route{0, {1}}}, {}}), "used twice"));
    CHECK(mentions(check(p, Solution{{Route{1, {1, 1}}}, {{0, "x"}}}), "appears 2 times"));
    CHECK(mentions(check(p, Solution{{Route{1, {1}}}, {}}), "appears 0 times"));
}
