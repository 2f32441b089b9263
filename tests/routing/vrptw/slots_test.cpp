#include "routing/vrptw/slots.h"

#include <doctest/doctest.h>

#include "routing/vrptw/solve.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;
using ces::routing::test::job;
using ces::routing::test::requireValid;
using ces::routing::test::vans;

namespace {

constexpr Time kHour(3600);

/// `count` vans working from `start` to `end`.
std::vector<Vehicle> fleet(std::size_t count, Load capacity, Time start, Time end) {
    return vans(count, capacity, start.value(), end.value());
}

// A line of sites 600 s apart (distances in seconds): depot at 0, planned jobs at 1 and 3,
// the new job at 2. One van works 08:00-18:00.
Problem day(std::vector<Vehicle> fleet) {
    const std::vector<std::pair<double, double>> points{{0, 0}, {600, 0}, {1200, 0}, {1800, 0}};
    std::vector<Job> jobs{job(1, 2, (9 * kHour).value(), (11 * kHour).value(), 900),
                          job(3, 2, (13 * kHour).value(), (15 * kHour).value(), 900)};
    return Problem(Matrix::euclidean(points), jobs, std::move(fleet));
}

Job newJob(Load demand = 1) {
    Job j = job(2, demand, 0, 0, 900);
    j.windows.clear();
    return j;
}

}  // namespace

TEST_CASE("two-hour slots between opening hours") {
    const auto slots = slotsBetween(8 * kHour, 18 * kHour);
    REQUIRE(slots.size() == 5);
    CHECK(slots.front() == TimeWindow(8 * kHour, 10 * kHour));
    CHECK(slots.back() == TimeWindow(16 * kHour, 18 * kHour));
    CHECK_THROWS_AS(slotsBetween(Time(0), Time(10), Time(0)), InputError);
}

TEST_CASE("slot offers: feasible slots only, cheapest first, with the insertion found") {
    const Problem p = day(fleet(1, 10, 8 * kHour, 18 * kHour));
    const Solution plan{{Route{0, {0, 1}}}, {}};
    const DayPlan dayPlan(p, plan);
    const auto offers = offerSlots(dayPlan, newJob(), slotsBetween(8 * kHour, 18 * kHour));
    REQUIRE_FALSE(offers.empty());
    for (std::size_t i = 1; i < offers.size(); ++i) {
        CHECK(offers[i - 1].cost <= offers[i].cost);
    }
    // Between the two planned stops (x=600 then x=1800) the detour is zero: 600 + 600 - 1200.
    CHECK(offers.front().cost.value() == doctest::Approx(0));
    CHECK(offers.front().position == 1);
    // Every offered slot really fits: book it and re-check the whole plan.
    for (const SlotOffer& offer : offers) {
        std::vector<Job> jobs = p.jobs();
        jobs.push_back(bookSlot(newJob(), offer.window));
        const Problem booked(p.matrix(), jobs, p.vehicles());
        Route route = plan.routes[0];
        route.jobs.insert(route.jobs.begin() + static_cast<long>(offer.position), 2);
        requireValid(booked, Solution{{route}, {}});
    }
}

TEST_CASE("slot offers: a full van or missing skills means no offer") {
    const Problem p = day(fleet(1, 4, 8 * kHour, 18 * kHour));
    const DayPlan full(p, Solution{{Route{0, {0, 1}}}, {}});
    CHECK(offerSlots(full, newJob(1), slotsBetween(8 * kHour, 18 * kHour)).empty());

    const Problem roomy = day(fleet(1, 10, 8 * kHour, 18 * kHour));
    const DayPlan plan(roomy, Solution{{Route{0, {0, 1}}}, {}});
    Job hoist = newJob();
    hoist.skills = kLiftingEngineer;
    CHECK(offerSlots(plan, hoist, slotsBetween(8 * kHour, 18 * kHour)).empty());
}

TEST_CASE("slot offers: a slot outside the van's shift or the job's own windows is not offered") {
    const Problem p = day(fleet(1, 10, 8 * kHour, 12 * kHour));
    const DayPlan plan(p, Solution{{Route{0, {0}}}, {{1, "late"}}});
    const auto offers = offerSlots(plan, newJob(), slotsBetween(8 * kHour, 18 * kHour));
    for (const SlotOffer& offer : offers) {
        CHECK(offer.window.end() <= 12 * kHour);
    }
    Job afternoonOnly = newJob();
    afternoonOnly.windows = {TimeWindow(14 * kHour, 17 * kHour)};
    CHECK(offerSlots(plan, afternoonOnly, slotsBetween(8 * kHour, 18 * kHour)).empty());
}

TEST_CASE("slot offers: an idle van is offered with its full cost, and an invalid plan refused") {
    const Problem p = day(fleet(2, 10, 8 * kHour, 18 * kHour));
    const DayPlan plan(p, Solution{{Route{0, {0, 1}}}, {}});
    const auto offers = offerSlots(plan, newJob(), {TimeWindow(8 * kHour, 10 * kHour)});
    // Between 08:00 and 10:00 the planned van is busy at 09:00 at x=600: going to x=1200 first
    // and back costs 1200 extra; the idle van costs 2400. The busy van is cheaper.
    REQUIRE(offers.size() == 1);
    CHECK(offers[0].vehicle == 0);
    CHECK_THROWS_AS(DayPlan(p, Solution{{Route{0, {1, 0}}}, {}}), InputError);
}

TEST_CASE("slot offers over several days are merged cheapest first") {
    const Problem busy = day(fleet(1, 10, 8 * kHour, 18 * kHour));
    const Problem quiet = day(fleet(1, 10, 8 * kHour, 18 * kHour));
    const DayPlan monday(busy, Solution{{}, {{0, "x"}, {1, "x"}}});
    const DayPlan tuesday(quiet, Solution{{Route{0, {0, 1}}}, {}});
    const auto offers =
        offerSlotsOverDays({{&monday, newJob(), slotsBetween(8 * kHour, 18 * kHour)},
                            {&tuesday, newJob(), slotsBetween(8 * kHour, 18 * kHour)}});
    REQUIRE_FALSE(offers.empty());
    CHECK(offers.front().day == 1);  // joining Tuesday's route is free; Monday needs a trip
    for (std::size_t i = 1; i < offers.size(); ++i) {
        CHECK(offers[i - 1].offer.cost <= offers[i].offer.cost);
    }
}

TEST_CASE("a booked slot is a hard window when the day is re-optimised") {
    const Problem p = day(fleet(1, 10, 8 * kHour, 18 * kHour));
    std::vector<Job> jobs = p.jobs();
    jobs.push_back(bookSlot(newJob(), TimeWindow(16 * kHour, 18 * kHour)));
    const Problem booked(p.matrix(), jobs, p.vehicles());
    SolveOptions options;
    options.iterations = 500;
    const SolveResult r = solve(booked, options);
    requireValid(booked, r.solution);
    REQUIRE(r.solution.unassigned.empty());
    for (const Stop& stop : schedule(booked, r.solution.routes[0])) {
        if (stop.job == 2) {
            CHECK(stop.start >= 16 * kHour);
        }
    }
}
