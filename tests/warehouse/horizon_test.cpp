#include "warehouse/horizon.h"

#include <doctest/doctest.h>

#include "core/store/dispatch/dispatch.h"
#include "core/store/warehouse/assets.h"
#include "tests/warehouse/fixture.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

const year_month_day kTuesday{year(2026), month(3), day(3)};
const year_month_day kWednesday{year(2026), month(3), day(4)};

DispatchPolicy quickPolicy() {
    DispatchPolicy policy;
    policy.iterations = 50;
    return policy;
}

HorizonPlan planWeek(test::WarehouseCounty& county, year_month_day from = kTuesday) {
    return optimiseHorizon(*county.db, from, 5, county.planner, county.now, WorkingDayCalendar(),
                           quickPolicy());
}

store::VisitJob visit(test::WarehouseCounty& county, VisitId id) {
    return *county.db->read([&](store::Connection& c) { return store::findVisit(c, id); });
}

// The county with its fleet and every HOIST-S unit lent to the resident (barcodes answered).
std::vector<std::string> hoistsInTheHome(test::WarehouseCounty& county) {
    county.addFleet();
    county.deliver({{"HOIST-S", 3}});
    return county.hoists;
}

VisitId askFor(test::WarehouseCounty& county, VisitKind kind, const std::string& barcode,
               year_month_day due, std::optional<int> slotStart = std::nullopt,
               std::optional<int> slotEnd = std::nullopt) {
    return county.db->write([&](store::Connection& c) {
        return requestAssetVisit(c, kind, barcode, due, slotStart, slotEnd, "", county.planner,
                                 county.now);
    });
}

}  // namespace

TEST_CASE("horizon - every due delivery is planned on a day by its due date, each day stored") {
    test::WarehouseCounty county;
    county.addFleet();
    county.place({{"HOIST-S", 1}});
    county.place({{"RAIL", 2}});
    county.place({{"FRAME", 1}});
    const auto plan = planWeek(county);
    CHECK(plan.leftOut.empty());
    CHECK(plan.late.empty());
    REQUIRE(plan.days.size() == 5);
    int visits = 0;
    for (const auto& d : plan.days) {
        visits += d.visits;
        const auto stored =
            county.db->read([&](store::Connection& c) { return store::loadPlan(c, d.date); });
        REQUIRE(stored);
        CHECK(stored->header.runId == std::optional<PlanRunId>(plan.run));
        for (const auto& route : stored->routes) {
            CHECK(route.route.startSeconds >= 8 * 3600);
            CHECK(route.route.endSeconds <= 17 * 3600);
            for (const auto& v : route.visits) {
                CHECK(std::chrono::sys_days(d.date) <= std::chrono::sys_days(v.dueDate));
            }
        }
    }
    CHECK(visits == 3);
    CHECK_THROWS_AS(optimiseHorizon(*county.db, kTuesday, 11, county.planner, county.now,
                                    WorkingDayCalendar(), quickPolicy()),
                    ValidationError);
    CHECK_THROWS_AS(
        optimiseHorizon(*county.db, year_month_day{year(2026), month(3), day(1)}, 5, county.planner,
                        county.now, WorkingDayCalendar(), quickPolicy()),
        ValidationError);
}

TEST_CASE("horizon - a visit due on the first day goes then, though later with others is shorter") {
    test::WarehouseCounty county;
    const auto hoists = hoistsInTheHome(county);
    // Three repairs at the same home: one trip on Wednesday would drive least, but the first is
    // due on Tuesday, and being late costs more than any distance.
    const auto dueTuesday = askFor(county, VisitKind::repair, hoists[0], kTuesday);
    const auto later1 = askFor(county, VisitKind::repair, hoists[1], kWednesday);
    const auto later2 = askFor(county, VisitKind::repair, hoists[2], kWednesday);
    const auto plan = planWeek(county);
    CHECK(plan.late.empty());
    CHECK(plan.leftOut.empty());
    CHECK(visit(county, dueTuesday).planDate == std::optional<year_month_day>(kTuesday));
    for (const auto id : {later1, later2}) {
        const auto planned = visit(county, id).planDate;
        REQUIRE(planned);
        CHECK(std::chrono::sys_days(*planned) <= std::chrono::sys_days(kWednesday));
    }
}

