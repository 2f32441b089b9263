#include "warehouse/specials.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/store/ledger/ledger.h"
#include "core/store/messages/outbox.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/specials.h"
#include "core/uk_time.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/order_delivery.h"
#include "warehouse/recycling.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

std::string after(SpecialStatus from, SpecialStep step, bool approval) {
    const auto to = specialStatusAfter(from, step, approval);
    return to ? std::string(toString(*to)) : "refused";
}

}  // namespace

TEST_CASE(
    "specials' steps: approval only above the threshold, then quote, order, receive, deliver") {
    CHECK(after(SpecialStatus::requested, SpecialStep::approve, true) == "approved");
    CHECK(after(SpecialStatus::requested, SpecialStep::approve, false) == "refused");
    CHECK(after(SpecialStatus::requested, SpecialStep::quote, true) == "refused");
    CHECK(after(SpecialStatus::requested, SpecialStep::quote, false) == "quoted");
    CHECK(after(SpecialStatus::approved, SpecialStep::quote, true) == "quoted");
    CHECK(after(SpecialStatus::quoted, SpecialStep::order, true) == "ordered");
    CHECK(after(SpecialStatus::quoted, SpecialStep::receive, true) == "refused");
    CHECK(after(SpecialStatus::ordered, SpecialStep::receive, true) == "received");
    CHECK(after(SpecialStatus::received, SpecialStep::deliver, true) == "delivered");
    CHECK(after(SpecialStatus::received, SpecialStep::receive, true) == "refused");
    CHECK(after(SpecialStatus::delivered, SpecialStep::deliver, true) == "refused");
    SpecialsPolicy policy;
    CHECK(needsApproval(50001, policy));
    CHECK_FALSE(needsApproval(50000, policy));
}

TEST_CASE("the 8-week clock: breached when not at the warehouse 56 days after the order") {
    const SpecialsPolicy policy;
    const Instant ordered = std::chrono::sys_days(std::chrono::year(2026) / 1 / 5);
    CHECK(formatInstant(targetArrival(ordered, policy)) == "2026-03-02T00:00:00Z");
    CHECK_FALSE(targetBreached(ordered, std::nullopt, ordered + std::chrono::days(56), policy));
    CHECK(targetBreached(ordered, std::nullopt, ordered + std::chrono::days(57), policy));
    // Received in time: never breached afterwards.
    CHECK_FALSE(targetBreached(ordered, ordered + std::chrono::days(50),
                               ordered + std::chrono::days(90), policy));
    CHECK(targetBreached(ordered, ordered + std::chrono::days(60), ordered + std::chrono::days(60),
                         policy));
}

