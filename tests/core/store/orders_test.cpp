#include "core/store/orders/orders.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/store/orders/order_queries.h"
#include "core/store/warehouse/stock.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

store::NewOrder orderOf(ResidentId resident, std::vector<store::NewOrderLine> lines,
                        Speed speed = Speed::next_day) {
    store::NewOrder order;
    order.resident = resident;
    order.speed = speed;
    order.lines = std::move(lines);
    return order;
}

store::OrderOutcome place(test::SmallCounty& county, const store::NewOrder& order) {
    return county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
    });
}

std::int64_t count(test::SmallCounty& county, const std::string& sql) {
    return county.db->read([&](store::Connection& c) { return c.query(sql).integer(0, 0); });
}

store::StockLevel level(test::SmallCounty& county, const std::string& depot,
                        const std::string& item) {
    for (const auto& l :
         county.db->read([&](store::Connection& c) { return store::stockLevels(c, depot); })) {
        if (l.itemCode == item) return l;
    }
    FAIL("no stock row");
    return {};
}

}  // namespace

TEST_CASE("an order within the limit is approved and reserved at the serving depot") {
    test::SmallCounty county;
    const auto outcome = place(county, orderOf(county.resident, {{"BED", 1}, {"FRAME", 2}}));
    CHECK(toString(outcome.status) == "allocated");
    CHECK(outcome.reference == "ORD-2026-000001");
    CHECK(outcome.trackingToken.size() == 44);  // the order's number, then 128 random bits
    REQUIRE(outcome.dueBy);
    CHECK(formatInstant(*outcome.dueBy) == "2026-03-03T17:00:00Z");  // next working day
    CHECK(level(county, "WKD", "FRAME").available == 8);
    CHECK(level(county, "WKD", "FRAME").reserved == 2);
    CHECK(level(county, "EKD", "FRAME").available == 10);

    const auto detail = county.db->write([&](store::Connection& c) {
        return store::readOrder(c, outcome.reference, county.prescriber, county.now);
    });
    REQUIRE(detail.history.size() == 3);
    CHECK(detail.history[0].to == "submitted");
    CHECK(detail.history[1].to == "approved");
    CHECK(detail.history[2].to == "allocated");
    CHECK(detail.lines[0].depotCode == std::optional<std::string>("WKD"));
    // Every state change and the read left an audit row.
    CHECK(count(county, "SELECT COUNT(*) FROM audit_log WHERE entity = 'order'") == 4);
}

TEST_CASE("tracking tokens lead with the order number and end in 128 random bits") {
    test::SmallCounty county;
    std::vector<std::string> tokens;
    for (int n = 0; n < 3; ++n) {
        tokens.push_back(place(county, orderOf(county.resident, {{"FRAME", 1}})).trackingToken);
    }
    for (const auto& token : tokens) {
        CHECK(token.size() == 44);
        CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    }
    CHECK(tokens[0].substr(0, 12) == "07ea00000001");  // 2026, order 1
    CHECK(tokens[2].substr(0, 12) == "07ea00000003");
    // Placed one after another, they sort in order (each new one goes at the end of the index);
    // the secrets differ.
    CHECK(tokens[0] < tokens[1]);
    CHECK(tokens[1] < tokens[2]);
    CHECK(tokens[0].substr(12) != tokens[1].substr(12));
}

TEST_CASE("an order over the team's limit waits for a budget holder") {
    test::SmallCounty county;
    const auto outcome = place(county, orderOf(county.resident, {{"HOIST", 1}}));
    CHECK(toString(outcome.status) == "awaiting_approval");
    CHECK_FALSE(outcome.dueBy);
    CHECK(level(county, "WKD", "HOIST").reserved == 0);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::approveOrder(c, outcome.reference, county.prescriber, county.now,
                                   WorkingDayCalendar());
    }),
                    Forbidden);
    const auto approved = county.db->write([&](store::Connection& c) {
        return store::approveOrder(c, outcome.reference, county.budgetHolder, county.now,
                                   WorkingDayCalendar());
    });
    CHECK(toString(approved.status) == "allocated");
    CHECK(approved.dueBy);
    CHECK(level(county, "WKD", "HOIST").reserved == 1);
    // A second approval is a refused transition.
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::approveOrder(c, outcome.reference, county.budgetHolder, county.now,
                                   WorkingDayCalendar());
    }),
                    Conflict);
}

TEST_CASE("approval stands when stock has gone: the order waits approved, nothing reserved") {
    test::SmallCounty county;
    const auto outcome = place(county, orderOf(county.resident, {{"HOIST", 1}, {"FRAME", 1}}));
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "HOIST", -10, "test", county.warehouse, county.now);
        store::adjustStock(c, "EKD", "HOIST", -10, "test", county.warehouse, county.now);
    });
    const auto approved = county.db->write([&](store::Connection& c) {
        return store::approveOrder(c, outcome.reference, county.budgetHolder, county.now,
                                   WorkingDayCalendar());
    });
    CHECK(toString(approved.status) == "approved");
    CHECK(level(county, "WKD", "FRAME").reserved == 0);  // the partial reservation was undone
}

