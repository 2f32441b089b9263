// Safety recalls: a campaign finds every unit the notice covers, holds shelf stock in the same
// write (an order that held the last unit waits or is re-supplied), books a visit to every home
// by the deadline, tells the residents, and each unit is followed to its resolution.
#include "warehouse/recalls.h"

#include <doctest/doctest.h>

#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/recalls.h"
#include "core/store/warehouse/stock.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/dispatch.h"
#include "warehouse/maintenance.h"
#include "warehouse/recall_replacements.h"
#include "warehouse/recycling.h"

using namespace ces;

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

const year_month_day kDeadline{year(2026), month(3), day(20)};

store::NewRecall notice(const std::string& reference, RecallAction action = RecallAction::inspect) {
    store::NewRecall n;
    n.reference = reference;
    n.title = "Hoist mast weld may crack";
    n.action = action;
    n.filter.itemCodes = {"HOIST-S"};
    n.deadline = kDeadline;
    return n;
}

void setMade(test::WarehouseCounty& county, const std::string& barcode, const char* madeOn,
             const char* batch) {
    county.db->write([&](store::Connection& c) {
        c.execute("UPDATE assets SET made_on = $1, batch = $2 WHERE barcode = $3",
                  {std::string(madeOn), std::string(batch), barcode});
        return 0;
    });
}

std::string stateOf(test::WarehouseCounty& county, const std::string& barcode) {
    return county.db->read([&](store::Connection& c) {
        return std::string(toString(store::findAsset(c, barcode)->state));
    });
}

std::string orderStatus(test::WarehouseCounty& county, const std::string& reference) {
    return county.db->read([&](store::Connection& c) {
        return c.query("SELECT status FROM orders WHERE reference = $1", {reference}).text(0, 0);
    });
}

warehouse::RecallRaised raise(test::WarehouseCounty& county, const store::NewRecall& n,
                              const Actor& who) {
    return county.db->write(
        [&](store::Connection& c) { return warehouse::raiseRecall(c, n, who, county.now); });
}

std::int64_t count(test::WarehouseCounty& county, const std::string& sql) {
    return county.db->read([&](store::Connection& c) { return c.query(sql).integer(0, 0); });
}

// Adds HOIST-E, a close technical equivalent of HOIST-S, with one free unit at the west depot;
// answers its barcode.
std::string addEquivalentHoist(test::WarehouseCounty& county) {
    county.db->write([&](store::Connection& c) {
        CatalogueItem other = store::findItem(c, "HOIST-S").value();
        other.code = "HOIST-E";
        other.name = "Equivalent hoist";
        store::upsertItem(c, other);
        store::setStock(c, county.west, "HOIST-E", 0, 1);
        store::addEquivalents(c, "HOIST-S", "HOIST-E");
        return 0;
    });
    return county.addAssets("HOIST-E", county.west, 1, county.now, 6).at(0);
}

}  // namespace

TEST_CASE("shelf units are held at once and never allocated again") {
    test::WarehouseCounty county;
    const auto raised = raise(county, notice("FSN-1"), county.warehouse);
    CHECK(raised.found == 3);
    CHECK(raised.held == 3);
    CHECK(raised.visits == 0);
    for (const auto& barcode : county.hoists) CHECK(stateOf(county, barcode) == "quarantined");
    CHECK(county.levels("WKD", "HOIST-S").available == 0);
    CHECK(county.levels("WKD", "HOIST-S").quarantined == 3);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    CHECK_THROWS_AS(county.place({{"HOIST-S", 1}}), OutOfStock);
}

TEST_CASE("dates and batch narrow the campaign, and units with nothing recorded stay in it") {
    test::WarehouseCounty county;
    setMade(county, county.hoists[0], "2025-01-10", "B7");
    setMade(county, county.hoists[1], "2024-06-01", "B7");  // made before the notice's dates
    auto n = notice("FSN-2");
    n.filter.madeFrom = year_month_day{year(2025), month(1), day(1)};
    n.filter.madeTo = year_month_day{year(2025), month(12), day(31)};
    n.filter.batch = "B7";
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.found == 2);  // hoists[0] matches; hoists[2] has no date or batch recorded
    CHECK(stateOf(county, county.hoists[0]) == "quarantined");
    CHECK(stateOf(county, county.hoists[1]) == "available");
    CHECK(stateOf(county, county.hoists[2]) == "quarantined");
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
}