TEST_CASE("a special from request to delivery, every step dated, the order released on receipt") {
    test::WarehouseCounty county;
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    order.specials = {{"Made-to-measure chair", 90000}};
    const auto placed = county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
    });
    CHECK(std::string(toString(placed.status)) == "awaiting_special");
    const SpecialsPolicy policy;
    const auto id = county.db->read([&](store::Connection& c) {
        return store::specialsOfOrder(c, store::findOrderRow(c, placed.reference).id).front().id;
    });
    auto run = [&](auto&& step) {
        return county.db->write([&](store::Connection& c) { return step(c); });
    };
    const Instant t = county.now;
    CHECK_THROWS_AS(run([&](auto& c) {
                        return quoteSpecial(c, id, "Acme", 95000, county.warehouse, t, policy);
                    }),
                    Conflict);  // £900 needs the budget holder first
    CHECK_THROWS_AS(
        run([&](auto& c) { return approveSpecial(c, id, county.warehouse, t, policy); }),
        Forbidden);
    run([&](auto& c) { return approveSpecial(c, id, county.budgetHolder, t, policy); });
    CHECK_THROWS_AS(
        run([&](auto& c) { return receiveSpecial(c, id, "WKD", 12, county.warehouse, t, policy); }),
        Conflict);  // not ordered yet
    run([&](auto& c) {
        return quoteSpecial(c, id, "Acme Seating", 95000, county.warehouse,
                            t + std::chrono::days(3), policy);
    });
    run([&](auto& c) {
        return orderSpecial(c, id, "PO-1", county.warehouse, t + std::chrono::days(4), policy);
    });
    const auto received = run([&](auto& c) {
        return receiveSpecial(c, id, "WKD", 12, county.warehouse, t + std::chrono::days(40),
                              policy);
    });
    CHECK(std::string(toString(received.record.status)) == "received");
    CHECK_FALSE(received.breached);
    CHECK(received.daysOpen == 40);
    REQUIRE(received.record.barcode.has_value());
    CHECK(received.record.quotedAt == t + std::chrono::days(3));
    CHECK(received.record.orderedAt == t + std::chrono::days(4));
    const auto status = county.db->read([&](store::Connection& c) {
        return std::string(toString(store::findOrderRow(c, placed.reference).status));
    });
    CHECK(status == "allocated");
    // Delivered with its order: the asset goes on loan in the resident's home.
    county.db->write([&](store::Connection& c) {
        for (auto to :
             {OrderStatus::scheduled, OrderStatus::out_for_delivery, OrderStatus::delivered}) {
            warehouse::progressOrder(c, placed.reference, to, county.planner, t, "");
        }
        deliverSpecials(c, store::findOrderRow(c, placed.reference).id, county.planner, t);
    });
    const auto special =
        county.db->read([&](store::Connection& c) { return *store::findSpecial(c, id); });
    CHECK(std::string(toString(special.status)) == "delivered");
    const auto asset = county.db->read(
        [&](store::Connection& c) { return *store::findAsset(c, *received.record.barcode); });
    CHECK(std::string(toString(asset.state)) == "on_loan");
    CHECK(asset.resident == county.resident);

    // The ledger: its quote charged to the order's funder at delivery, once.
    auto specialRows = [&](LedgerKind kind) {
        std::vector<store::LedgerEntry> rows;
        for (const auto& e :
             county.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); })) {
            if (e.special == id && e.kind == kind) rows.push_back(e);
        }
        return rows;
    };
    const auto issues = specialRows(LedgerKind::issue);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].amount == 95000);
    CHECK(issues[0].funderCode == "KCC");
    CHECK(issues[0].category == "Specials");
    CHECK(issues[0].assetId == asset.id);
    // Back, cleaned and passed into stock: 85% of its quote credited, once.
    const std::string barcode = *received.record.barcode;
    const Instant back = t + std::chrono::days(90);
    run([&](auto& c) {
        returnAsset(c, barcode, "WKD", "good", county.warehouse, back);
        decontaminateAsset(c, barcode, true, "", county.warehouse, back);
        return inspectAsset(c, barcode, InspectionResult::pass, "", MaintenancePolicy{},
                            county.warehouse, back);
    });
    const auto credits = specialRows(LedgerKind::credit);
    REQUIRE(credits.size() == 1);
    CHECK(credits[0].amount == -80750);
    CHECK(credits[0].rate == 8500);
    CHECK(credits[0].note.find("condition: good") != std::string::npos);
    run([&](auto& c) { return store::recordCreditForInspection(c, asset.id, std::nullopt, back); });
    CHECK(specialRows(LedgerKind::credit).size() == 1);
}

TEST_CASE("breached specials are listed") {
    test::WarehouseCounty county;
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    order.specials = {{"Bespoke cushion", 20000}};
    county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
    });
    const SpecialsPolicy policy;
    const auto list = [&](Instant now) {
        return county.db->read([&](store::Connection& c) {
            return listSpecials(c, true, false, now, policy, {}).items;
        });
    };
    CHECK(list(county.now + std::chrono::days(55)).empty());
    const auto late = list(county.now + std::chrono::days(60));
    REQUIRE(late.size() == 1);
    CHECK(late[0].record.description == "Bespoke cushion");
    CHECK(late[0].daysOpen == 60);
}

