#include "core/store/collections/collections.h"

#include <doctest/doctest.h>

#include <sstream>

#include "core/store/dispatch/dispatch.h"
#include "core/store/residents/residents.h"
#include "tests/reports/service_history.h"
#include "warehouse/recycling.h"

using namespace ces;

namespace {

const store::CollectionCaller kNobody{};

store::CollectionCaller staff(const Actor& actor) {
    return {actor.role == Role::warehouse ? CollectionRequester::warehouse
                                          : CollectionRequester::prescriber,
            actor, std::nullopt};
}

// How many of the collection's visits still wait for a van (pending or planned).
std::int64_t visitsToMake(store::Connection& c, const std::string& collection) {
    return c
        .query(
            "SELECT COUNT(DISTINCT v.id) FROM visits v JOIN collection_items ci ON ci.visit_id "
            "= v.id JOIN collections co ON co.id = ci.collection_id WHERE co.reference = $1 "
            "AND v.status IN ('pending', 'planned')",
            {collection})
        .integer(0, 0);
}

}  // namespace

TEST_CASE("a collection request records its items, reason, due date and visits") {
    test::ServiceHistory h;
    const auto one = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection1, staff(h.warehouse));
    });
    CHECK((one.reason == CollectionReason::no_longer_needed));
    CHECK((one.requestedBy == CollectionRequester::prescriber));
    CHECK(formatInstant(one.dueBy) == "2026-02-23T17:00:00Z");  // 5 working days after 16 Feb
    CHECK((one.status == CollectionStatus::collected));
    CHECK((one.completedAt == parseInstant("2026-02-18T11:00:00Z")));
    REQUIRE(one.items.size() == 1);
    CHECK(one.items[0].barcode == h.bedBarcode);
    CHECK_FALSE(one.items[0].outstanding);

    const auto two = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection2, staff(h.warehouse));
    });
    CHECK((two.requestedBy == CollectionRequester::resident));
    CHECK((two.status == CollectionStatus::requested));
    REQUIRE(two.items.size() == 1);
    CHECK(two.items[0].itemCode == "FRAME");
    CHECK(two.items[0].quantity == 2);
    CHECK(two.items[0].outstanding);

    const auto three = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection3, staff(h.warehouse));
    });
    CHECK(three.urgent);
    CHECK(formatInstant(three.dueBy) == "2026-02-26T17:00:00Z");  // urgent: next working day
    CHECK((three.completedAt == parseInstant("2026-02-27T09:00:00Z")));
}

TEST_CASE("overdue collections are listed, most overdue first") {
    test::ServiceHistory h;
    const auto overdue = h.db->read(
        [&](store::Connection& c) { return store::overdueCollections(c, h.now, {}).items; });
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].reference == h.collection2);
    CHECK(overdue[0].orderReference == h.orderB);
    CHECK(overdue[0].district == "Maidstone");
    CHECK(overdue[0].daysOverdue == 6);  // due 23 Feb 17:00, now 2 Mar 10:00
    CHECK(overdue[0].itemsOutstanding == 1);
}

TEST_CASE("a collection cannot be asked twice for the same items or by strangers") {
    test::ServiceHistory h;
    store::CollectionRequest again;
    again.orderReference = h.orderB;
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::requestCollection(c, again, staff(h.prescriber), h.now, WorkingDayCalendar(),
                                        CollectionRules());
    }),
                    Conflict);
    // Another team's prescriber cannot see the order.
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::requestCollection(c, again, staff(h.otherPrescriber), h.now,
                                        WorkingDayCalendar(), CollectionRules());
    }),
                    NotFound);
    // A resident who proved order B cannot ask about order C.
    store::CollectionRequest other;
    other.orderReference = h.orderC;
    const store::CollectionCaller resident{CollectionRequester::resident, std::nullopt, h.orderB};
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::requestCollection(c, other, resident, h.now, WorkingDayCalendar(),
                                        CollectionRules());
    }),
                    NotFound);
    // Neither order nor barcodes.
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::requestCollection(c, store::CollectionRequest{}, staff(h.warehouse), h.now,
                                        WorkingDayCalendar(), CollectionRules());
    }),
                    ValidationError);
    // Order C's frame is already back: nothing on loan.
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::requestCollection(c, other, staff(h.warehouse), h.now, WorkingDayCalendar(),
                                        CollectionRules());
    }),
                    Conflict);
    (void)kNobody;
}