TEST_CASE("every home gets a visit by the deadline, and the resident a message") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    const auto raised = raise(county, notice("FSN-3", RecallAction::withdraw), county.warehouse);
    CHECK(raised.found == 3);
    CHECK(raised.visits == 1);
    CHECK(raised.held == 2);
    county.db->read([&](store::Connection& c) {
        const auto visit = c.query(
            "SELECT v.kind, v.due_date, v.status, v.resident_id FROM visits v JOIN recall_units u "
            "ON u.visit_id = v.id");
        REQUIRE(visit.size() == 1);
        CHECK(visit.text(0, 0) == "collection");
        CHECK(visit.text(0, 1) == "2026-03-20");
        CHECK(visit.text(0, 2) == "pending");
        CHECK(visit.integer(0, 3) == county.resident.value());
        return 0;
    });
    CHECK(count(county, "SELECT COUNT(*) FROM outbox WHERE kind = 'safety_recall'") <= 1);
    CHECK(count(county, "SELECT COUNT(*) FROM recall_units WHERE found_where = 'home'") == 1);
}

TEST_CASE("an order that held the last unit waits for stock, its prescriber told") {
    test::WarehouseCounty county;
    const std::string first = county.place({{"HOIST-S", 1}});
    const std::string second = county.place({{"HOIST-S", 1}});
    const std::string third = county.place({{"HOIST-S", 1}});
    CHECK(county.levels("WKD", "HOIST-S").available == 0);
    const auto raised = raise(county, notice("FSN-4"), county.warehouse);
    CHECK(raised.held == 3);
    CHECK(raised.ordersWaiting == 3);
    for (const auto& reference : {first, second, third}) {
        CHECK(orderStatus(county, reference) == "approved");
    }
    CHECK(county.levels("WKD", "HOIST-S").reserved == 0);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    CHECK(count(county, "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%safety recall%'") == 3);
}

TEST_CASE("an order whose stock was taken is re-supplied from unaffected units elsewhere") {
    test::WarehouseCounty county;
    const std::string reference = county.place({{"HOIST-S", 3}});
    county.addAssets("HOIST-S", county.east, 3, county.now - std::chrono::days(5), 6);
    auto n = notice("FSN-5");
    n.filter.barcodes = county.hoists;  // only the west depot's units
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.ordersResupplied == 1);
    CHECK(orderStatus(county, reference) == "allocated");
    CHECK(county.levels("EKD", "HOIST-S").reserved == 3);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    CHECK(county.countsMatchRegister(county.east, "HOIST-S"));
}

TEST_CASE("an order waiting for its special gives its stock back and waits for the special again") {
    test::WarehouseCounty county;
    store::NewOrder order;
    order.resident = county.resident;
    order.speed = Speed::five_day;
    order.lines = {{"HOIST-S", 3}};
    order.specials = {{"Made-to-measure sling", 12000}};
    const std::string reference = county.db->write([&](store::Connection& c) {
        return store::createOrder(c, order, county.prescriber, county.now, WorkingDayCalendar())
            .reference;
    });
    REQUIRE(orderStatus(county, reference) == "awaiting_special");
    county.addAssets("HOIST-S", county.east, 3, county.now - std::chrono::days(5), 6);
    auto n = notice("FSN-6");
    n.filter.barcodes = county.hoists;  // only the west depot's units
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.held == 3);
    CHECK(raised.ordersResupplied == 1);
    CHECK(orderStatus(county, reference) == "awaiting_special");  // its special is not in yet
    CHECK(county.levels("WKD", "HOIST-S").reserved == 0);
    CHECK(county.levels("EKD", "HOIST-S").reserved == 3);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    CHECK(county.countsMatchRegister(county.east, "HOIST-S"));
}

