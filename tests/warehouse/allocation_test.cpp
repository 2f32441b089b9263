#include "warehouse/allocation.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core/store/orders/orders.h"
#include "core/store/warehouse/stock.h"
#include "tests/warehouse/fixture.h"

using namespace ces;

namespace {

// An order over the team's limit waits for the budget holder; approved while FRAME is out of
// stock everywhere it stays approved, waiting for stock.
std::string approvedButShort(test::WarehouseCounty& county) {
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    order.lines = {{"FRAME", 1}, {"HOIST", 1}};  // the ceiling hoist takes it over the limit
    const auto placed = county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
    });
    REQUIRE(std::string(toString(placed.status)) == "awaiting_approval");
    const auto approved = county.db->write([&](store::Connection& c) {
        return store::approveOrder(c, placed.reference, county.budgetHolder, county.now,
                                   WorkingDayCalendar());
    });
    REQUIRE(std::string(toString(approved.status)) == "approved");
    return placed.reference;
}

void emptyFrames(test::WarehouseCounty& county) {
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "FRAME", -10, "count", county.warehouse, county.now);
        store::adjustStock(c, "EKD", "FRAME", -10, "count", county.warehouse, county.now);
    });
}

}  // namespace

TEST_CASE("a short line shows equivalents in stock and accepting one allocates the order") {
    test::WarehouseCounty county;
    emptyFrames(county);
    const std::string reference = approvedButShort(county);
    const auto lines = county.db->read([&](store::Connection& c) {
        return warehouse::shortages(c, reference, county.prescriber);
    });
    REQUIRE(lines.size() == 2);  // nothing is reserved while a line is short
    const auto frame = std::find_if(lines.begin(), lines.end(),
                                    [](const auto& l) { return l.itemCode == "FRAME"; });
    REQUIRE(frame != lines.end());
    REQUIRE(frame->equivalents.size() == 1);
    CHECK(frame->equivalents[0].code == "FRAME-W");
    CHECK(frame->equivalents[0].available == 20);

    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return warehouse::acceptEquivalent(c, reference, "FRAME", "BED", county.prescriber,
                                           county.now);
    }),
                    ValidationError);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return warehouse::acceptEquivalent(c, reference, "FRAME", "FRAME-W", county.otherPrescriber,
                                           county.now);
    }),
                    NotFound);
    const auto outcome = county.db->write([&](store::Connection& c) {
        return warehouse::acceptEquivalent(c, reference, "FRAME", "FRAME-W", county.budgetHolder,
                                           county.now);
    });
    CHECK(std::string(toString(outcome.status)) == "allocated");
    const auto wkd = county.levels("WKD", "FRAME-W");
    CHECK(wkd.available == 9);
    CHECK(wkd.reserved == 1);
    // The order is no longer waiting: a second acceptance is refused.
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return warehouse::acceptEquivalent(c, reference, "FRAME-W", "FRAME", county.prescriber,
                                           county.now);
    }),
                    Conflict);
}

TEST_CASE("concurrent acceptances for the last unit of an equivalent: exactly one is allocated") {
    test::WarehouseCounty county;
    emptyFrames(county);
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "FRAME-W", -9, "count", county.warehouse, county.now);
        store::adjustStock(c, "EKD", "FRAME-W", -10, "count", county.warehouse, county.now);
        store::adjustStock(c, "WKD", "HOIST", 20, "delivery", county.warehouse, county.now);
    });
    constexpr int kOrders = 6;
    std::vector<std::string> references;
    for (int i = 0; i < kOrders; ++i) references.push_back(approvedButShort(county));
    std::atomic<int> allocated = 0, waiting = 0;
    std::vector<std::thread> clients;
    for (const auto& reference : references) {
        clients.emplace_back([&, reference] {
            const auto outcome = county.db->write([&](store::Connection& c) {
                return warehouse::acceptEquivalent(c, reference, "FRAME", "FRAME-W",
                                                   county.prescriber, county.now);
            });
            if (std::string(toString(outcome.status)) == "allocated")
                ++allocated;
            else
                ++waiting;
        });
    }
    for (auto& t : clients) t.join();
    CHECK(allocated == 1);
    CHECK(waiting == kOrders - 1);
    for (const auto& l :
         county.db->read([](store::Connection& c) { return store::stockLevels(c, ""); })) {
        CHECK(l.available >= 0);
        CHECK(l.reserved >= 0);
    }
    CHECK(county.levels("WKD", "FRAME-W").available == 0);
    CHECK(county.levels("WKD", "FRAME-W").reserved == 1);
}
