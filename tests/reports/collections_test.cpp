#include "core/store/collections/collections.h"

#include <doctest/doctest.h>

#include <sstream>

#include "core/store/dispatch/dispatch.h"
#include "tests/reports/service_history.h"

using namespace ces;

namespace {

const store::CollectionCaller kNobody{};

store::CollectionCaller staff(const Actor& actor) {
    return {actor.role == Role::warehouse ? CollectionRequester::warehouse
                                          : CollectionRequester::prescriber,
            actor, std::nullopt};
}

}  // namespace

TEST_CASE("a collection request records its items, reason, due date and visits") {
    test::ServiceHistory h;
    const auto one = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection1, staff(h.warehouse));
    });
    CHECK(one.reason == "no_longer_needed");
    CHECK(one.requestedBy == "prescriber");
    CHECK(one.dueBy == "2026-02-23T17:00:00Z");  // 5 working days after Monday 16 February
    CHECK(one.status == "collected");
    CHECK(one.completedAt == std::optional<std::string>("2026-02-18T11:00:00Z"));
    REQUIRE(one.items.size() == 1);
    CHECK(one.items[0].barcode == h.bedBarcode);
    CHECK_FALSE(one.items[0].outstanding);

    const auto two = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection2, staff(h.warehouse));
    });
    CHECK(two.requestedBy == "resident");
    CHECK(two.status == "requested");
    REQUIRE(two.items.size() == 1);
    CHECK(two.items[0].itemCode == "FRAME");
    CHECK(two.items[0].quantity == 2);
    CHECK(two.items[0].outstanding);

    const auto three = h.db->read([&](store::Connection& c) {
        return store::findCollection(c, h.collection3, staff(h.warehouse));
    });
    CHECK(three.urgent);
    CHECK(three.dueBy == "2026-02-26T17:00:00Z");  // urgent: next working day
    CHECK(three.completedAt == std::optional<std::string>("2026-02-27T09:00:00Z"));
}

TEST_CASE("overdue collections are listed, most overdue first") {
    test::ServiceHistory h;
    const auto overdue =
        h.db->read([&](store::Connection& c) { return store::overdueCollections(c, h.now, 100); });
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
    CHECK(slots.front().date == "2026-03-03");
    CHECK(slots.back().date == "2026-03-09");
    const auto booked = h.db->write([&](store::Connection& c) {
        return store::bookCollectionSlot(c, reference, {"2026-03-05", 10 * 3600, 12 * 3600},
                                         staff(h.prescriber), h.now, WorkingDayCalendar());
    });
    CHECK(booked.slotDate == std::optional<std::string>("2026-03-05"));
    const auto visit = h.db->read(
        [&](store::Connection& c) { return store::findVisit(c, *booked.items.front().visitId); });
    REQUIRE(visit.has_value());
    CHECK(visit->kind == "collection");
    CHECK(visit->slotStartSeconds == 10 * 3600);
    CHECK(visit->dueDate == "2026-03-05");
    CHECK_THROWS_AS(h.db->write([&](store::Connection& c) {
        return store::bookCollectionSlot(c, reference, {"2026-03-07", 10 * 3600, 0},
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
    CHECK(collection.method == "drop_off");
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
