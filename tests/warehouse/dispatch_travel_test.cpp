#include "warehouse/dispatch_travel.h"

#include <doctest/doctest.h>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/solve.h"
#include "warehouse/dispatch.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::year_month_day;

namespace {

const year_month_day kTuesday{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(3)};

std::vector<store::VanCrew> twoDepots() {
    std::vector<store::VanCrew> vans;
    for (int v = 0; v < 3; ++v) {
        store::VanCrew van;
        van.vanId = VanId(v + 1);
        van.code = "VAN-" + std::to_string(v + 1);
        van.depot = DepotId(v % 2 + 1);
        van.depotLat = v % 2 == 0 ? 51.27 : 51.35;
        van.depotLon = v % 2 == 0 ? 1.08 : 0.52;
        van.capacity = 20;
        van.people = 2;
        van.shiftStartSeconds = 8 * 3600;
        van.shiftEndSeconds = 17 * 3600;
        vans.push_back(van);
    }
    return vans;
}

// Collections around Kent, every third with a booked morning slot.
std::vector<store::VisitJob> visitsAround(int count) {
    std::vector<store::VisitJob> visits;
    for (int i = 0; i < count; ++i) {
        store::VisitJob visit;
        visit.id = VisitId(100 + i);
        visit.kind = VisitKind::collection;
        visit.lat = 51.1 + 0.013 * (i * 7 % 23);
        visit.lon = 0.4 + 0.021 * (i * 11 % 31);
        visit.depot = DepotId(i % 2 + 1);
        visit.dueDate = kTuesday;
        if (i % 3 == 0) {
            visit.slotStartSeconds = 9 * 3600;
            visit.slotEndSeconds = 12 * 3600;
        }
        visit.items.push_back({});
        visit.items.back().quantity = 1;
        visit.items.back().vanSpace = 2;
        visits.push_back(visit);
    }
    return visits;
}

DispatchProblem dayProblem(const std::vector<store::VisitJob>& visits,
                           const std::vector<store::VanCrew>& vans, const DispatchTravel* travel) {
    const DispatchPolicy policy;
    const auto windows = [](const store::VisitJob& v) { return windowsOf(v, kTuesday); };
    const auto priority = [](const store::VisitJob& v) { return priorityOf(v, kTuesday); };
    return travel ? buildProblemOver(*travel, {kTuesday}, visits, vans, policy, windows, priority)
                  : buildProblemOver({kTuesday}, visits, vans, policy, windows, priority);
}

}  // namespace

TEST_CASE("dispatch travel - a day built on a week's shared matrix plans as the day built alone") {
    const auto vans = twoDepots();
    const auto week = visitsAround(30);
    // Every other visit of the week, as one day of a horizon takes part of its visits.
    std::vector<store::VisitJob> day;
    for (std::size_t i = 1; i < week.size(); i += 2) day.push_back(week[i]);
    const DispatchPolicy policy;
    const auto travel = dispatchTravel(week, vans, policy.roads.get(), policy.travel);
    CHECK(travel.matrix.size() == 2 + week.size());

    const auto alone = dayProblem(day, vans, nullptr);
    const auto shared = dayProblem(day, vans, &travel);
    CHECK(shared.problem.matrix().size() == travel.matrix.size());
    CHECK(shared.travelSource == alone.travelSource);
    // Every pair of places has the same travel in both problems.
    const auto place = [](const DispatchProblem& built, std::size_t p) {
        const auto& vehicles = built.problem.vehicles();
        return p < vehicles.size() ? vehicles[p].startLocation
                                   : built.problem.jobs()[p - vehicles.size()].location;
    };
    const std::size_t places = vans.size() + day.size();
    for (std::size_t a = 0; a < places; ++a) {
        for (std::size_t b = 0; b < places; ++b) {
            const auto& m1 = alone.problem.matrix();
            const auto& m2 = shared.problem.matrix();
            CHECK(m1.duration(place(alone, a), place(alone, b)) ==
                  m2.duration(place(shared, a), place(shared, b)));
            CHECK(m1.distance(place(alone, a), place(alone, b)) ==
                  m2.distance(place(shared, a), place(shared, b)));
        }
    }
    // The same search gives the same routes, each one valid.
    routing::SolveOptions options;
    options.iterations = 200;
    options.objective = routing::Objective::distance;
    const auto one = routing::solve(alone.problem, options);
    const auto two = routing::solve(shared.problem, options);
    CHECK(routing::check(alone.problem, one.solution).empty());
    CHECK(routing::check(shared.problem, two.solution).empty());
    REQUIRE(one.solution.routes.size() == two.solution.routes.size());
    for (std::size_t r = 0; r < one.solution.routes.size(); ++r) {
        CHECK(one.solution.routes[r].vehicle == two.solution.routes[r].vehicle);
        CHECK(one.solution.routes[r].jobs == two.solution.routes[r].jobs);
    }
    CHECK(one.distance == two.distance);
    CHECK(one.solution.unassigned.size() == two.solution.unassigned.size());
}

TEST_CASE("dispatch travel - a visit the shared travel lacks is refused") {
    const auto vans = twoDepots();
    const auto visits = visitsAround(4);
    const DispatchPolicy policy;
    const auto travel = dispatchTravel({visits[0], visits[1]}, vans, nullptr, policy.travel);
    CHECK_THROWS_AS(dayProblem(visits, vans, &travel), std::out_of_range);
}