TEST_CASE("horizon - a late visit says whether it was overdue already or found no room") {
    using namespace std::chrono;
    const year_month_day first = year(2026) / 12 / 7;
    CHECK(warehouse::lateReason(year(2026) / 12 / 1, first, first) ==
          "overdue before 2026-12-07: planned on the soonest day with room");
    CHECK(warehouse::lateReason(year(2026) / 12 / 8, year(2026) / 12 / 10, first) ==
          "no room by 2026-12-08: every suitable van is full until 2026-12-10");
}

TEST_CASE("horizon - overdue work goes on the first day and is reported late") {
    test::WarehouseCounty county;
    const auto hoists = hoistsInTheHome(county);
    const year_month_day lastMonth{year(2026), month(2), day(20)};
    const auto overdue = askFor(county, VisitKind::inspection, hoists[0], lastMonth);
    const auto plan = planWeek(county);
    CHECK(visit(county, overdue).planDate == std::optional<year_month_day>(kTuesday));
    REQUIRE(plan.late.size() == 1);
    CHECK(plan.late[0].visit == overdue);
    CHECK(plan.late[0].dueBy == lastMonth);
    CHECK(plan.late[0].planned == kTuesday);
    CHECK(plan.late[0].reason.starts_with("overdue before " + formatDate(kTuesday)));
}

TEST_CASE("horizon - a booked slot keeps its day; one no shift meets is left out saying so") {
    test::WarehouseCounty county;
    const auto hoists = hoistsInTheHome(county);
    const year_month_day thursday{year(2026), month(3), day(5)};
    const auto booked =
        askFor(county, VisitKind::collection, hoists[0], thursday, 13 * 3600, 15 * 3600);
    const auto tooEarly =
        askFor(county, VisitKind::collection, hoists[1], kWednesday, 6 * 3600, 7 * 3600);
    const auto plan = planWeek(county);
    CHECK(visit(county, booked).planDate == std::optional<year_month_day>(thursday));
    const auto stored =
        county.db->read([&](store::Connection& c) { return store::loadPlan(c, thursday); });
    REQUIRE(stored);
    bool found = false;
    for (const auto& route : stored->routes) {
        for (const auto& stop : route.route.stops) {
            if (stop.visitId != booked) continue;
            found = true;
            CHECK(stop.startSeconds >= 13 * 3600);
            CHECK(stop.startSeconds <= 15 * 3600);
        }
    }
    CHECK(found);
    REQUIRE(plan.leftOut.size() == 1);
    CHECK(plan.leftOut[0].visit == tooEarly);
    CHECK(plan.leftOut[0].reason.find("no slot-compatible van") != std::string::npos);
}

TEST_CASE("horizon - a day a driver has started is kept as it is") {
    test::WarehouseCounty county;
    county.addFleet();
    county.place({{"RAIL", 1}});
    county.place({{"FRAME", 1}});
    const auto tuesday = optimiseDay(*county.db, kTuesday, county.planner, county.now,
                                     WorkingDayCalendar(), quickPolicy());
    REQUIRE(!tuesday.routes.empty());
    const auto first = tuesday.routes.front().visits.front().id;
    county.db->write([&](store::Connection& c) {
        return recordVisitOutcome(c, first, VisitOutcome::installed_demonstrated, std::nullopt, "",
                                  county.driver, county.now, WorkingDayCalendar(),
                                  MaintenancePolicy{});
    });
    const auto plan = planWeek(county);
    REQUIRE(!plan.days.empty());
    CHECK(plan.days.front().kept);
    CHECK(plan.days.front().date == kTuesday);
    const auto kept =
        county.db->read([&](store::Connection& c) { return store::loadPlan(c, kTuesday); });
    REQUIRE(kept);
    CHECK_FALSE(kept->header.runId.has_value());  // not re-planned by the run
    CHECK(kept->header.optimisedAt == tuesday.header.optimisedAt);
}
