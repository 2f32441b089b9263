#include "warehouse/dispatch.h"

#include <doctest/doctest.h>

#include "core/settings.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/orders/order_access.h"
#include "core/store/warehouse/assets.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/pick_list.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

const std::chrono::year_month_day kTuesday{std::chrono::year(2026), std::chrono::month(3),
                                           std::chrono::day(3)};

std::string orderStatus(test::WarehouseCounty& county, const std::string& reference) {
    return county.db->read([&](store::Connection& c) {
        return std::string(toString(store::findOrderRow(c, reference).status));
    });
}

struct PlannedDay {
    test::WarehouseCounty county;
    std::string hoistOrder;
    std::string railOrder;
    std::string frameOrder;
    store::StoredPlan plan;

    PlannedDay() {
        county.addFleet();
        hoistOrder = county.place({{"HOIST-S", 1}});
        railOrder = county.place({{"RAIL", 2}});
        frameOrder = county.place({{"FRAME", 1}});
        DispatchPolicy policy;
        policy.iterations = 50;
        plan = optimiseDay(*county.db, kTuesday, county.planner, county.now, WorkingDayCalendar(),
                           policy);
    }

    const store::VisitJob& visitOf(const std::string& reference) const {
        for (const auto& route : plan.routes) {
            for (const auto& visit : route.visits) {
                if (visit.orderReference == reference) return visit;
            }
        }
        throw std::runtime_error("no visit for " + reference);
    }
    std::string vanOf(const std::string& reference) const {
        for (const auto& route : plan.routes) {
            for (const auto& visit : route.visits) {
                if (visit.orderReference == reference) return route.van.code;
            }
        }
        return "";
    }
};

}  // namespace

TEST_CASE("the day's due deliveries become a feasible stored plan") {
    PlannedDay day;
    const auto& plan = day.plan;
    CHECK(formatDate(plan.header.date) == "2026-03-03");
    CHECK(plan.header.unassigned == 0);
    CHECK(plan.unplaced.empty());
    std::size_t stops = 0;
    for (const auto& route : plan.routes) {
        CHECK(route.van.depotCode == "WKD");  // the stock is reserved at the west depot
        REQUIRE(route.visits.size() == route.route.stops.size());
        int clock = route.route.startSeconds;
        for (const auto& stop : route.route.stops) {
            CHECK(stop.arrivalSeconds >= clock);
            CHECK(stop.startSeconds >= stop.arrivalSeconds);
            CHECK(stop.departureSeconds > stop.startSeconds);
            clock = stop.departureSeconds;
        }
        CHECK(route.route.endSeconds >= clock);
        CHECK(route.route.endSeconds <= 17 * 3600);
        CHECK(route.route.startSeconds >= 8 * 3600);
        stops += route.route.stops.size();
    }
    CHECK(stops == 3);
    // A hoist to fit needs the lifting engineer's van.
    CHECK(day.vanOf(day.hoistOrder) == "W1");
    CHECK(orderStatus(day.county, day.hoistOrder) == "scheduled");
    CHECK(orderStatus(day.county, day.railOrder) == "scheduled");
    // Stored: reading it back gives the same plan.
    const auto stored = day.county.db->read(
        [&](store::Connection& c) { return store::loadPlan(c, *parseDate("2026-03-03")); });
    REQUIRE(stored.has_value());
    CHECK(stored->header.distanceMetres == plan.header.distanceMetres);
    CHECK(plan.header.distanceMetres > 0);
}

TEST_CASE("re-optimising replaces the plan without booking visits twice") {
    PlannedDay day;
    DispatchPolicy policy;
    policy.iterations = 50;
    const auto again = optimiseDay(*day.county.db, kTuesday, day.county.planner, day.county.now,
                                   WorkingDayCalendar(), policy);
    std::size_t stops = 0;
    for (const auto& route : again.routes) stops += route.route.stops.size();
    CHECK(stops == 3);
    CHECK_THROWS_AS(
        optimiseDay(*day.county.db,
                    std::chrono::year_month_day(std::chrono::year(2026), std::chrono::month(3),
                                                std::chrono::day(1)),
                    day.county.planner, day.county.now, WorkingDayCalendar(), policy),
        ValidationError);
}

