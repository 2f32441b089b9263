// Same-day changes on a stored plan: an emergency put into routes already on the road keeps
// what drivers have done, takes a van out back to its depot to load, and is stored and audited.
#include "warehouse/same_day_insert.h"

#include <doctest/doctest.h>

#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/van_progress.h"
#include "core/store/messages/outbox.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/uk_time.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/delivery_slots.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::day;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

const year_month_day kMonday{year(2026), month(3), day(2)};

DispatchPolicy quickPolicy() {
    DispatchPolicy policy;
    policy.iterations = 50;
    return policy;
}

Instant at(hours h, minutes m = minutes(0)) { return fromUkLocal(kMonday, h + m); }

struct RoadCounty {
    test::WarehouseCounty county;

    RoadCounty() {
        county.db->write([&](store::Connection& c) {
            c.execute(
                "UPDATE residents SET email = 'someone@example.org', contact_channel = "
                "'email'");
            const auto van = store::createVan(c, "W9", county.west, 40, 240);
            store::createCrew(c, "West nine", van, 2, true, 8 * 3600, 17 * 3600);
        });
        for (int i = 0; i < 3; ++i) county.place({{"RAIL", 1}});
        optimiseDay(*county.db, kMonday, county.planner, at(hours(7)), WorkingDayCalendar(),
                    quickPolicy());
    }
    store::StoredPlan plan() {
        return *county.db->read([&](store::Connection& c) { return store::loadPlan(c, kMonday); });
    }
    std::string emergency(Instant approved) {
        store::NewOrder order;
        order.resident = county.resident;
        order.speed = Speed::emergency;
        order.lines.push_back({"RAIL", 1});
        return county.db
            ->write([&](store::Connection& c) {
                return store::createOrder(c, order, county.prescriber, approved,
                                          WorkingDayCalendar());
            })
            .reference;
    }
    SameDayInsertion insert(VisitId visit, Instant now, bool confirm = false) {
        return insertIntoDay(*county.db, kMonday, visit, confirm, county.planner, now,
                             quickPolicy());
    }
    void record(VisitId visit, Instant now) {
        county.db->write([&](store::Connection& c) {
            return recordVisitOutcome(c, visit, VisitOutcome::installed_demonstrated, std::nullopt,
                                      "", county.driver, now, WorkingDayCalendar(),
                                      MaintenancePolicy());
        });
    }
};

// The messages of `kind` about a visit; only those still waiting when `waitingOnly`.
std::vector<store::OutboxMessage> messagesAbout(RoadCounty& road, VisitId visit,
                                                const std::string& kind, bool waitingOnly) {
    std::vector<store::OutboxMessage> found;
    const auto filter = waitingOnly ? store::OutboxFilter::waiting : store::OutboxFilter::all;
    for (const auto& m : road.county.db->read([&](store::Connection& c) {
             return store::listOutbox(c, filter, {std::nullopt, 500}).items;
         })) {
        if (m.entity == "visit" && m.entityId == std::to_string(visit.value()) && m.kind == kind) {
            found.push_back(m);
        }
    }
    return found;
}

const store::StoredPlan::Route& routeOf(const store::StoredPlan& plan, VanId van) {
    const auto route = std::find_if(plan.routes.begin(), plan.routes.end(),
                                    [&](const auto& r) { return r.van.vanId == van; });
    REQUIRE(route != plan.routes.end());
    return *route;
}

}  // namespace

TEST_CASE("an emergency goes into a route on the road after the stops done and under way") {
    RoadCounty road;
    const auto before = road.plan();
    REQUIRE_FALSE(before.routes.empty());
    const auto& first = before.routes.front();
    REQUIRE(first.route.stops.size() >= 1);
    road.record(first.route.stops[0].visitId, at(hours(9), minutes(30)));

    const auto reference = road.emergency(at(hours(10)));
    const VisitId visit = deliveryVisitOf(*road.county.db, reference, at(hours(10)));
    CHECK(deliveryVisitOf(*road.county.db, reference, at(hours(10))) == visit);  // booked once
    const auto insertion = road.insert(visit, at(hours(10)));
    CHECK(insertion.applied);
    CHECK(insertion.slotsBroken == 0);
    CHECK(insertion.arrivalSeconds >= 10 * 3600);
    CHECK(insertion.window.startSeconds <= insertion.arrivalSeconds);
    CHECK(insertion.arrivalSeconds <= insertion.window.endSeconds);
    CHECK(insertion.position > insertion.fixedStops);
    // The one van left its depot at 08:00: it goes back to load the rail; its first stop is done
    // and it is on its way to the second.
    CHECK(insertion.loadAtDepotFirst);
    CHECK(insertion.fixedStops == 2);

    const auto after = road.plan();
    bool found = false;
    for (const auto& route : after.routes) {
        const auto old =
            std::find_if(before.routes.begin(), before.routes.end(),
                         [&](const auto& r) { return r.van.vanId == route.van.vanId; });
        if (route.van.vanId != insertion.van) {
            REQUIRE(old != before.routes.end());
            CHECK(old->route.stops.size() == route.route.stops.size());
            continue;
        }
        found = true;
        const auto& stop = route.route.stops[static_cast<std::size_t>(insertion.position - 1)];
        CHECK(stop.visitId == visit);
        CHECK(stop.loadAtDepotFirst);
        CHECK((route.visits[static_cast<std::size_t>(insertion.position - 1)].status ==
               VisitStatus::planned));
        // The stops kept are the same visits at the same times.
        if (old != before.routes.end()) {
            for (int s = 0; s < insertion.fixedStops; ++s) {
                CHECK(route.route.stops[s].visitId == old->route.stops[s].visitId);
                CHECK(route.route.stops[s].startSeconds == old->route.stops[s].startSeconds);
            }
        }
    }
    CHECK(found);
    road.county.db->read([&](store::Connection& c) {
        CHECK((store::findOrderRow(c, reference).status == OrderStatus::scheduled));
    });
    CHECK_THROWS_AS(road.insert(visit, at(hours(10), minutes(5))), Conflict);
}

