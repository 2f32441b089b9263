#include "core/store/ledger/ledger.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "core/store/orders/orders.h"
#include "tests/reports/service_history.h"
#include "warehouse/order_delivery.h"
#include "warehouse/recycling.h"

using namespace ces;

namespace {

Pence sum(const std::vector<store::LedgerEntry>& entries, std::optional<LedgerKind> kind) {
    Pence total = 0;
    for (const auto& e : entries) {
        if (!kind || e.kind == *kind) total += e.amount;
    }
    return total;
}

}  // namespace

TEST_CASE("a delivery charges each line at its unit price to the ordering team's funder") {
    test::ServiceHistory h;
    const auto entries =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    std::vector<store::LedgerEntry> issues;
    for (const auto& e : entries) {
        if (e.kind == LedgerKind::issue) issues.push_back(e);
    }
    REQUIRE(issues.size() == 3);
    CHECK(sum(entries, LedgerKind::issue) == 40000 + 2 * 2000 + 2000);
    for (const auto& e : issues) {
        CHECK(e.funderCode == "KCC");
        CHECK(e.district == "Maidstone");
        CHECK(e.loanId.has_value());
        CHECK(e.amount == e.quantity * e.unitPrice);
    }
}

TEST_CASE("a credit-eligible asset passing inspection credits 85 percent of its price once") {
    test::ServiceHistory h;
    const auto entries =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    std::vector<store::LedgerEntry> credits;
    for (const auto& e : entries) {
        if (e.kind == LedgerKind::credit) credits.push_back(e);
    }
    REQUIRE(credits.size() == 1);
    const auto& credit = credits.front();
    CHECK(credit.amount == -34000);
    CHECK(credit.rate == 8500);
    CHECK(credit.funderCode == "KCC");
    CHECK(credit.orderReference == h.orderA);
    CHECK(credit.barcode == h.bedBarcode);
    CHECK(credit.inspectionEventId.has_value());
    CHECK(credit.note.find("condition: good") != std::string::npos);
    // The same inspection never credits twice.
    const auto again = h.db->write([&](store::Connection& c) {
        return store::recordCreditForInspection(c, *credit.assetId, h.warehouse.id, h.now);
    });
    CHECK_FALSE(again.has_value());
}

TEST_CASE("the credit rate follows the policy table by date, category and condition") {
    test::ServiceHistory h;
    // A new loan of the same bed, returned worn, with a 60% rule for worn beds.
    h.db->write([&](store::Connection& c) {
        store::addCreditRule(
            c, {std::chrono::year{2026} / 1 / 1, std::nullopt, "Beds", "worn", 6000}, h.now);
    });
    const std::string again = [&] {
        store::NewOrder o;
        o.resident = h.resident;
        o.lines = {{"BED", 1}};
        return h.db->write([&](store::Connection& c) {
            return store::createOrder(c, o, h.prescriber, test::at(2, 23, 10), WorkingDayCalendar())
                .reference;
        });
    }();
    h.db->write([&](store::Connection& c) {
        for (auto to :
             {OrderStatus::scheduled, OrderStatus::out_for_delivery, OrderStatus::delivered}) {
            warehouse::progressOrder(c, again, to, h.planner, test::at(2, 24, 10), "");
        }
        warehouse::returnAsset(c, h.bedBarcode, "", "worn", h.warehouse, test::at(2, 26, 10));
        warehouse::decontaminateAsset(c, h.bedBarcode, true, "", h.warehouse, test::at(2, 26, 11));
        warehouse::inspectAsset(c, h.bedBarcode, InspectionResult::pass, "",
                                warehouse::MaintenancePolicy(), h.warehouse, test::at(2, 26, 12));
    });
    const auto entries =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    REQUIRE((entries.back().kind == LedgerKind::credit));
    CHECK(entries.back().amount == -24000);
    CHECK(entries.back().rate == 6000);
    CHECK(entries.back().orderReference == again);
}

