#include "tests/reports/service_history.h"

#include <sstream>

#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/collections/collections.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/store/reports/reports.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/specials.h"
#include "warehouse/order_delivery.h"
#include "warehouse/recycling.h"

namespace ces::test {

Instant at(unsigned month, unsigned day, int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{2026} / std::chrono::month{month} / std::chrono::day{day}} + hours{hour} +
           minutes{minute};
}

namespace {

void makeItem(store::Connection& c, const std::string& code, const std::string& category,
              bool serialised, bool creditEligible) {
    auto item = *store::findItem(c, code);
    item.category = category;
    item.serialised = serialised;
    item.creditEligible = creditEligible;
    store::upsertItem(c, item);
}

std::string order(store::Database& db, const Actor& who, ResidentId resident, Speed speed,
                  std::vector<store::NewOrderLine> lines, std::vector<store::NewSpecial> specials,
                  Instant when) {
    store::NewOrder o;
    o.resident = resident;
    o.speed = speed;
    o.lines = std::move(lines);
    o.specials = std::move(specials);
    return db.write([&](store::Connection& c) {
        return store::createOrder(c, o, who, when, WorkingDayCalendar()).reference;
    });
}

void deliver(store::Database& db, const std::string& reference, const Actor& planner,
             Instant when) {
    db.write([&](store::Connection& c) {
        warehouse::progressOrder(c, reference, OrderStatus::scheduled, planner,
                                 when - std::chrono::hours(2), "");
        warehouse::progressOrder(c, reference, OrderStatus::out_for_delivery, planner,
                                 when - std::chrono::hours(1), "");
        warehouse::progressOrder(c, reference, OrderStatus::delivered, planner, when, "");
    });
}

}  // namespace