TEST_CASE("specials come a page at a time, and the breached filter reaches past any cap") {
    test::WarehouseCounty county;
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    // 1150 arrive in time; the 50 requested last (the same day, later ids) never arrive.
    for (int i = 0; i < 1200; ++i) {
        order.specials.push_back({(i < 1150 ? "on time " : "late ") + std::to_string(i), 20000});
    }
    county.db->write([&](store::Connection& c) {
        store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar());
        c.execute(
            "UPDATE specials SET status = 'received', received_at = $1 "
            "WHERE description LIKE 'on time %'",
            {formatInstant(county.now + std::chrono::days(10))});
        return 0;
    });
    const SpecialsPolicy policy;
    const Instant later = county.now + std::chrono::days(60);
    const auto everyPage = [&](bool breachedOnly, std::size_t limit) {
        std::vector<std::string> listed;
        store::PageRequest page{std::nullopt, limit};
        for (bool more = true; more;) {
            const auto views = county.db->read([&](store::Connection& c) {
                return listSpecials(c, breachedOnly, false, later, policy, page);
            });
            CHECK(views.items.size() <= limit);
            for (const auto& v : views.items) listed.push_back(v.record.description);
            page.after = views.next;
            more = views.next.has_value();
        }
        return listed;
    };
    const auto late = everyPage(true, 20);
    REQUIRE(late.size() == 50);
    CHECK(late.front() == "late 1150");
    CHECK(late.back() == "late 1199");
    CHECK(std::set<std::string>(late.begin(), late.end()).size() == 50);
    const auto all = everyPage(false, 500);
    REQUIRE(all.size() == 1200);
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == 1200);
    CHECK(all[1199] == "late 1199");
    // One page of breached ones says nothing follows when nothing does.
    const auto one = county.db->read([&](store::Connection& c) {
        return listSpecials(c, true, false, later, policy, {std::nullopt, 50});
    });
    CHECK(one.items.size() == 50);
    CHECK_FALSE(one.next.has_value());
}

namespace {

// A special ordered for the county's resident, who chose e-mail; answers its id and the order's
// reference.
std::pair<SpecialId, std::string> requestSpecial(test::WarehouseCounty& county,
                                                 const std::string& description, Instant at) {
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    order.specials = {{description, 20000}};
    return county.db->write([&](store::Connection& c) {
        c.execute("UPDATE residents SET email = 'resident@example.org', contact_channel = 'email'");
        const auto placed =
            store::createOrder(c, order, county.prescriber, at, WorkingDayCalendar());
        const auto id =
            store::specialsOfOrder(c, store::findOrderRow(c, placed.reference).id).front().id;
        return std::pair{id, placed.reference};
    });
}

std::vector<store::OutboxMessage> messagesAbout(test::WarehouseCounty& county, SpecialId id) {
    std::vector<store::OutboxMessage> found;
    const auto all = county.db->read([](store::Connection& c) {
        return store::listOutbox(c, store::OutboxFilter::all, {std::nullopt, 500}).items;
    });
    for (const auto& m : all) {
        if (m.entity == "special" && m.entityId == std::to_string(id.value())) found.push_back(m);
    }
    std::reverse(found.begin(), found.end());  // oldest first
    return found;
}

}  // namespace