TEST_CASE("a home collection is booked into a two-hour window up to its due date") {
    test::ServiceHistory h;
    const auto reference = h.db->write([&](store::Connection& c) {
        store::CollectionRequest request;
        request.orderReference = h.orderA;
        // Order A's bed is back: ask for order B after cancelling its overdue collection.
        store::cancelCollection(c, h.collection2, staff(h.warehouse), "resident moved away", h.now);
        request.orderReference = h.orderB;
        return store::requestCollection(c, request, staff(h.prescriber), h.now,
                                        WorkingDayCalendar(), CollectionRules())
            .reference;
    });
    const auto slots = h.db->read([&](store::Connection& c) {
        return store::collectionSlots(c, reference, staff(h.prescriber), h.now,
                                      WorkingDayCalendar());
    });
    REQUIRE(slots.size() == 5 * 4);  // Tue 3 to Mon 9 March, four windows a day
    CHECK(formatDate(slots.front().date) == "2026-03-03");
    CHECK(formatDate(slots.back().date) == "2026-03-09");
    const auto booked = h.db->write([&](store::Connection& c) {
        return store::bookCollectionSlot(c, reference,
                                         {*parseDate("2026-03-05"), 10 * 3600, 12 * 3600},
                                         staff(h.prescriber), h.now, WorkingDayCalendar());
    });
    CHECK((booked.slotDate == parseDate("2026-03-05")));
    const auto visit = h.db->read(
        [&](store::Connection& c) { return store::findVisit(c, *booked.items.front().visitId); });
    REQUIRE(visit.has_value());
    CHECK((visit->kind == VisitKind::collection));
    CHECK(visit->slotStartSeconds == 10 * 3600);
    CHECK(formatDate(visit->dueDate) == "2026-03-05");
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::bookCollectionSlot(c, reference, {*parseDate("2026-03-07"), 10 * 3600, 0},
                                         staff(h.prescriber), h.now, WorkingDayCalendar());
    }),
                    ValidationError);
}

TEST_CASE("a drop-off names a collection point") {
    test::ServiceHistory h;
    const auto collection = h.db->write([&](store::Connection& c) {
        std::istringstream points(
            "code,name,operator,district,address,postcode,lat,lon,source\n"
            "HWRC-DUNBRIK,Dunbrik HWRC,Kent County Council,Sevenoaks,\"Main Road, Sundridge\","
            "TN14 6EP,51.280676,0.139820,test\n");
        store::importCollectionPoints(c, points);
        store::cancelCollection(c, h.collection2, staff(h.warehouse), "drop-off instead", h.now);
        store::CollectionRequest request;
        request.orderReference = h.orderB;
        request.collectionPoint = "HWRC-DUNBRIK";
        return store::requestCollection(c, request, staff(h.prescriber), h.now,
                                        WorkingDayCalendar(), CollectionRules());
    });
    CHECK((collection.method == CollectionMethod::drop_off));
    CHECK(collection.collectionPoint == std::optional<std::string>("HWRC-DUNBRIK"));
    CHECK_FALSE(collection.items.front().visitId.has_value());
}

TEST_CASE("still-needed check-ins rank old loans by value and are not repeated") {
    test::ServiceHistory h;
    const auto checks = h.db->write(
        [&](store::Connection& c) { return store::stillNeededChecks(c, h.now, 14, 30, 10, true); });
    // Order B's frames are on an open collection; order A's bed and C's frame are back.
    CHECK(checks.empty());
    const auto withCancelled = h.db->write([&](store::Connection& c) {
        store::cancelCollection(c, h.collection2, staff(h.warehouse), "", h.now);
        // The resident asked for e-mails, so the check-in reaches them too.
        const ResidentId resident(
            c.query("SELECT resident_id FROM orders WHERE reference = $1", {h.orderB})
                .integer(0, 0));
        store::ResidentChanges changes;
        changes.email = "resident@example.org";
        changes.channel = ContactChannel::email;
        store::changeContact(c, resident, changes, std::nullopt, h.now);
        return store::stillNeededChecks(c, h.now, 14, 30, 10, true);
    });
    REQUIRE(withCancelled.size() == 1);
    CHECK(withCancelled[0].orderReference == h.orderB);
    CHECK(withCancelled[0].value == 4000);
    CHECK(withCancelled[0].prescriberMessageId.has_value());
    CHECK(withCancelled[0].residentMessageId.has_value());
    const auto repeat = h.db->write(
        [&](store::Connection& c) { return store::stillNeededChecks(c, h.now, 14, 30, 10, true); });
    CHECK(repeat.empty());
}

