#include "warehouse/delivery_slots.h"

#include <doctest/doctest.h>

#include "core/store/dispatch/delivery_slots.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/tracking.h"
#include "tests/warehouse/fixture.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

const std::chrono::year_month_day kTuesday{std::chrono::year(2026), std::chrono::month(3),
                                           std::chrono::day(3)};
constexpr int kHour = 3600;

DispatchPolicy quickPolicy() {
    DispatchPolicy policy;
    policy.iterations = 50;
    return policy;
}

struct SlotCounty {
    test::WarehouseCounty county;

    std::vector<DeliverySlot> offers(const std::string& reference) {
        return county.db->read([&](store::Connection& c) {
            return offerDeliverySlots(c, reference, county.now, WorkingDayCalendar(),
                                      quickPolicy());
        });
    }
    DeliverySlot book(const std::string& reference, const std::string& date, int start) {
        return county.db->write([&](store::Connection& c) {
            return bookDeliverySlot(c, reference, date, start, county.prescriber.id, county.now,
                                    WorkingDayCalendar(), quickPolicy());
        });
    }
    std::string status(const std::string& reference) {
        return county.db->read([&](store::Connection& c) {
            return std::string(toString(store::findOrderRow(c, reference).status));
        });
    }
    /// Van space the order's delivery takes.
    std::int64_t demandOf(const std::string& reference) {
        return county.db->read([&](store::Connection& c) {
            const auto order = store::findOrderRow(c, reference);
            const auto visit = store::prospectiveDeliveryVisit(c, order.id);
            REQUIRE(visit);
            std::int64_t load = 0;
            for (const auto& item : visit->items) load += item.vanSpace * item.quantity;
            return load;
        });
    }
    /// One two-person van at the west depot.
    void addVan(std::int64_t capacity, int shiftStart, int shiftEnd) {
        county.db->write([&](store::Connection& c) {
            const auto van = store::createVan(c, "W9", county.west, capacity, 240);
            store::createCrew(c, "West nine", van, 2, true, shiftStart, shiftEnd);
        });
    }
};

}  // namespace

TEST_CASE("only slots the day's vans can still reach are offered, cheapest first") {
    SlotCounty s;
    s.addVan(1000, 8 * kHour, 12 * kHour);  // a morning shift: nothing from 12:00 on
    const auto order = s.county.place({{"RAIL", 1}});
    const auto offers = s.offers(order);
    REQUIRE_FALSE(offers.empty());
    for (std::size_t i = 0; i < offers.size(); ++i) {
        CHECK(formatDate(offers[i].date) ==
              "2026-03-03");  // next day's order: due Tuesday, no later
        CHECK(offers[i].startSeconds >= 8 * kHour);
        CHECK(offers[i].startSeconds < 12 * kHour);
        CHECK(offers[i].endSeconds == offers[i].startSeconds + 2 * kHour);
        if (i > 0) CHECK(offers[i - 1].cost <= offers[i].cost);
    }
    const auto refused = [&] { s.book(order, "2026-03-03", 14 * kHour); };
    CHECK_THROWS_AS(refused(), Conflict);
    try {
        refused();
    } catch (const Conflict& e) {
        CHECK(e.code() == "slot_unavailable");
    }
    CHECK(s.status(order) == "allocated");
}

TEST_CASE("no slots without a van, and no booking for an order that cannot be scheduled") {
    SlotCounty s;
    const auto order = s.county.place({{"RAIL", 1}});
    CHECK(s.offers(order).empty());
    s.county.addFleet();
    const auto delivered = s.county.deliver({{"FRAME", 1}});
    CHECK_THROWS_AS(s.offers(delivered), Conflict);
    CHECK_THROWS_AS(s.book(delivered, "2026-03-03", 8 * kHour), Conflict);
    CHECK_THROWS_AS(s.offers("ORD-2026-999999"), NotFound);
    CHECK_THROWS_AS(s.book(order, "3 March", 8 * kHour), ValidationError);
}

TEST_CASE("a booked slot becomes the visit's hard window in the next optimisation") {
    SlotCounty s;
    s.county.addFleet();
    const auto order = s.county.place({{"RAIL", 2}});
    const auto offers = s.offers(order);
    const auto afternoon = std::find_if(offers.begin(), offers.end(), [](const DeliverySlot& o) {
        return o.startSeconds == 14 * kHour;
    });
    REQUIRE(afternoon != offers.end());
    const auto booked = s.book(order, formatDate(afternoon->date), afternoon->startSeconds);
    CHECK(booked.endSeconds == 16 * kHour);
    CHECK(s.status(order) == "scheduled");

    // Changing the slot re-books the same visit.
    s.book(order, "2026-03-03", 10 * kHour);
    s.book(order, "2026-03-03", 14 * kHour);
    CHECK(s.status(order) == "scheduled");

    const auto plan = optimiseDay(*s.county.db, kTuesday, s.county.planner, s.county.now,
                                  WorkingDayCalendar(), quickPolicy());
    bool found = false;
    for (const auto& route : plan.routes) {
        for (std::size_t i = 0; i < route.visits.size(); ++i) {
            if (route.visits[i].orderReference != order) continue;
            found = true;
            CHECK(route.visits[i].slotStartSeconds == 14 * kHour);
            CHECK(route.route.stops[i].startSeconds >= 14 * kHour);
            CHECK(route.route.stops[i].startSeconds <= 16 * kHour);
        }
    }
    CHECK(found);

    const auto token = s.county.db->read(
        [&](store::Connection& c) { return store::findOrderRow(c, order).trackingToken; });
    const auto view =
        s.county.db->read([&](store::Connection& c) { return store::trackByToken(c, token); });
    REQUIRE(view);
    REQUIRE(view->slot);
    CHECK(formatDate(view->slot->date) == "2026-03-03");
    CHECK(view->slot->startSeconds == 14 * kHour);
    CHECK(view->slot->endSeconds == 16 * kHour);
    REQUIRE(view->slot->plannedStartSeconds);
    const auto arrival = arrivalWindowOf(*view->slot);
    REQUIRE(arrival);
    CHECK(arrival->endSeconds - arrival->startSeconds == kHour);
    CHECK(arrival->startSeconds >= 14 * kHour);
    CHECK(arrival->endSeconds <= 16 * kHour);
    CHECK(arrival->startSeconds <= *view->slot->plannedStartSeconds);
    CHECK(*view->slot->plannedStartSeconds <= arrival->endSeconds);

    // Once planned, the slot can still be changed; the plan's stop no longer holds it.
    const auto later = s.offers(order);
    CHECK_FALSE(later.empty());
}

TEST_CASE("a slot offered earlier is refused once another booking has filled the van") {
    SlotCounty s;
    const auto first = s.county.place({{"RAIL", 1}});
    const auto second = s.county.place({{"RAIL", 1}});
    s.addVan(s.demandOf(first), 8 * kHour, 17 * kHour);  // room for one delivery only
    const auto offered = s.offers(first);
    REQUIRE_FALSE(offered.empty());
    const auto wanted = offered.front();
    REQUIRE_FALSE(s.offers(second).empty());
    s.book(second, formatDate(wanted.date), wanted.startSeconds);
    CHECK(s.offers(first).empty());
    try {
        s.book(first, formatDate(wanted.date), wanted.startSeconds);
        FAIL("the slot was booked although the van is full");
    } catch (const Conflict& e) {
        CHECK(e.code() == "slot_unavailable");
    }
    CHECK(s.status(first) == "allocated");
    CHECK(s.status(second) == "scheduled");
}