TEST_CASE(
    "the resident hears when their special is ordered, with the day we expect it, and when "
    "it arrives") {
    test::WarehouseCounty county;
    const SpecialsPolicy policy;
    const Instant t = county.now;
    const auto [id, reference] = requestSpecial(county, "Made-to-measure chair", t);
    county.db->write([&](store::Connection& c) {
        quoteSpecial(c, id, "Acme Seating", 20000, county.warehouse, t, policy);
        return orderSpecial(c, id, "PO-7", county.warehouse, t + std::chrono::days(2), policy);
    });
    auto messages = messagesAbout(county, id);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].kind == "special_progress");
    CHECK(messages[0].recipient == "resident@example.org");
    const std::string expected = formatDate(toUkLocal(targetArrival(t, policy)).date);
    CHECK(messages[0].fields.find("\"date\":\"" + expected + "\"") != std::string::npos);
    CHECK(messages[0].fields.find("Made-to-measure chair") != std::string::npos);
    CHECK(messages[0].fields.find("arrived") == std::string::npos);

    county.db->write([&](store::Connection& c) {
        return receiveSpecial(c, id, "WKD", 12, county.warehouse, t + std::chrono::days(30),
                              policy);
    });
    messages = messagesAbout(county, id);
    REQUIRE(messages.size() == 2);
    CHECK(messages[1].fields.find("\"arrived\":true") != std::string::npos);
    CHECK(messages[1].fields.find("\"all_in\":true") != std::string::npos);
    CHECK(messages[1].fields.find("\"date\"") == std::string::npos);
}

TEST_CASE("a special ordered after its target passed promises no day") {
    test::WarehouseCounty county;
    const SpecialsPolicy policy;
    const Instant t = county.now;
    const auto [id, reference] = requestSpecial(county, "Bespoke cushion", t);
    county.db->write([&](store::Connection& c) {
        quoteSpecial(c, id, "Acme", 20000, county.warehouse, t, policy);
        return orderSpecial(c, id, "PO-8", county.warehouse, t + std::chrono::days(60), policy);
    });
    const auto messages = messagesAbout(county, id);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].fields.find("\"date\"") == std::string::npos);
}

TEST_CASE(
    "the prescriber hears once, the day a special is late, and never of one in time or "
    "cancelled") {
    test::WarehouseCounty county;
    const SpecialsPolicy policy;
    const Instant t = county.now;
    const auto [late, lateReference] = requestSpecial(county, "Bespoke cushion", t);
    const auto [inTime, inTimeReference] = requestSpecial(county, "Made-to-measure chair", t);
    const auto [cancelled, cancelledReference] = requestSpecial(county, "Tilt-in-space chair", t);
    county.db->write([&](store::Connection& c) {
        quoteSpecial(c, late, "Acme", 20000, county.warehouse, t, policy);
        orderSpecial(c, late, "PO-9", county.warehouse, t + std::chrono::days(3), policy);
        quoteSpecial(c, inTime, "Acme", 20000, county.warehouse, t, policy);
        orderSpecial(c, inTime, "PO-10", county.warehouse, t, policy);
        receiveSpecial(c, inTime, "WKD", 12, county.warehouse, t + std::chrono::days(50), policy);
        store::cancelOrder(c, cancelledReference, county.prescriber, t, "no longer needed");
        return 0;
    });
    const auto report = [&](Instant now) {
        return county.db->write(
            [&](store::Connection& c) { return reportLateSpecials(c, now, policy); });
    };
    CHECK(report(t + std::chrono::days(56)) == 0);  // due today: not late yet
    CHECK(report(t + std::chrono::days(57)) == 1);
    CHECK(report(t + std::chrono::days(58)) == 0);  // told once
    CHECK(report(t + std::chrono::days(90)) == 0);
    std::vector<store::OutboxMessage> toPrescriber;
    for (const auto& m : messagesAbout(county, late)) {
        if (m.kind.empty()) toPrescriber.push_back(m);
    }
    REQUIRE(toPrescriber.size() == 1);
    CHECK(toPrescriber[0].recipientUser == county.prescriber.id);
    CHECK(store::toString(toPrescriber[0].channel) == "email");
    CHECK(toPrescriber[0].subject.find(lateReference) != std::string::npos);
    CHECK(toPrescriber[0].body.find("Bespoke cushion") != std::string::npos);
    CHECK(toPrescriber[0].body.find("purchase order PO-9") != std::string::npos);
    CHECK(toPrescriber[0].body.find("NHS") == std::string::npos);
    for (const SpecialId other : {inTime, cancelled}) {
        for (const auto& m : messagesAbout(county, other)) CHECK_FALSE(m.kind.empty());
    }
}
