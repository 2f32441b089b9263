#include "routing/vrptw/arrival_windows.h"

#include <doctest/doctest.h>

#include "routing/vrptw/solve.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::vans;

namespace {
constexpr Time kHour(3600);
}

TEST_CASE("arrival window: one hour centred on the planned start") {
    const TimeWindow w = arrivalWindowFor(11 * kHour, TimeWindow(10 * kHour, 12 * kHour));
    CHECK(w == TimeWindow(10.5 * kHour, 11.5 * kHour));
}

TEST_CASE("arrival window: clamped to the slot at either end") {
    const TimeWindow slot(10 * kHour, 12 * kHour);
    CHECK(arrivalWindowFor(10 * kHour + Time(60), slot) == TimeWindow(10 * kHour, 11 * kHour));
    CHECK(arrivalWindowFor(12 * kHour, slot) == TimeWindow(11 * kHour, 12 * kHour));
}

TEST_CASE("arrival window: a slot shorter than an hour is given whole") {
    const TimeWindow slot(10 * kHour, 10.5 * kHour);
    CHECK(arrivalWindowFor(10.2 * kHour, slot) == slot);
    CHECK_THROWS_AS(arrivalWindowFor(Time(), slot, Time()), InputError);
}

TEST_CASE("arrival windows for a solved day lie inside each slot and hold the plan") {
    std::vector<std::pair<double, double>> points{{0, 0}};
    std::vector<Job> jobs;
    for (std::size_t i = 1; i <= 12; ++i) {
        points.emplace_back(300.0 * static_cast<double>(i % 5), 400.0 * static_cast<double>(i % 3));
        const Time slotStart = (8 + 2 * static_cast<double>(i % 5)) * kHour;
        jobs.push_back(job(i, 1, slotStart.value(), (slotStart + 2 * kHour).value(), 1200));
    }
    const Problem p(Matrix::euclidean(points), jobs,
                    vans(3, 10, (8 * kHour).value(), (19 * kHour).value()));
    SolveOptions options;
    options.iterations = 500;
    const SolveResult r = solve(p, options);
    test::requireValid(p, r.solution);
    const auto windows = arrivalWindows(p, r.solution);
    REQUIRE(windows.size() == r.solution.routes.size());
    std::size_t count = 0;
    for (const auto& route : windows) {
        for (const ArrivalWindow& a : route) {
            ++count;
            CHECK(a.window.length().value() == doctest::Approx(kHour.value()));
            CHECK(a.window.start() >= a.slot.start());
            CHECK(a.window.end() <= a.slot.end());
            CHECK(a.window.contains(a.plannedStart));
            CHECK(a.slot == p.jobs()[a.job].windows.front());
        }
    }
    CHECK(count == 12 - r.solution.unassigned.size());
}
