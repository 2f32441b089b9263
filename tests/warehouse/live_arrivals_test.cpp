#include "warehouse/live_arrivals.h"

#include <doctest/doctest.h>

#include "core/store/dispatch/dispatch.h"
#include "core/store/messages/outbox.h"
#include "core/uk_time.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/dispatch.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

store::RunningStop stop(long id, int arrival, int start, int departure) {
    store::RunningStop s;
    s.visit = VisitId(id);
    s.plannedArrival = arrival;
    s.plannedStart = start;
    s.plannedDeparture = departure;
    return s;
}

constexpr int kHour = 3600;
constexpr int kMinute = 60;

}  // namespace

TEST_CASE("later stops start from the real time of the one recorded and the plan's travel") {
    // 9:00-9:30 at stop 1; 20 minutes' drive to stop 2 (9:50-10:20); stop 3's slot opens at 11:00,
    // so the plan waited there from 10:40.
    const std::vector<store::RunningStop> stops = {
        stop(1, 9 * kHour, 9 * kHour, 9 * kHour + 30 * kMinute),
        stop(2, 9 * kHour + 50 * kMinute, 9 * kHour + 50 * kMinute, 10 * kHour + 20 * kMinute),
        stop(3, 10 * kHour + 40 * kMinute, 11 * kHour, 11 * kHour + 30 * kMinute)};
    SUBCASE("forty minutes late") {
        const auto starts = laterStarts(stops, VisitId(1), 10 * kHour + 10 * kMinute);
        CHECK_FALSE(starts[0].has_value());
        CHECK(starts[1] == 10 * kHour + 30 * kMinute);
        CHECK(starts[2] == 11 * kHour + 20 * kMinute);  // 40 minutes late eats the 20 of waiting
    }
    SUBCASE("early: the slot still opens when it opens") {
        const auto starts = laterStarts(stops, VisitId(1), 9 * kHour + 10 * kMinute);
        CHECK(starts[1] == 9 * kHour + 30 * kMinute);
        CHECK(starts[2] == 11 * kHour);
    }
    SUBCASE("a stop already recorded is skipped, the drive after it still counted") {
        auto recorded = stops;
        recorded[1].status = VisitStatus::completed;
        const auto starts = laterStarts(recorded, VisitId(1), 10 * kHour + 10 * kMinute);
        CHECK_FALSE(starts[1].has_value());
        CHECK(starts[2] == 11 * kHour);  // 10:10 plus the planned drives, then the slot
    }
    SUBCASE("an unknown visit changes nothing") {
        for (const auto& start : laterStarts(stops, VisitId(9), 10 * kHour)) CHECK_FALSE(start);
    }
}

TEST_CASE("a van runs late or early by its last recorded stop") {
    std::vector<store::RunningStop> stops = {
        stop(1, 9 * kHour, 9 * kHour, 9 * kHour + 30 * kMinute),
        stop(2, 10 * kHour, 10 * kHour, 10 * kHour + 30 * kMinute)};
    CHECK_FALSE(vanRunning(stops).has_value());
    const std::chrono::year_month_day day{std::chrono::year(2026), std::chrono::month(3),
                                          std::chrono::day(3)};
    stops[0].completedAt = fromUkLocal(day, std::chrono::seconds(9 * kHour + 45 * kMinute));
    const auto running = vanRunning(stops);
    REQUIRE(running.has_value());
    CHECK(running->lastStop == 1);
    CHECK(running->stops == 2);
    CHECK(running->minutesLate == 15);
}

TEST_CASE("recording a stop tells the next resident the van is coming and moves later windows") {
    test::WarehouseCounty county;
    county.addFleet();
    for (int i = 0; i < 4; ++i) county.place({{"RAIL", 1}});
    const std::chrono::year_month_day tuesday{std::chrono::year(2026), std::chrono::month(3),
                                              std::chrono::day(3)};
    DispatchPolicy policy;
    policy.iterations = 50;
    const auto plan =
        optimiseDay(*county.db, tuesday, county.planner, county.now, WorkingDayCalendar(), policy);
    const store::StoredPlan::Route* longest = nullptr;
    for (const auto& route : plan.routes) {
        if (!longest || route.route.stops.size() > longest->route.stops.size()) longest = &route;
    }
    REQUIRE(longest != nullptr);
    REQUIRE(longest->route.stops.size() >= 3);
    const auto& stops = longest->route.stops;
    county.db->write([](store::Connection& c) {
        c.execute("UPDATE residents SET email = 'someone@example.org', contact_channel = 'email'");
        return 0;
    });
    // The first stop is recorded an hour after the plan had the crew leave it.
    const Instant late =
        fromUkLocal(tuesday, std::chrono::seconds(stops[0].departureSeconds + kHour));
    county.db->write([&](store::Connection& c) {
        return recordVisitOutcome(c, stops[0].visitId, VisitOutcome::installed_demonstrated,
                                  std::nullopt, "", county.driver, late, WorkingDayCalendar(),
                                  MaintenancePolicy{});
    });
    const auto messages = county.db->read([](store::Connection& c) {
        return store::listOutbox(c, store::OutboxFilter::waiting, {}).items;
    });
    auto kindFor = [&](VisitId visit) {
        std::vector<std::string> kinds;
        for (const auto& m : messages) {
            if (m.entity == "visit" && m.entityId == std::to_string(visit.value())) {
                kinds.push_back(m.kind);
            }
        }
        return kinds;
    };
    const auto second = kindFor(stops[1].visitId);
    CHECK(std::find(second.begin(), second.end(), "van_next") != second.end());
    const auto third = kindFor(stops[2].visitId);
    CHECK(std::find(third.begin(), third.end(), "window_moved") != third.end());
    const auto estimates = county.db->read(
        [&](store::Connection& c) { return store::vanDays(c, tuesday).at(longest->van.vanId); });
    CHECK(estimates[1].estimatedStart.value_or(0) >= stops[1].startSeconds + 50 * kMinute);
    CHECK(estimates[0].completedAt.has_value());
    // Recording the second stop does not tell the second resident again.
    const Instant later = late + std::chrono::minutes(40);
    county.db->write([&](store::Connection& c) {
        return recordVisitOutcome(c, stops[1].visitId, VisitOutcome::installed_demonstrated,
                                  std::nullopt, "", county.driver, later, WorkingDayCalendar(),
                                  MaintenancePolicy{});
    });
    const auto after = county.db->read([](store::Connection& c) {
        return store::listOutbox(c, store::OutboxFilter::all, {}).items;
    });
    int nextMessages = 0;
    for (const auto& m : after) nextMessages += m.kind == "van_next";
    CHECK(nextMessages == 2);  // one for stop 2, one for stop 3
}
