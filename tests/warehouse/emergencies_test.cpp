// Emergencies: same-day slots ending by the due time, a hard window in routing from approval to
// due time, and a "phone the prescriber" task when one cannot be met.
#include <doctest/doctest.h>

#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/prescriber_tasks.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/uk_time.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/dispatch.h"
#include "warehouse/horizon.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::day;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

constexpr int kHour = 3600;
const year_month_day kMonday{year(2026), month(3), day(2)};

DispatchPolicy quickPolicy() {
    DispatchPolicy policy;
    policy.iterations = 50;
    return policy;
}

struct EmergencyCounty {
    test::WarehouseCounty county;

    /// One two-person van at the west depot, working `shiftStart` to `shiftEnd` local.
    void addVan(int shiftStart, int shiftEnd) {
        county.db->write([&](store::Connection& c) {
            const auto van = store::createVan(c, "W9", county.west, 1000, 240);
            store::createCrew(c, "West nine", van, 2, true, shiftStart, shiftEnd);
        });
    }
    /// An emergency order for a rail, approved at `at` (within the prescriber's limit).
    std::string placeEmergency(Instant at) {
        store::NewOrder order;
        order.resident = county.resident;
        order.speed = Speed::emergency;
        order.lines.push_back({"RAIL", 1});
        return county.db
            ->write([&](store::Connection& c) {
                return store::createOrder(c, order, county.prescriber, at, WorkingDayCalendar());
            })
            .reference;
    }
    std::vector<DeliverySlot> offers(const std::string& reference, Instant now) {
        return county.db->read([&](store::Connection& c) {
            return offerDeliverySlots(c, reference, now, WorkingDayCalendar(), quickPolicy());
        });
    }
    store::StoredPlan optimise(year_month_day date, Instant now) {
        return optimiseDay(*county.db, date, county.planner, now, WorkingDayCalendar(),
                           quickPolicy());
    }
    std::vector<store::PrescriberTask> tasksOf(const std::string& reference) {
        return county.db->read([&](store::Connection& c) {
            return store::prescriberTasksOf(c, store::findOrderRow(c, reference).id);
        });
    }
    /// The stop of the order's delivery in the plan, if planned: its visit and start time.
    std::optional<std::pair<store::VisitJob, int>> stopOf(const store::StoredPlan& plan,
                                                          const std::string& reference) {
        for (const auto& route : plan.routes) {
            for (std::size_t i = 0; i < route.visits.size(); ++i) {
                if (route.visits[i].orderReference == reference) {
                    return std::make_pair(route.visits[i], route.route.stops[i].startSeconds);
                }
            }
        }
        return std::nullopt;
    }
};

Instant localTime(year_month_day date, hours h, minutes m = minutes(0)) {
    return fromUkLocal(date, h + m);
}

}  // namespace

TEST_CASE(
    "an emergency approved at 09:00 gets same-day slots ending by 13:00 and is routed "
    "inside [09:00, 13:00]") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 17 * kHour);
    const Instant approved = localTime(kMonday, hours(9));
    const auto order = e.placeEmergency(approved);
    const auto offers = e.offers(order, approved);
    REQUIRE_FALSE(offers.empty());
    for (std::size_t i = 0; i < offers.size(); ++i) {
        CHECK(offers[i].date == *parseDate("2026-03-02"));
        CHECK(offers[i].startSeconds >= 10 * kHour);  // an hour to prepare
        CHECK(offers[i].endSeconds <= 13 * kHour);
        if (i > 0) CHECK(offers[i - 1].startSeconds < offers[i].startSeconds);  // earliest first
    }

    const auto plan = e.optimise(kMonday, approved);
    const auto stop = e.stopOf(plan, order);
    REQUIRE(stop);
    CHECK(stop->second >= 9 * kHour);
    CHECK(stop->second <= 13 * kHour);
    CHECK(e.tasksOf(order).empty());
}

TEST_CASE("an emergency approved at 13:59 gets same-day slots ending by 17:59") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 18 * kHour);
    const Instant approved = localTime(kMonday, hours(13), minutes(59));
    const auto order = e.placeEmergency(approved);
    const auto offers = e.offers(order, approved);
    REQUIRE_FALSE(offers.empty());
    for (const auto& offer : offers) {
        CHECK(offer.date == *parseDate("2026-03-02"));
        CHECK(offer.startSeconds >= 15 * kHour);
        CHECK(offer.endSeconds <= 17 * kHour + 59 * 60);
    }
}

