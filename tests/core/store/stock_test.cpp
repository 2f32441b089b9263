#include "core/store/warehouse/stock.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core/store/infrastructure/idempotency.h"
#include "core/store/orders/orders.h"
#include "core/store/orders/tracking.h"
#include "tests/core/store/fixture.h"

using namespace ces;

TEST_CASE("concurrent orders for the last unit: exactly one wins and stock never goes negative") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "BED", -9, "test", county.warehouse, county.now);
        store::adjustStock(c, "EKD", "BED", -10, "test", county.warehouse, county.now);
    });
    constexpr int kClients = 32;
    std::atomic<int> wins = 0, refusals = 0;
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.emplace_back([&] {
            store::NewOrder order;
            order.resident = county.resident;
            order.speed = Speed::five_day;
            order.lines = {{"BED", 1}};
            try {
                county.db->write([&](store::Connection& c) {
                    return store::createOrder(c, order, county.prescriber, county.now,
                                              WorkingDayCalendar());
                });
                ++wins;
            } catch (const OutOfStock&) {
                ++refusals;
            }
        });
    }
    for (auto& t : clients) t.join();
    CHECK(wins == 1);
    CHECK(refusals == kClients - 1);
    const auto levels =
        county.db->read([](store::Connection& c) { return store::stockLevels(c, ""); });
    for (const auto& l : levels) {
        CHECK(l.available >= 0);
        if (l.itemCode == "BED" && l.depotCode == "WKD") {
            CHECK(l.available == 0);
            CHECK(l.reserved == 1);
        }
    }
}

TEST_CASE("stock adjustments cannot take a count below zero") {
    test::SmallCounty county;
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::adjustStock(c, "WKD", "BED", -11, "miscount", county.warehouse, county.now);
    }),
                    Conflict);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::adjustStock(c, "XXX", "BED", 1, "x", county.warehouse, county.now);
    }),
                    ValidationError);
    const auto available = county.db->write([&](store::Connection& c) {
        return store::adjustStock(c, "WKD", "BED", 5, "delivery from supplier", county.warehouse,
                                  county.now);
    });
    CHECK(available == 15);
}

TEST_CASE("an idempotent answer is stored once per caller and key") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::saveIdempotentAnswer(c, county.prescriber.id, "k", {"POST /x", 201, "{}"},
                                    county.now);
    });
    const auto found = county.db->read([&](store::Connection& c) {
        return store::findIdempotentAnswer(c, county.prescriber.id, "k");
    });
    REQUIRE(found);
    CHECK(found->status == 201);
    CHECK_FALSE(county.db->read([&](store::Connection& c) {
        return store::findIdempotentAnswer(c, county.otherPrescriber.id, "k");
    }));
    CHECK_THROWS(county.db->write([&](store::Connection& c) {
        store::saveIdempotentAnswer(c, county.prescriber.id, "k", {"POST /x", 201, "{}"},
                                    county.now);
    }));
}

TEST_CASE("tracking needs reference, postcode and date of birth all to match") {
    test::SmallCounty county;
    store::NewOrder order;
    order.resident = county.resident;
    order.lines = {{"BED", 1}};
    const auto outcome = county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
    });
    auto track = [&](const std::string& ref, const std::string& pc, const std::string& dob) {
        return county.db->read(
            [&](store::Connection& c) { return store::trackByDetails(c, ref, pc, dob); });
    };
    const auto found = track(outcome.reference, "me141ad", "1940-02-03");
    REQUIRE(found);
    CHECK(found->status == "allocated");
    CHECK(found->contactPhone == "01000 000001");
    CHECK_FALSE(track(outcome.reference, "ME14 1AE", "1940-02-03"));
    CHECK_FALSE(track(outcome.reference, "ME14 1AD", "1940-02-04"));
    CHECK_FALSE(track("ORD-2026-999999", "ME14 1AD", "1940-02-03"));
    CHECK(county.db->read(
        [&](store::Connection& c) { return store::trackByToken(c, outcome.trackingToken); }));
    CHECK_FALSE(county.db->read(
        [&](store::Connection& c) { return store::trackByToken(c, std::string(32, '0')); }));
}