ServiceHistory::ServiceHistory() {
    const WorkingDayCalendar calendar;
    db->write([&](store::Connection& c) {
        makeItem(c, "BED", "Beds", true, true);
        makeItem(c, "FRAME", "Mobility", false, false);
        const auto wkd = store::findDepotByCode(c, "WKD")->id;
        store::NewAsset bed;
        bed.barcode = "BED-000001";
        bed.itemCode = "BED";
        bed.description = "Bed";
        bed.depot = wkd;
        bed.state = AssetState::available;
        store::insertAsset(c, bed, std::nullopt, at(1, 5, 9), "test stock");
        bedBarcode = bed.barcode;
        std::istringstream population(
            "district,population,source\nMaidstone,1000,test\nThanet,2000,test\n");
        store::importDistrictPopulation(c, population);
        driver = Actor{store::createUser(c, "d", "d", Role::driver, std::nullopt, "pw", now), "d",
                       "d", Role::driver, std::nullopt};
        NewResident r{"9434765870", "Grace Hopper", "1936-12-09",   "2 Sea Road",
                      "Margate",    "CT9 1AA",      "01843 000000", ""};
        thanetResident = store::registerResident(c, r, otherPrescriber, at(1, 5, 9)).id;
    });
    // Deliveries: A on time after 3 days, B late after 10, C next day on time.
    orderA = order(*db, prescriber, resident, Speed::five_day, {{"BED", 1}}, {}, at(2, 2, 10));
    orderB = order(*db, prescriber, resident, Speed::five_day, {{"FRAME", 2}}, {}, at(2, 2, 10));
    orderC = order(*db, prescriber, resident, Speed::next_day, {{"FRAME", 1}}, {}, at(2, 3, 10));
    deliver(*db, orderA, planner, at(2, 5, 11));
    deliver(*db, orderB, planner, at(2, 12, 11));
    deliver(*db, orderC, planner, at(2, 4, 12));
    // Specials: one received in 18 days (Feb), one ordered in December received in 71 days.
    const std::string orderD = order(*db, otherPrescriber, thanetResident, Speed::five_day, {},
                                     {{"Made-to-measure chair", 150000}}, at(2, 2, 10));
    const std::string orderE = [&] {
        store::NewOrder o;
        o.resident = thanetResident;
        o.specials = {{"Bariatric commode", 90000}};
        const Instant december =
            std::chrono::sys_days{std::chrono::year{2025} / 12 / 1} + std::chrono::hours(10);
        return db->write([&](store::Connection& c) {
            return store::createOrder(c, o, otherPrescriber, december, calendar).reference;
        });
    }();
    db->write([&](store::Connection& c) {
        for (const auto& [reference, when] :
             {std::pair{orderD, at(2, 20, 10)}, std::pair{orderE, at(2, 10, 10)}}) {
            const auto row = store::specialsOfOrder(c, store::findOrderRow(c, reference).id);
            store::recordSpecialReceipt(c, row.front().id, SpecialStatus::requested, when);
        }
    });

    // Collections.
    const store::CollectionCaller byPrescriber{CollectionRequester::prescriber, prescriber, {}};
    const store::CollectionCaller byWarehouse{CollectionRequester::warehouse, warehouse, {}};
    const store::CollectionCaller byResident{CollectionRequester::resident, std::nullopt, orderB};
    db->write([&](store::Connection& c) {
        store::CollectionRequest bedBack;
        bedBack.barcodes = {bedBarcode};
        collection1 = store::requestCollection(c, bedBack, byPrescriber, at(2, 16, 10), calendar,
                                               CollectionRules())
                          .reference;
        store::CollectionRequest moved;
        moved.orderReference = orderB;
        moved.reason = CollectionReason::moved;
        collection2 = store::requestCollection(c, moved, byResident, at(2, 16, 10), calendar,
                                               CollectionRules())
                          .reference;
        store::CollectionRequest endOfLoan;
        endOfLoan.orderReference = orderC;
        endOfLoan.reason = CollectionReason::end_of_loan;
        endOfLoan.urgent = true;
        collection3 = store::requestCollection(c, endOfLoan, byWarehouse, at(2, 25, 10), calendar,
                                               CollectionRules())
                          .reference;
    });
    // A route on 20 February: the bed collected, order B's visit failed (no access).
    db->write([&](store::Connection& c) {
        const auto wkd = store::findDepotByCode(c, "WKD")->id;
        const auto van = store::createVan(c, "VAN1", wkd, 100, 200);
        store::createCrew(c, "Crew 1", van, 2, false, 8 * 3600, 17 * 3600);
        const auto one = store::findCollection(c, collection1, byPrescriber).items.front().visitId;
        const auto two = store::findCollection(c, collection2, byWarehouse).items.front().visitId;
        store::PlanHeader header{
            *parseDate("2026-02-20"), at(2, 19, 16), "fallback", 1, 25000, 0, std::nullopt};
        store::PlannedRoute route{van,
                                  25000,
                                  8 * 3600,
                                  12 * 3600,
                                  {{*one, 9 * 3600, 9 * 3600, 9 * 3600 + 900},
                                   {*two, 10 * 3600, 10 * 3600, 10 * 3600 + 900}}};
        store::savePlan(c, header, {route}, {});
        store::completeVisit(c, *one, VisitOutcome::collected, std::nullopt, "", driver.id,
                             at(2, 20, 9, 15));
        store::completeVisit(c, *two, VisitOutcome::failed, FailureReason::no_access, "", driver.id,
                             at(2, 20, 10, 15));
    });
    // The bed comes back, is cleaned and passes inspection (a credit); order C's frame comes
    // back late.
    db->write([&](store::Connection& c) {
        warehouse::returnAsset(c, bedBarcode, "", "good", warehouse, at(2, 18, 11));
        warehouse::decontaminateAsset(c, bedBarcode, false, "", warehouse, at(2, 18, 12));
        warehouse::decontaminateAsset(c, bedBarcode, true, "", warehouse, at(2, 18, 13));
        warehouse::inspectAsset(c, bedBarcode, InspectionResult::pass, "ok",
                                warehouse::MaintenancePolicy(), warehouse, at(2, 19, 10));
        warehouse::returnCountedItems(c, orderC, "FRAME", 1, "", "good", warehouse, at(2, 27, 9));
    });
}

}  // namespace ces::test
