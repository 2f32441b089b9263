// The warehouse queues and today's returns come a page at a time: the pages hold every asset
// once, in order, even when the last asset of a page moves on before the next is asked for,
// and the counts are the true counts, not the length of a page.
#include "core/store/warehouse/asset_queues.h"

#include <doctest/doctest.h>

#include <set>

#include "core/store/collections/collections.h"
#include "core/store/dispatch/prescriber_tasks.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/recycling.h"

using namespace ces;

namespace {

/// Puts `barcode` in `state` as if it had got there at `at`.
void putInState(test::WarehouseCounty& county, const std::string& barcode, AssetState state,
                Instant at) {
    county.db->write([&](store::Connection& c) {
        c.execute("UPDATE assets SET state = $1, updated_at = $2 WHERE barcode = $3",
                  {std::string(toString(state)), formatInstant(at), barcode});
        return 0;
    });
}

std::vector<std::string> barcodes(const store::Page<store::QueuedAsset>& page) {
    std::vector<std::string> list;
    for (const auto& a : page.items) list.push_back(a.barcode);
    return list;
}

}  // namespace

TEST_CASE("a queue longer than a page: the next pages hold the rest once each, in waiting order") {
    test::WarehouseCounty county;
    const auto units = county.addAssets("HOIST-S", county.west, 5, county.now, 6);
    const Instant t = county.now - std::chrono::hours(5);
    // Two share a time: the id breaks the tie. Both decontamination states are one queue.
    putInState(county, units[3], AssetState::returned, t);
    putInState(county, units[1], AssetState::in_decontamination, t + std::chrono::hours(1));
    putInState(county, units[0], AssetState::returned, t + std::chrono::hours(1));
    putInState(county, units[4], AssetState::in_decontamination, t + std::chrono::hours(2));
    putInState(county, units[2], AssetState::returned, t + std::chrono::hours(3));
    putInState(county, county.hoists[0], AssetState::awaiting_inspection, t);

    const std::vector<std::string> expected = {units[3], units[0], units[1], units[4], units[2]};
    std::vector<std::string> seen;
    store::PageRequest page;
    page.limit = 2;
    int pages = 0;
    county.db->read([&](store::Connection& c) {
        CHECK(store::queueLength(c, store::WarehouseQueue::decontamination, "") == 5);
        CHECK(store::queueLength(c, store::WarehouseQueue::decontamination, "WKD") == 5);
        CHECK(store::queueLength(c, store::WarehouseQueue::inspection, "") == 1);
        CHECK(store::queueLength(c, store::WarehouseQueue::repair, "") == 0);
        for (;;) {
            const auto shown =
                store::queuePage(c, store::WarehouseQueue::decontamination, "", page);
            ++pages;
            CHECK(shown.items.size() <= 2);
            for (const auto& b : barcodes(shown)) seen.push_back(b);
            if (!shown.next) break;
            page.after = shown.next;
        }
        return 0;
    });
    CHECK(pages == 3);
    CHECK(seen == expected);
}

TEST_CASE("the last asset of a page moving on does not lose the rest of the queue") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 3}});
    const Instant t = county.now + std::chrono::hours(24);
    const auto& units = county.hoists;
    county.db->write([&](store::Connection& c) {
        for (std::size_t i = 0; i < units.size(); ++i) {
            warehouse::returnAsset(c, units[i], "", "good", county.warehouse,
                                   t + std::chrono::hours(static_cast<int>(i)));
        }
        return 0;
    });
    store::PageRequest page;
    page.limit = 2;
    const auto first = county.db->read([&](store::Connection& c) {
        return store::queuePage(c, store::WarehouseQueue::decontamination, "", page);
    });
    REQUIRE(first.next.has_value());
    CHECK(barcodes(first) == std::vector<std::string>{units[0], units[1]});

    // Its return event keeps its place in the queue it has left.
    county.db->write([&](store::Connection& c) {
        warehouse::decontaminateAsset(c, units[1], true, "", county.warehouse,
                                      t + std::chrono::hours(5));
        return 0;
    });
    page.after = first.next;
    const auto second = county.db->read([&](store::Connection& c) {
        return store::queuePage(c, store::WarehouseQueue::decontamination, "", page);
    });
    CHECK(barcodes(second) == std::vector<std::string>{units[2]});
    CHECK_FALSE(second.next.has_value());
}

TEST_CASE("today's returns: the count is every return, the pages hold each once, latest first") {
    test::WarehouseCounty county;
    county.deliver({{"HOIST-S", 3}});
    const Instant day = county.now + std::chrono::hours(24);
    county.db->write([&](store::Connection& c) {
        // Two at the same moment: the later logged comes first.
        warehouse::returnAsset(c, county.hoists[0], "", "good", county.warehouse, day);
        warehouse::returnAsset(c, county.hoists[2], "", "good", county.warehouse, day);
        warehouse::returnAsset(c, county.hoists[1], "", "good", county.warehouse,
                               day + std::chrono::hours(1));
        return 0;
    });
    std::vector<std::string> seen;
    store::PageRequest page;
    page.limit = 2;
    county.db->read([&](store::Connection& c) {
        CHECK(store::returnsCountSince(c, day) == 3);
        CHECK(store::returnsCountSince(c, day + std::chrono::minutes(1)) == 1);
        for (;;) {
            const auto shown = store::returnsSince(c, day, page);
            CHECK(shown.items.size() <= 2);
            for (const auto& b : barcodes(shown)) seen.push_back(b);
            if (!shown.next) break;
            page.after = shown.next;
        }
        return 0;
    });
    CHECK(seen == std::vector<std::string>{county.hoists[1], county.hoists[2], county.hoists[0]});
}

TEST_CASE("open prescriber tasks come a page at a time, oldest first, each once") {
    test::WarehouseCounty county;
    std::vector<TaskId> raised;
    for (int i = 0; i < 3; ++i) {
        const std::string reference = county.place({{"HOIST-S", 1}});
        county.db->write([&](store::Connection& c) {
            const OrderId order(
                c.query("SELECT id FROM orders WHERE reference = $1", {reference}).integer(0, 0));
            raised.push_back(
                *store::raisePrescriberTask(c, order, county.prescriber.id, "late", county.now));
            return 0;
        });
    }
    std::vector<TaskId> seen;
    store::PageRequest page;
    page.limit = 2;
    county.db->read([&](store::Connection& c) {
        for (;;) {
            const auto shown = store::openPrescriberTasks(c, page);
            CHECK(shown.items.size() <= 2);
            for (const auto& t : shown.items) seen.push_back(t.id);
            if (!shown.next) break;
            page.after = shown.next;
        }
        return 0;
    });
    CHECK(seen == raised);
}

TEST_CASE("a capped still-needed run says how many loans were due and how many are left") {
    test::WarehouseCounty county;
    for (int i = 0; i < 3; ++i) county.deliver({{"HOIST-S", 1}});
    const Instant later = county.now + std::chrono::days(40);
    county.db->write([&](store::Connection& c) {
        CHECK(store::stillNeededCount(c, later, 14, 30) == 3);
        CHECK(store::stillNeededChecks(c, later, 14, 30, 2, true).size() == 2);
        CHECK(store::stillNeededCount(c, later, 14, 30) == 1);
        CHECK(store::stillNeededChecks(c, later, 14, 30, 2, true).size() == 1);
        CHECK(store::stillNeededCount(c, later, 14, 30) == 0);
        return 0;
    });
}