TEST_CASE("a visit no van can reach in its shift is refused with the reason") {
    RoadCounty road;
    const auto reference = road.emergency(at(hours(16), minutes(50)));
    const VisitId visit = deliveryVisitOf(*road.county.db, reference, at(hours(16), minutes(50)));
    try {
        road.insert(visit, at(hours(16), minutes(50)));
        FAIL("expected a refusal");
    } catch (const Conflict& e) {
        CHECK(e.code() == "no_van_can_take_it");
        CHECK(std::string(e.what()).find("before it is due") != std::string::npos);
    }
}

TEST_CASE("a visit goes only into a stored plan of today or later") {
    RoadCounty road;
    const auto reference = road.emergency(at(hours(10)));
    const VisitId visit = deliveryVisitOf(*road.county.db, reference, at(hours(10)));
    const auto tuesday = std::chrono::sys_days(kMonday) + std::chrono::days(1);
    CHECK_THROWS_AS(insertIntoDay(*road.county.db, year_month_day(tuesday), visit, false,
                                  road.county.planner, at(hours(10)), quickPolicy()),
                    Conflict);
    CHECK_THROWS_AS(insertIntoDay(*road.county.db, kMonday, visit, false, road.county.planner,
                                  fromUkLocal(year_month_day(tuesday), hours(9)), quickPolicy()),
                    ValidationError);
    CHECK_THROWS_AS(road.insert(VisitId(999999), at(hours(10))), NotFound);
}

TEST_CASE(
    "after an emergency goes in, residents told a window hear when it moved by over 30 "
    "minutes, and the new resident hears theirs") {
    RoadCounty road;
    road.county.db->write(
        [&](store::Connection& c) { return store::markMessagesSentBefore(c, at(hours(9))); });
    const auto before = road.plan();
    road.record(before.routes.front().route.stops[0].visitId, at(hours(9), minutes(30)));
    const auto reference = road.emergency(at(hours(10)));
    const VisitId visit = deliveryVisitOf(*road.county.db, reference, at(hours(10)));
    // What each resident was last told: the 07:00 window, or the one the 09:30 record moved.
    const auto running =
        road.county.db->read([&](store::Connection& c) { return store::vanDays(c, kMonday); });
    const auto insertion = road.insert(visit, at(hours(10)));
    REQUIRE(insertion.applied);
    const auto toldStart = [&](VisitId other) {
        for (const auto& stop : running.at(insertion.van)) {
            if (stop.visit == other) return stop.toldStart.value_or(stop.plannedStart);
        }
        FAIL("the visit was not on the van");
        return 0;
    };
    const auto after = road.plan();
    const auto& now = routeOf(after, insertion.van);
    int told = 0;
    for (std::size_t s = static_cast<std::size_t>(insertion.fixedStops); s < now.route.stops.size();
         ++s) {
        const VisitId other = now.route.stops[s].visitId;
        if (other == visit) continue;
        const int moved = std::abs(now.route.stops[s].startSeconds - toldStart(other));
        CAPTURE(moved);
        const auto movedMessages = messagesAbout(road, other, "window_moved", false);
        const auto byInsert =
            std::count_if(movedMessages.begin(), movedMessages.end(),
                          [&](const auto& m) { return m.createdAt == at(hours(10)); });
        CHECK(byInsert == (moved > 1800 ? 1 : 0));
        told += moved > 1800;
    }
    CHECK(told > 0);  // the van went back to its depot to load: the stops after it moved
    CHECK(messagesAbout(road, visit, "visit_today", true).size() == 1);
}

TEST_CASE("a morning message not yet sent goes with the window of the route as changed") {
    RoadCounty road;
    const auto reference = road.emergency(at(hours(6), minutes(50)));
    const VisitId visit = deliveryVisitOf(*road.county.db, reference, at(hours(6), minutes(50)));
    const auto insertion = road.insert(visit, at(hours(6), minutes(50)));
    REQUIRE(insertion.applied);
    const auto plan = road.plan();
    const auto& route = routeOf(plan, insertion.van);
    for (std::size_t s = 0; s < route.route.stops.size(); ++s) {
        const VisitId stop = route.route.stops[s].visitId;
        CAPTURE(s);
        const auto today = messagesAbout(road, stop, "visit_today", true);
        REQUIRE(today.size() == 1);
        const auto job =
            road.county.db->read([&](store::Connection& c) { return *store::findVisit(c, stop); });
        const auto window = residentArrivalWindow(job, route.route.stops[s].startSeconds);
        CHECK(today[0].fields.find("\"from\":\"" + clockTime(window.startSeconds) + "\"") !=
              std::string::npos);
        CHECK(today[0].sendAfter == at(hours(7)));
        CHECK(messagesAbout(road, stop, "window_moved", false).empty());
    }
}