TEST_CASE(
    "visit outcomes: delivered starts the loan; a failure reschedules and tells the prescriber") {
    PlannedDay day;
    auto& county = day.county;
    const auto hoistVisit = day.visitOf(day.hoistOrder).id;
    const auto railVisit = day.visitOf(day.railOrder).id;
    const Instant tuesday = std::chrono::sys_days(kTuesday) + std::chrono::hours(11);
    auto record = [&](VisitId visit, VisitOutcome outcome, std::optional<FailureReason> reason,
                      const std::string& notes) {
        return county.db->write([&](store::Connection& c) {
            return recordVisitOutcome(c, visit, outcome, reason, notes, county.driver, tuesday,
                                      WorkingDayCalendar(), MaintenancePolicy{});
        });
    };
    CHECK_THROWS_AS(record(hoistVisit, VisitOutcome::collected, std::nullopt, ""), ValidationError);
    CHECK_THROWS_AS(record(hoistVisit, VisitOutcome::failed, std::nullopt, ""), ValidationError);
    CHECK_THROWS_AS(record(hoistVisit, VisitOutcome::failed, FailureReason::other, ""),
                    ValidationError);
    CHECK_THROWS_AS(record(VisitId(999999), VisitOutcome::failed, FailureReason::refused, ""),
                    NotFound);

    const auto done = record(hoistVisit, VisitOutcome::installed_demonstrated, std::nullopt, "");
    CHECK(done.orderStatus == std::optional<std::string>("delivered"));
    int onLoan = 0;
    for (const auto& b : county.hoists) {
        onLoan += county.db->read([&](store::Connection& c) {
            return std::string(toString(store::findAsset(c, b)->state));
        }) == "on_loan";
    }
    CHECK(onLoan == 1);
    CHECK_THROWS_AS(record(hoistVisit, VisitOutcome::installed_demonstrated, std::nullopt, ""),
                    Conflict);

    const auto failed = record(railVisit, VisitOutcome::failed, FailureReason::no_access,
                               "no answer, key safe empty");
    CHECK(failed.orderStatus == std::optional<std::string>("failed_visit"));
    REQUIRE(failed.rescheduledVisitId.has_value());
    REQUIRE(failed.messageId.has_value());
    const auto outbox = county.db->read([&](store::Connection& c) {
        return store::listOutbox(c, store::OutboxFilter::waiting, {}).items;
    });
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].recipientUser == county.prescriber.id);
    CHECK(formatInstant(outbox[0].createdAt).substr(0, 10) == "2026-03-03");  // the same day
    CHECK(outbox[0].subject.find(day.railOrder) != std::string::npos);
    CHECK(outbox[0].body.find("no answer") != std::string::npos);
    const auto again = county.db->read(
        [&](store::Connection& c) { return store::findVisit(c, *failed.rescheduledVisitId); });
    REQUIRE(again.has_value());
    CHECK((again->status == VisitStatus::pending));
    CHECK(formatDate(again->dueDate) == "2026-03-04");
    CHECK(again->orderReference == day.railOrder);
}

TEST_CASE("the pick list runs in stop order with the load order reversed") {
    PlannedDay day;
    std::string busiest;
    std::size_t most = 0;
    for (const auto& route : day.plan.routes) {
        if (route.visits.size() > most) {
            most = route.visits.size();
            busiest = route.van.code;
        }
    }
    const auto list = pickListFor(day.plan, busiest);
    REQUIRE(!list.lines.empty());
    for (std::size_t i = 0; i < list.lines.size(); ++i) {
        CHECK(list.lines[i].stop + list.lines[i].loadOrder == static_cast<int>(most) + 1);
        if (i > 0) CHECK(list.lines[i].stop >= list.lines[i - 1].stop);
    }
    for (const auto& line : list.lines) {
        if (line.itemCode == "HOIST-S") CHECK(line.needsFitting);
    }
    const std::string csv = pickListCsv(list);
    CHECK(csv.rfind("stop,load_order,arrival", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(list.lines.size() + 1));
    CHECK_THROWS_AS(pickListFor(day.plan, "NOVAN"), NotFound);
}

TEST_CASE("the inspection-visits job books a visit for an inspection falling due, once") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});  // last examined 10 days ago, every 6 months
    const DispatchPolicy policy;       // two weeks ahead
    using std::chrono::days;
    const auto tooEarly = ukDateOf(county.now + days(150));
    const auto inTime = ukDateOf(county.now + days(165));
    county.db->write([&](store::Connection& c) {
        CHECK(bookDueInspections(c, tooEarly, policy, county.now) == 0);
        CHECK(bookDueInspections(c, inTime, policy, county.now) == 1);
        CHECK(bookDueInspections(c, inTime, policy, county.now) == 0);  // it has its visit
        return 0;
    });
}