TEST_CASE("a collection closes in the write that brings its last item back") {
    test::ServiceHistory h;
    auto collection2 = [&](store::Connection& c) {
        return store::findCollection(c, h.collection2, staff(h.warehouse));
    };
    const Instant first = h.now + std::chrono::hours(1);
    const Instant last = h.now + std::chrono::hours(3);
    const auto afterFirst = h.db->write([&](store::Connection& c) {
        warehouse::returnCountedItems(c, h.orderB, "FRAME", 1, "", "good", h.warehouse, first);
        return collection2(c);
    });
    CHECK((afterFirst.status == CollectionStatus::requested));
    CHECK_FALSE(afterFirst.completedAt.has_value());
    const auto afterLast = h.db->write([&](store::Connection& c) {
        warehouse::returnCountedItems(c, h.orderB, "FRAME", 1, "", "good", h.warehouse, last);
        return collection2(c);
    });
    CHECK((afterLast.status == CollectionStatus::collected));
    CHECK((afterLast.completedAt == last));
    CHECK_FALSE(afterLast.items.front().outstanding);
    // Order C's frame came back to the warehouse before any van went: its visit is not made.
    CHECK(h.db->read([&](store::Connection& c) { return visitsToMake(c, h.collection3); }) == 0);
    // Nothing is left to settle when a list or a report is read.
    const auto overdue = h.db->read(
        [&](store::Connection& c) { return store::overdueCollections(c, last, {}).items; });
    CHECK(overdue.empty());
}

TEST_CASE("collection vocabulary reads back the text the database holds") {
    for (auto reason : allCollectionReasons) {
        CHECK((parseCollectionReason(toString(reason)) == reason));
    }
    for (auto who : {CollectionRequester::prescriber, CollectionRequester::resident,
                     CollectionRequester::warehouse}) {
        CHECK((parseCollectionRequester(toString(who)) == who));
    }
    CHECK((toString(CollectionMethod::drop_off) == "drop_off"));
    CHECK((parseCollectionMethod("home") == CollectionMethod::home));
    for (auto status :
         {CollectionStatus::requested, CollectionStatus::collected, CollectionStatus::cancelled}) {
        CHECK((parseCollectionStatus(toString(status)) == status));
    }
    CHECK_FALSE(parseCollectionStatus("returned").has_value());
    CHECK_FALSE(parseCollectionMethod("post").has_value());
    CHECK_FALSE(parseCollectionRequester("driver").has_value());
}

TEST_CASE("the rules of a collection request hold without a database") {
    Actor planner;
    planner.role = Role::planner;
    CHECK_THROWS_AS(requireCollectionRequester(CollectionRequester::prescriber, planner),
                    Forbidden);
    CHECK_THROWS_AS(requireCollectionRequester(CollectionRequester::warehouse, std::nullopt),
                    Forbidden);
    CHECK_NOTHROW(requireCollectionRequester(CollectionRequester::resident, std::nullopt));

    CollectionRequest neither;
    CHECK_THROWS_AS(validateCollectionRequest(neither), ValidationError);
    CollectionRequest both;
    both.orderReference = "ORD-1";
    both.barcodes = {"CES-1"};
    CHECK_THROWS_AS(validateCollectionRequest(both), ValidationError);
    CollectionRequest many;
    many.barcodes.assign(51, "CES-1");
    CHECK_THROWS_AS(validateCollectionRequest(many), ValidationError);
    CollectionRequest fine;
    fine.orderReference = "ORD-1";
    CHECK_NOTHROW(validateCollectionRequest(fine));
    CHECK((collectionMethodOf(fine) == CollectionMethod::home));
    fine.collectionPoint = "HWRC-DUNBRIK";
    CHECK((collectionMethodOf(fine) == CollectionMethod::drop_off));

    const RequestedAsset a{"CES-1", AssetId(1), true, ResidentId(7)};
    const RequestedAsset elsewhere{"CES-2", AssetId(2), true, ResidentId(8)};
    const RequestedAsset atDepot{"CES-3", AssetId(3), false, std::nullopt};
    CHECK_NOTHROW(checkRequestedAsset(a, 0, {}));
    CHECK_THROWS_AS(checkRequestedAsset(atDepot, 0, {}), Conflict);
    CHECK_THROWS_AS(checkRequestedAsset(elsewhere, 1, {a}), ValidationError);
    CHECK_THROWS_AS(checkRequestedAsset(a, 1, {a}), ValidationError);

    CHECK_NOTHROW(validateStillNeededAges(182, 90));
    CHECK_THROWS_AS(validateStillNeededAges(0, 90), ValidationError);
    CHECK_THROWS_AS(validateStillNeededAges(182, 3651), ValidationError);
}
