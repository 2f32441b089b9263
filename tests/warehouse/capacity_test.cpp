#include "warehouse/capacity.h"

#include <doctest/doctest.h>

#include "core/store/dispatch/dispatch.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/dispatch.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

const year_month_day kTuesday{year(2026), month(3), day(3)};

DispatchPolicy quickPolicy() {
    DispatchPolicy policy;
    policy.iterations = 50;
    return policy;
}

// One lifting van with a short morning, and every HOIST-S unit in the resident's home due a
// repair on Tuesday: more than the one van can do that day.
void shortOfVans(test::WarehouseCounty& county) {
    county.deliver({{"HOIST-S", 3}});
    county.db->write([&](store::Connection& c) {
        const auto van = store::createVan(c, "T1", county.west, 40, 240);
        store::createCrew(c, "Short morning", van, 2, true, 9 * 3600, 10 * 3600 + 1800);
        for (const auto& barcode : county.hoists) {
            requestAssetVisit(c, VisitKind::repair, barcode, kTuesday, std::nullopt, std::nullopt,
                              "", county.planner, county.now);
        }
        return 0;
    });
}

}  // namespace

TEST_CASE("capacity - the vans there are meet every due date: nothing to add") {
    test::WarehouseCounty county;
    county.addFleet();
    county.place({{"RAIL", 1}});
    const auto view =
        capacityOf(*county.db, kTuesday, 3, county.now, WorkingDayCalendar(), quickPolicy());
    REQUIRE(view.days.size() == 3);
    CHECK(view.extraVans.empty());
    CHECK(view.unmet.empty());
    CHECK(view.advice == "The vans you have meet every due date.");
    CHECK(view.days[0].vansAvailable == 3);
    CHECK(view.days[0].vanHoursAvailable == doctest::Approx(27.0));
}

TEST_CASE("capacity - the order due is counted as planning would book it, and nothing is written") {
    test::WarehouseCounty county;
    county.addFleet();
    county.place({{"RAIL", 1}});
    const auto visits = [&] {
        return county.db->read([](store::Connection& c) {
            return c.query("SELECT COUNT(*) FROM visits", {}).integer(0, 0);
        });
    };
    const auto before = visits();
    const auto view =
        capacityOf(*county.db, kTuesday, 3, county.now, WorkingDayCalendar(), quickPolicy());
    int due = 0;
    for (const auto& d : view.days) due += d.visitsDue;
    CHECK(due >= 1);  // the placed order's delivery, not booked yet
    CHECK(visits() == before);
}

TEST_CASE("capacity - more work due on a day than its vans can do asks for vans that day") {
    test::WarehouseCounty county;
    shortOfVans(county);
    const auto view =
        capacityOf(*county.db, kTuesday, 3, county.now, WorkingDayCalendar(), quickPolicy());
    CHECK(view.days[0].visitsDue == 3);
    CHECK(view.days[0].visitsPlanned < 3);
    REQUIRE(!view.extraVans.empty());
    int added = 0;
    for (const auto& extra : view.extraVans) {
        CHECK(extra.date == kTuesday);
        CHECK(extra.depotCode == "WKD");
        CHECK(extra.liftingEngineer);  // a hoist's repair needs the lifting engineer
        added += extra.count;
    }
    CHECK(added + view.days[0].visitsPlanned >= 3);
    CHECK(view.unmet.empty());  // the added vans meet every due date
    CHECK(view.advice.rfind("To meet every due date you need ", 0) == 0);
    CHECK(view.advice.find("Tuesday 3 March 2026") != std::string::npos);
    CHECK(describe({kTuesday, "WKD", true, true, 2}) ==
          "2 more two-person vans with a lifting engineer at WKD on Tuesday 3 March 2026");
}