TEST_CASE("a unit in the recycling path goes into quarantine when it passes inspection") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    const std::string home = county.db->read([&](store::Connection& c) {
        return c.query("SELECT barcode FROM assets WHERE state = 'on_loan'").text(0, 0);
    });
    county.db->write([&](store::Connection& c) {
        warehouse::returnAsset(c, home, "", "", county.warehouse, county.now);
        warehouse::decontaminateAsset(c, home, true, "", county.warehouse, county.now);
        return 0;
    });
    auto n = notice("FSN-6");
    n.filter.barcodes = {home};
    CHECK(raise(county, n, county.warehouse).found == 1);
    county.db->write([&](store::Connection& c) {
        warehouse::inspectAsset(c, home, InspectionResult::pass, "", warehouse::MaintenancePolicy(),
                                county.warehouse, county.now);
        return 0;
    });
    CHECK(stateOf(county, home) == "quarantined");
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    // Scrapping it resolves the unit; a released unit goes back to inspection.
    county.db->write([&](store::Connection& c) {
        warehouse::inspectAsset(c, home, InspectionResult::scrap, "withdrawn per FSN-6",
                                warehouse::MaintenancePolicy(), county.warehouse, county.now);
        return 0;
    });
    CHECK(count(county, "SELECT COUNT(*) FROM recall_units WHERE resolution = 'withdrawn'") == 1);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
}

TEST_CASE("an inspection visit done resolves its unit, and a released unit is inspected again") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    raise(county, notice("FSN-7"), county.warehouse);
    const auto visit = county.db->read([&](store::Connection& c) {
        return VisitId(
            c.query("SELECT visit_id FROM recall_units WHERE visit_id IS NOT NULL").integer(0, 0));
    });
    county.db->write([&](store::Connection& c) {
        c.execute("UPDATE visits SET status = 'planned', plan_date = '2026-03-02' WHERE id = $1",
                  {visit.value()});
        warehouse::recordVisitOutcome(c, visit, VisitOutcome::inspected, std::nullopt, "",
                                      county.driver, county.now, WorkingDayCalendar(),
                                      warehouse::MaintenancePolicy());
        warehouse::releaseFromRecall(c, county.hoists[1], "mast weld checked per FSN-7",
                                     county.warehouse, county.now);
        return 0;
    });
    CHECK(count(county, "SELECT COUNT(*) FROM recall_units WHERE resolution = 'inspected'") == 1);
    CHECK(count(county, "SELECT COUNT(*) FROM recall_units WHERE resolution = 'released'") == 1);
    CHECK(stateOf(county, county.hoists[1]) == "awaiting_inspection");
    const auto summary = county.db->read(
        [&](store::Connection& c) { return store::listRecalls(c, kDeadline).front(); });
    CHECK(summary.found == 3);
    CHECK(summary.visited == 1);
    CHECK(summary.resolved == 2);
    CHECK(summary.remaining == 1);
    CHECK(summary.overdue == 0);
    const auto late = county.db->read([&](store::Connection& c) {
        return store::listRecalls(c, year_month_day{year(2026), month(3), day(21)}).front();
    });
    CHECK(late.overdue == 1);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
}

TEST_CASE("a failed recall visit's retry still goes for the unit") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    raise(county, notice("FSN-8"), county.warehouse);
    const auto visit = county.db->read([&](store::Connection& c) {
        return VisitId(
            c.query("SELECT visit_id FROM recall_units WHERE visit_id IS NOT NULL").integer(0, 0));
    });
    const auto receipt = county.db->write([&](store::Connection& c) {
        c.execute("UPDATE visits SET status = 'planned', plan_date = '2026-03-02' WHERE id = $1",
                  {visit.value()});
        return warehouse::recordVisitOutcome(
            c, visit, VisitOutcome::failed, FailureReason::no_access, "", county.driver, county.now,
            WorkingDayCalendar(), warehouse::MaintenancePolicy());
    });
    REQUIRE(receipt.rescheduledVisitId);
    CHECK(count(county, "SELECT visit_id FROM recall_units WHERE visit_id IS NOT NULL") ==
          receipt.rescheduledVisitId->value());
}

namespace {

std::string onLoanHoist(test::WarehouseCounty& county) {
    return county.db->read([&](store::Connection& c) {
        return c.query("SELECT barcode FROM assets WHERE state = 'on_loan'").text(0, 0);
    });
}

VisitId recallVisit(test::WarehouseCounty& county) {
    return county.db->read([&](store::Connection& c) {
        return VisitId(
            c.query("SELECT visit_id FROM recall_units WHERE visit_id IS NOT NULL").integer(0, 0));
    });
}

void repairVisitDone(test::WarehouseCounty& county, VisitId visit) {
    county.db->write([&](store::Connection& c) {
        c.execute("UPDATE visits SET status = 'planned', plan_date = '2026-03-02' WHERE id = $1",
                  {visit.value()});
        return warehouse::recordVisitOutcome(c, visit, VisitOutcome::repaired, std::nullopt, "",
                                             county.driver, county.now, WorkingDayCalendar(),
                                             warehouse::MaintenancePolicy());
    });
}

}  // namespace