TEST_CASE(
    "an emergency approved at 14:01 is offered the next working day's slots ending by "
    "12:00") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 17 * kHour);
    auto firstOffer = [&](year_month_day approvedOn) {
        const Instant approved = localTime(approvedOn, hours(14), minutes(1));
        const auto order = e.placeEmergency(approved);
        const auto offers = e.offers(order, approved);
        REQUIRE_FALSE(offers.empty());
        for (const auto& offer : offers) {
            CHECK(offer.date == offers.front().date);
            CHECK(offer.endSeconds <= 12 * kHour);
        }
        return offers.front();
    };
    CHECK(firstOffer(kMonday).date == *parseDate("2026-03-03"));
    CHECK(firstOffer(year_month_day{year(2026), month(3), day(6)}).date ==
          *parseDate("2026-03-09"));
    // Maundy Thursday: Good Friday and Easter Monday are bank holidays (and the clocks have
    // gone forward, so 14:01 is 13:01 UTC).
    CHECK(firstOffer(year_month_day{year(2026), month(4), day(2)}).date ==
          *parseDate("2026-04-07"));
}

TEST_CASE(
    "an emergency no van can reach before its due time is left unplanned with a reason "
    "and raises a task") {
    EmergencyCounty e;
    e.addVan(14 * kHour, 18 * kHour);  // the only van starts after 13:00
    const Instant approved = localTime(kMonday, hours(9));
    const auto order = e.placeEmergency(approved);
    const auto plan = e.optimise(kMonday, approved);
    CHECK_FALSE(e.stopOf(plan, order));
    bool unplaced = false;
    for (const auto& [visit, reason] : plan.unplaced) {
        if (visit.orderReference != order) continue;
        unplaced = true;
        CHECK(reason.find("emergency due by 2026-03-02 13:00") != std::string::npos);
    }
    CHECK(unplaced);
    const auto tasks = e.tasksOf(order);
    REQUIRE(tasks.size() == 1);
    CHECK_FALSE(tasks.front().done);
    CHECK(tasks.front().prescriber == e.county.prescriber.id);
    CHECK(tasks.front().reason.find("no van can reach it in time") != std::string::npos);
    const auto messages = e.county.db->read([&](store::Connection& c) {
        return store::listOutbox(c, store::OutboxFilter::waiting, {}).items;
    });
    const auto told = std::count_if(messages.begin(), messages.end(), [&](const auto& m) {
        return m.entity == "order" && m.entityId == order;
    });
    CHECK(told == 1);

    // Planning again keeps the one open task.
    e.optimise(kMonday, approved + hours(1));
    CHECK(e.tasksOf(order).size() == 1);
    e.county.db->write([&](store::Connection& c) {
        store::markPrescriberTaskDone(c, tasks.front().id, e.county.planner.id, approved);
    });
    CHECK(e.tasksOf(order).front().done);
    CHECK_THROWS_AS(e.county.db->write([&](store::Connection& c) {
        store::markPrescriberTaskDone(c, tasks.front().id, e.county.planner.id, approved);
    }),
                    Conflict);
}

TEST_CASE("a failed emergency delivery visit raises a task to phone the prescriber") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 17 * kHour);
    const Instant approved = localTime(kMonday, hours(9));
    const auto order = e.placeEmergency(approved);
    const auto stop = e.stopOf(e.optimise(kMonday, approved), order);
    REQUIRE(stop);
    const auto receipt = e.county.db->write([&](store::Connection& c) {
        return recordVisitOutcome(c, stop->first.id, VisitOutcome::failed, FailureReason::no_access,
                                  "", e.county.driver, approved + hours(2), WorkingDayCalendar(),
                                  MaintenancePolicy{});
    });
    CHECK(receipt.taskId);
    CHECK(receipt.messageId);
    const auto tasks = e.tasksOf(order);
    REQUIRE(tasks.size() == 1);
    CHECK(tasks.front().reason.find("failed") != std::string::npos);
}

TEST_CASE("an ordinary order's slots still start on the next working day") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 17 * kHour);
    const auto order = e.county.place({{"RAIL", 1}});
    const auto offers = e.offers(order, e.county.now);
    REQUIRE_FALSE(offers.empty());
    for (const auto& offer : offers) {
        CHECK(offer.date == *parseDate("2026-03-03"));
        CHECK(offer.endSeconds - offer.startSeconds == 2 * kHour);
    }
}

TEST_CASE("over a horizon an emergency approved after 14:00 keeps its span across midnight") {
    EmergencyCounty e;
    e.addVan(8 * kHour, 17 * kHour);
    const Instant approved = localTime(kMonday, hours(14), minutes(1));
    const auto order = e.placeEmergency(approved);
    const auto plan = optimiseHorizon(*e.county.db, kMonday, 3, e.county.planner, approved,
                                      WorkingDayCalendar(), quickPolicy());
    CHECK(plan.leftOut.empty());
    CHECK(plan.late.empty());
    const year_month_day tuesday{year(2026), month(3), day(3)};
    bool found = false;
    for (const auto day : {kMonday, tuesday}) {
        const auto stored =
            e.county.db->read([&](store::Connection& c) { return store::loadPlan(c, day); });
        REQUIRE(stored);
        if (const auto stop = e.stopOf(*stored, order)) {
            found = true;
            // Monday after its approval, or Tuesday by its 12:00 due time.
            if (day == kMonday) CHECK(stop->second >= 14 * kHour + 60);
            if (day == tuesday) CHECK(stop->second <= 12 * kHour);
        }
    }
    CHECK(found);
}