TEST_CASE("items not credit-eligible earn no credit") {
    test::ServiceHistory h;
    const auto credit = h.db->write([&](store::Connection& c) {
        return store::recordCreditForInspection(c, AssetId(999999), h.warehouse.id, h.now);
    });
    CHECK_FALSE(credit.has_value());
}

TEST_CASE("a correction adds rows and never changes the row it corrects") {
    test::ServiceHistory h;
    const auto before =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    const auto credit = std::find_if(before.begin(), before.end(),
                                     [](const auto& e) { return e.kind == LedgerKind::credit; });
    REQUIRE(credit != before.end());
    const auto written = h.db->write([&](store::Connection& c) {
        return store::correctLedgerEntry(c, credit->id, Pence{-30000}, "rate agreed at 75%",
                                         h.budgetHolder, h.now);
    });
    REQUIRE(written.size() == 2);
    CHECK(written[0].amount == 34000);
    CHECK(written[0].correctsId == credit->id);
    CHECK(written[1].amount == -30000);
    CHECK(written[1].assetId == credit->assetId);
    CHECK(written[1].inspectionEventId == credit->inspectionEventId);
    const auto after = h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    REQUIRE(after.size() == before.size() + 2);
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        CHECK(after[i].amount == before[i].amount);
        CHECK(after[i].at == before[i].at);
        CHECK((after[i].kind == before[i].kind));
    }
    // Net: 46000 issued - 34000 credited + 34000 reversed - 30000 credited again.
    CHECK(sum(after, std::nullopt) == 46000 - 30000);
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::correctLedgerEntry(c, credit->id, std::nullopt, " ", h.budgetHolder, h.now);
    }),
                    ValidationError);
}

TEST_CASE("an issue charge is written once per loan") {
    test::ServiceHistory h;
    const auto entries =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    const auto credit = std::find_if(entries.begin(), entries.end(),
                                     [](const auto& e) { return e.kind == LedgerKind::credit; });
    REQUIRE(credit != entries.end());
    // Issue charges are once per loan too: a second call answers the first row.
    const auto issue = std::find_if(entries.begin(), entries.end(),
                                    [](const auto& e) { return e.kind == LedgerKind::issue; });
    const auto id = h.db->write(
        [&](store::Connection& c) { return store::recordIssueCharge(c, *issue->loanId, h.now); });
    CHECK(id == issue->id);
}

TEST_CASE("the ledger comes a page at a time and every row is read, past any cap") {
    test::ServiceHistory h;
    const auto before =
        h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    const auto credit = std::find_if(before.begin(), before.end(),
                                     [](const auto& e) { return e.kind == LedgerKind::credit; });
    REQUIRE(credit != before.end());
    // 600 corrections of the credit, two rows each: more rows than any one read used to hold.
    h.db->write([&](store::Connection& c) {
        for (int i = 0; i < 600; ++i) {
            store::correctLedgerEntry(c, credit->id, credit->amount, "checked again",
                                      h.budgetHolder, h.now);
        }
        return 0;
    });
    const auto all = h.db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); });
    REQUIRE(all.size() == before.size() + 1200);
    CHECK(sum(all, std::nullopt) == sum(before, std::nullopt));
    std::vector<std::int64_t> paged;
    store::PageRequest page{std::nullopt, 500};
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const auto some =
            h.db->read([&](store::Connection& c) { return store::ledgerPage(c, {}, page); });
        CHECK(some.items.size() <= 500);
        for (const auto& e : some.items) paged.push_back(e.id.value());
        page.after = some.next;
        more = some.next.has_value();
    }
    CHECK(pages == 3);
    REQUIRE(paged.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(paged[i] == all[i].id.value());
    // The newest credits, found among the corrections by the query, not by a capped list.
    store::LedgerQuery credits;
    credits.kind = LedgerKind::credit;
    credits.funderCode = "KCC";
    const auto latest =
        h.db->read([&](store::Connection& c) { return store::latestLedgerEntries(c, credits, 5); });
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].id == credit->id);
    credits.funderCode = "NOBODY";
    CHECK(
        h.db->read([&](store::Connection& c) { return store::latestLedgerEntries(c, credits, 5); })
            .empty());
}