TEST_CASE("a replace recall swaps the home's unit for a reserved unaffected one at the visit") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    const std::string affected = onLoanHoist(county);
    auto n = notice("FSN-10", RecallAction::replace);
    n.filter.barcodes = {affected};
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.found == 1);
    CHECK(raised.visits == 1);
    CHECK(raised.replacementsReserved == 1);
    CHECK(raised.awaitingReplacement == 0);
    const VisitId visit = recallVisit(county);
    const std::string replacement = county.db->read([&](store::Connection& c) {
        return c
            .query(
                "SELECT b.barcode FROM recall_units x JOIN assets b "
                "ON b.id = x.replacement_asset_id")
            .text(0, 0);
    });
    CHECK(stateOf(county, replacement) == "reserved");
    CHECK(county.levels("WKD", "HOIST-S").reserved == 1);
    const std::string notes = county.db->read([&](store::Connection& c) {
        return c.query("SELECT notes FROM visits WHERE id = $1", {visit.value()}).text(0, 0);
    });
    CHECK(notes.find("take replacement " + replacement) != std::string::npos);
    county.db->read([&](store::Connection& c) {
        CHECK(store::findVisit(c, visit)->swapsUnit);  // the replacement takes van space
        return 0;
    });

    repairVisitDone(county, visit);
    CHECK(stateOf(county, affected) == "quarantined");
    CHECK(stateOf(county, replacement) == "on_loan");
    county.db->read([&](store::Connection& c) {
        const auto out = store::findAsset(c, affected);
        const auto in = store::findAsset(c, replacement);
        CHECK_FALSE(out->loanId.has_value());
        REQUIRE(in->loanId.has_value());
        CHECK(in->resident == county.resident);
        const auto loan = store::findLoan(c, *in->loanId);
        CHECK(loan->returnedQuantity == 0);  // the loan goes on, with the replacement
        return 0;
    });
    CHECK(count(county, "SELECT COUNT(*) FROM recall_units WHERE resolution = 'replaced'") == 1);
    CHECK(county.levels("WKD", "HOIST-S").quarantined == 1);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));

    // The loan earns one credit, when the replacement comes home: none for the swapped unit.
    const auto later = county.now + std::chrono::days(30);
    const warehouse::MaintenancePolicy policy;
    county.db->write([&](store::Connection& c) {
        warehouse::releaseFromRecall(c, affected, "pin replaced per FSN-10", county.warehouse,
                                     later);
        warehouse::inspectAsset(c, affected, InspectionResult::pass, "", policy, county.warehouse,
                                later);
        return 0;
    });
    const std::string credits = "SELECT COUNT(*) FROM ledger WHERE kind = 'credit'";
    CHECK(count(county, credits) == 0);
    county.db->write([&](store::Connection& c) {
        warehouse::returnAsset(c, replacement, "", "good", county.warehouse, later);
        warehouse::decontaminateAsset(c, replacement, true, "", county.warehouse, later);
        warehouse::inspectAsset(c, replacement, InspectionResult::pass, "", policy,
                                county.warehouse, later);
        return 0;
    });
    CHECK(count(county, credits) == 1);
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
}