TEST_CASE("a short line refuses the whole order with equivalents in stock and writes nothing") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "FRAME", -10, "test", county.warehouse, county.now);
        store::adjustStock(c, "EKD", "FRAME", -10, "test", county.warehouse, county.now);
    });
    try {
        place(county, orderOf(county.resident, {{"BED", 1}, {"FRAME", 1}}));
        FAIL("expected OutOfStock");
    } catch (const OutOfStock& e) {
        CHECK(e.field() == "lines[1].item_code");
        REQUIRE(e.equivalents().size() == 1);
        CHECK(e.equivalents()[0].code == "FRAME-W");
        CHECK(e.equivalents()[0].available == 20);
    }
    CHECK(count(county, "SELECT COUNT(*) FROM orders") == 0);
    CHECK(level(county, "WKD", "BED").reserved == 0);
}

TEST_CASE("the nearest depot with stock fills a line the serving depot cannot") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::adjustStock(c, "WKD", "BED", -10, "test", county.warehouse, county.now);
    });
    const auto outcome = place(county, orderOf(county.resident, {{"BED", 1}}));
    CHECK(toString(outcome.status) == "allocated");
    CHECK(level(county, "EKD", "BED").reserved == 1);
}

TEST_CASE("bad order input names the field") {
    test::SmallCounty county;
    auto field = [&](const store::NewOrder& order) -> std::string {
        try {
            place(county, order);
        } catch (const ValidationError& e) {
            return e.field();
        }
        return "";
    };
    CHECK(field(orderOf(county.resident, {})) == "lines");
    CHECK(field(orderOf(county.resident, {{"BED", 0}})) == "lines[0].quantity");
    CHECK(field(orderOf(county.resident, {{"BED", 101}})) == "lines[0].quantity");
    CHECK(field(orderOf(county.resident, {{"BED", 1}, {"NOPE", 1}})) == "lines[1].item_code");
    CHECK(field(orderOf(county.resident, {{"BED", 1}, {"BED", 1}})) == "lines[1].item_code");
    CHECK(field(orderOf(ResidentId(999), {{"BED", 1}})) == "resident_id");
    CHECK(count(county, "SELECT COUNT(*) FROM orders") == 0);
}

TEST_CASE("another team's prescriber can neither order for nor read a resident's order") {
    test::SmallCounty county;
    const auto outcome = place(county, orderOf(county.resident, {{"BED", 1}}));
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::createOrder(c, orderOf(county.resident, {{"BED", 1}}), county.otherPrescriber,
                                  county.now, WorkingDayCalendar());
    }),
                    ValidationError);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::readOrder(c, outcome.reference, county.otherPrescriber, county.now);
    }),
                    NotFound);
    CHECK(county.db
              ->read([&](store::Connection& c) {
                  return store::listOrders(c, county.otherPrescriber, std::nullopt, {});
              })
              .items.empty());
    CHECK(county.db
              ->read([&](store::Connection& c) {
                  return store::listOrders(c, county.planner, std::nullopt, {});
              })
              .items.size() == 1);
}

TEST_CASE("orders are listed a page at a time, newest first, and every order is on one page") {
    test::SmallCounty county;
    std::vector<std::string> placed;
    for (int i = 0; i < 7; ++i) {
        placed.push_back(place(county, orderOf(county.resident, {{"FRAME", 1}})).reference);
    }
    std::vector<std::string> listed;
    store::PageRequest page{std::nullopt, 3};
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const auto orders = county.db->read(
            [&](store::Connection& c) { return store::listOrders(c, county.planner, {}, page); });
        CHECK(orders.items.size() <= 3);
        for (const auto& o : orders.items) listed.push_back(o.reference);
        page.after = orders.next;
        more = orders.next.has_value();
    }
    CHECK(pages == 3);
    std::reverse(placed.begin(), placed.end());
    CHECK(listed == placed);
}

TEST_CASE("cancelling releases stock and a delivered order cannot be cancelled") {
    test::SmallCounty county;
    const auto first = place(county, orderOf(county.resident, {{"FRAME", 3}}));
    county.db->write([&](store::Connection& c) {
        store::cancelOrder(c, first.reference, county.prescriber, county.now, "not needed");
    });
    CHECK(level(county, "WKD", "FRAME").available == 10);
    CHECK(level(county, "WKD", "FRAME").reserved == 0);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::cancelOrder(c, first.reference, county.prescriber, county.now, "again");
    }),
                    Conflict);

    const auto second = place(county, orderOf(county.resident, {{"FRAME", 1}}));
    for (auto to :
         {OrderStatus::scheduled, OrderStatus::out_for_delivery, OrderStatus::delivered}) {
        county.db->write([&](store::Connection& c) {
            return store::progressOrder(c, second.reference, to, county.planner, county.now, "");
        });
    }
    CHECK(level(county, "WKD", "FRAME").onLoan == 1);
    CHECK(level(county, "WKD", "FRAME").reserved == 0);
    CHECK(count(county, "SELECT COUNT(*) FROM loans WHERE ended_at IS NULL") == 1);
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::cancelOrder(c, second.reference, county.prescriber, county.now, "late");
    }),
                    Conflict);
    // A skipped step is refused too.
    const auto third = place(county, orderOf(county.resident, {{"FRAME", 1}}));
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::progressOrder(c, third.reference, OrderStatus::delivered, county.planner,
                                    county.now, "");
    }),
                    Conflict);
}