TEST_CASE("a home waits for a replacement when none is free, and is swapped once one comes in") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    const std::string affected = onLoanHoist(county);
    for (const auto& barcode : county.hoists) setMade(county, barcode, "2025-01-10", "B7");
    auto n = notice("FSN-11", RecallAction::replace);
    n.filter.batch = "B7";
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.found == 3);
    CHECK(raised.replacementsReserved == 0);
    CHECK(raised.awaitingReplacement == 1);
    const VisitId visit = recallVisit(county);
    try {
        repairVisitDone(county, visit);
        FAIL("a swap with nothing to swap in was accepted");
    } catch (const Conflict& refused) {
        CHECK(refused.code() == "replacement_not_reserved");
    }
    CHECK(stateOf(county, affected) == "on_loan");

    // Goods in of another batch: the warehouse reserves one from the campaign's page.
    const auto fresh = county.addAssets("HOIST-S", county.west, 1, county.now, 6);
    setMade(county, fresh[0], "2026-02-01", "B9");
    const auto done = county.db->write([&](store::Connection& c) {
        return warehouse::reserveRecallReplacements(c, raised.id, county.warehouse, county.now);
    });
    CHECK(done.reserved == 1);
    CHECK(done.waiting == 0);
    CHECK(stateOf(county, fresh[0]) == "reserved");
    repairVisitDone(county, visit);
    CHECK(stateOf(county, fresh[0]) == "on_loan");
    CHECK(stateOf(county, affected) == "quarantined");
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return warehouse::reserveRecallReplacements(c, raised.id, county.planner, county.now);
    }),
                    Forbidden);
}

TEST_CASE("with no unaffected unit of the model free, a close equivalent replaces it") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 1}});
    const std::string affected = onLoanHoist(county);
    for (const auto& barcode : county.hoists) setMade(county, barcode, "2025-01-10", "B7");
    const std::string equivalent = addEquivalentHoist(county);
    auto n = notice("FSN-12", RecallAction::replace);
    n.filter.batch = "B7";
    const auto raised = raise(county, n, county.warehouse);
    CHECK(raised.replacementsReserved == 1);
    CHECK(raised.awaitingReplacement == 0);
    CHECK(stateOf(county, equivalent) == "reserved");
    CHECK(county.levels("WKD", "HOIST-E").reserved == 1);
    repairVisitDone(county, recallVisit(county));
    CHECK(stateOf(county, equivalent) == "on_loan");
    CHECK(stateOf(county, affected) == "quarantined");
    CHECK(county.countsMatchRegister(county.west, "HOIST-E"));
    CHECK(county.countsMatchRegister(county.west, "HOIST-S"));

    // An equivalent the notice covers too is never the replacement.
    test::WarehouseCounty second;
    second.deliver({{"HOIST-S", 1}});
    onLoanHoist(second);
    for (const auto& barcode : second.hoists) setMade(second, barcode, "2025-01-10", "B7");
    setMade(second, addEquivalentHoist(second), "2025-01-10", "B7");
    auto both = notice("FSN-13", RecallAction::replace);
    both.filter.itemCodes = {"HOIST-S", "HOIST-E"};
    both.filter.batch = "B7";
    CHECK(raise(second, both, second.warehouse).awaitingReplacement == 1);
}

TEST_CASE("refusals name the field and write nothing") {
    test::WarehouseCounty county;
    CHECK_THROWS_AS(raise(county, notice("FSN-9"), county.prescriber), Forbidden);
    CHECK_THROWS_AS(raise(county, notice("FSN-9"), county.planner), Forbidden);
    const auto field = [&](store::NewRecall n) {
        try {
            raise(county, n, county.warehouse);
        } catch (const ValidationError& e) {
            return e.field();
        }
        return std::string("accepted");
    };
    auto n = notice("");
    CHECK(field(n) == "reference");
    n = notice("FSN-9");
    n.title = " ";
    CHECK(field(n) == "title");
    n = notice("FSN-9");
    n.filter.itemCodes = {"HOIST-S", "NO-SUCH"};
    CHECK(field(n) == "item_codes[1]");
    n.filter.itemCodes = {"RAIL"};  // counted: no register of units
    CHECK(field(n) == "item_codes[0]");
    n = notice("FSN-9");
    n.filter.madeFrom = year_month_day{year(2026), month(1), day(2)};
    n.filter.madeTo = year_month_day{year(2026), month(1), day(1)};
    CHECK(field(n) == "made_to");
    n = notice("FSN-9");
    n.deadline = year_month_day{year(2026), month(3), day(1)};
    CHECK(field(n) == "deadline");
    CHECK(count(county, "SELECT COUNT(*) FROM recalls") == 0);
    raise(county, notice("FSN-9"), county.warehouse);
    CHECK(field(notice("FSN-9")) == "reference");  // used once
    CHECK(count(county, "SELECT COUNT(*) FROM recalls") == 1);
}
