#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include "app/demo/demo_county.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/warehouse/assets.h"
#include "core/uk_time.h"
#include "warehouse/asset_lifecycle.h"
#include "warehouse/pick_list.h"

using namespace ces;

namespace {

std::string geoDir() {
    const char* shared = std::getenv("CES_SHARED");
    return std::string(shared ? shared : CES_SHARED_DEFAULT_DIR) + "/data/geo";
}

/// A small demo county built as of `now` in a fresh database under `directory`.
void buildDemo(store::Database& db, Instant now) {
    demo::DemoOptions options;
    options.dataDir = std::string(PROJECT_SOURCE_DIR) + "/data";
    options.geoDir = geoDir();
    options.residents = 120;
    options.orders = 160;
    options.now = now;
    demo::createDemoCounty(db, options, WorkingDayCalendar{}, [](const std::string&) {});
}

}  // namespace

TEST_CASE(
    "whenever it is built, the demo's next working day has discharges for two people or "
    "fitting and no order waits a week past its due time") {
    using namespace std::chrono;
    const sys_days friday = year(2026) / 12 / 4;
    // Friday evening, a Sunday, Monday just after midnight and a Tuesday morning before 10:00.
    for (const Instant now : {Instant(friday + hours(19)), Instant(friday + days(2) + hours(12)),
                              Instant(friday + days(3) + minutes(20)),
                              Instant(friday + days(4) + hours(7) + minutes(45))}) {
        CAPTURE(formatInstant(now));
        std::random_device random;
        const auto directory = std::filesystem::temp_directory_path() /
                               ("ces-monday-demo-" + std::to_string(random()));
        std::filesystem::create_directories(directory);
        {
            store::Database db((directory / "demo.db").string(), 2);
            buildDemo(db, now);
            const auto day = WorkingDayCalendar{}.nextWorkingDay(toUkLocal(now).date);
            const auto plan =
                db.read([&](store::Connection& c) { return store::loadPlan(c, day); });
            REQUIRE(plan.has_value());
            int handled = 0;
            for (const auto& route : plan->routes) {
                for (const auto& line : warehouse::pickListFor(*plan, route.van.code).lines) {
                    handled += line.twoPerson || line.needsFitting ? 1 : 0;
                }
            }
            // The latest working day's six discharge referrals, beside whatever else is due.
            CHECK(handled >= 6);
            const auto stale = db.read([&](store::Connection& c) {
                return c
                    .query(
                        "SELECT COUNT(*) FROM orders WHERE status IN ('allocated', 'scheduled', "
                        "'out_for_delivery', 'failed_visit') AND due_by < $1",
                        {formatInstant(now - days(7))})
                    .integer(0, 0);
            });
            CHECK(stale == 0);
        }
        std::error_code ignored;
        std::filesystem::remove_all(directory, ignored);
    }
}

TEST_CASE("the demo county has assets in every state and a plan for the next working day") {
    std::random_device random;
    const auto directory =
        std::filesystem::temp_directory_path() / ("ces-warehouse-demo-" + std::to_string(random()));
    std::filesystem::create_directories(directory);
    {
        store::Database db((directory / "demo.db").string(), 2);
        demo::DemoOptions options;
        options.dataDir = std::string(PROJECT_SOURCE_DIR) + "/data";
        options.geoDir = geoDir();
        options.residents = 120;
        options.orders = 160;
        options.now =
            std::chrono::sys_days(std::chrono::year(2026) / 3 / 2) + std::chrono::hours(9);
        const WorkingDayCalendar calendar;
        demo::createDemoCounty(db, options, calendar, [](const std::string&) {});

        std::map<std::string, std::int64_t> states;
        db.read([&](store::Connection& c) {
            for (const auto& depot : store::listDepots(c)) {
                for (const auto& level : store::stateLevels(c, depot.code)) {
                    if (!level.serialised) continue;
                    for (const auto& [state, n] :
                         store::assetStateCounts(c, depot.id, level.itemCode)) {
                        states[std::string(toString(state))] += n;
                    }
                    // The register matches the counts for every serialised item.
                    std::map<std::string, std::int64_t> byState;
                    for (const auto& [state, n] :
                         store::assetStateCounts(c, depot.id, level.itemCode)) {
                        byState[std::string(toString(state))] = n;
                    }
                    CHECK(level.available + level.reserved ==
                          byState["available"] + byState["reserved"]);
                    CHECK(level.onLoan == byState["on_loan"]);
                    CHECK(level.returned == byState["returned"]);
                }
            }
            // Every unit carries an (illustrative) maker's lot and date, for a recall to find.
            CHECK(c.query("SELECT COUNT(*) FROM assets WHERE made_on IS NULL OR batch IS NULL")
                      .integer(0, 0) == 0);
        });
        for (auto state : allAssetStates) {
            // No safety recall runs in the demo (the browser chapter raises one), so nothing
            // is quarantined.
            if (state == AssetState::quarantined) continue;
            INFO("state " << toString(state));
            CHECK(states[std::string(toString(state))] > 0);
        }
        // Maintenance comes from the catalogue's typed regimes: the riser-recliner chair is
        // electrical (12 months, no lifting engineer), hoists and slings LOLER; some checks of
        // equipment in homes are due within a month and some are overdue.
        db.read([&](store::Connection& c) {
            CHECK(store::findItem(c, "KCE-SEA-001")->maintenance ==
                  ItemMaintenance{MaintenanceRegime::electrical, 12, MaintenanceSkill::none});
            for (const char* code : {"KCE-HST-001", "KCE-SLG-001"}) {
                CHECK(store::findItem(c, code)->maintenance ==
                      ItemMaintenance{MaintenanceRegime::loler, 6,
                                      MaintenanceSkill::lifting_engineer});
            }
            const auto due =
                store::inspectionsDueBy(c, options.now + std::chrono::days(30), {}).items;
            CHECK(due.size() >= 5);
            CHECK(std::any_of(due.begin(), due.end(), [&](const store::DueInspection& d) {
                return d.nextInspectionDue < options.now;
            }));
            for (const auto& d : due) {
                if (d.itemCode != "KCE-SEA-001") continue;
                CHECK(store::findAsset(c, d.barcode)->inspectionIntervalMonths == 12);
            }
        });
        const auto plan = db.read(
            [](store::Connection& c) { return store::loadPlan(c, *parseDate("2026-03-03")); });
        REQUIRE(plan.has_value());
        CHECK(plan->routes.size() >= 2);
        std::size_t stops = 0, kinds = 0;
        std::map<std::string, int> byKind;
        for (const auto& route : plan->routes) {
            stops += route.route.stops.size();
            for (const auto& visit : route.visits) ++byKind[std::string(toString(visit.kind))];
        }
        kinds = byKind.size();
        CHECK(stops >= 5);
        CHECK(kinds >= 2);
        CHECK(byKind["delivery"] > 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
}

TEST_CASE("on a working day the demo's vans are out: today is planned and the morning recorded") {
    using namespace std::chrono;
    std::random_device random;
    const auto directory =
        std::filesystem::temp_directory_path() / ("ces-today-demo-" + std::to_string(random()));
    std::filesystem::create_directories(directory);
    {
        store::Database db((directory / "demo.db").string(), 2);
        const year_month_day monday = year(2026) / 12 / 7;
        const Instant now = fromUkLocal(monday, hours(11));
        buildDemo(db, now);
        const auto plan = db.read([&](store::Connection& c) { return store::loadPlan(c, monday); });
        REQUIRE(plan.has_value());
        int done = 0;
        int failed = 0;
        int waiting = 0;
        for (const auto& route : plan->routes) {
            for (std::size_t s = 0; s < route.visits.size(); ++s) {
                const auto& visit = route.visits[s];
                const Instant left =
                    fromUkLocal(monday, seconds(route.route.stops[s].departureSeconds));
                if (visit.status == VisitStatus::planned) {
                    ++waiting;
                    CHECK(left > now - hours(1));  // nothing long past is left unrecorded
                } else {
                    CHECK(left <= now);  // nothing is recorded before it happened
                    ++(visit.status == VisitStatus::failed ? failed : done);
                }
            }
        }
        CHECK(done > 0);
        CHECK(waiting > 0);
        INFO("done " << done << ", failed " << failed << ", waiting " << waiting);
        // Tomorrow is planned too, and holds the failed visits' retries.
        const auto tuesday = WorkingDayCalendar{}.nextWorkingDay(monday);
        CHECK(db.read([&](store::Connection& c) { return store::loadPlan(c, tuesday); }));
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
}

TEST_CASE(
    "the demo's demand follows population and need, its stock what is issued most, and "
    "nothing in a home is weeks overdue for inspection") {
    using namespace std::chrono;
    std::random_device random;
    const auto directory =
        std::filesystem::temp_directory_path() / ("ces-demand-demo-" + std::to_string(random()));
    std::filesystem::create_directories(directory);
    {
        store::Database db((directory / "demo.db").string(), 2);
        const Instant now = fromUkLocal(year(2026) / 12 / 4, hours(19));
        buildDemo(db, now);
        db.read([&](store::Connection& c) {
            const auto residentsIn = [&](const char* district) {
                return c.query("SELECT COUNT(*) FROM residents WHERE district = $1", {district})
                    .integer(0, 0);
            };
            // Thanet and Swale: big and deprived; Sevenoaks and Tunbridge Wells: the least.
            INFO("Thanet " << residentsIn("Thanet") << ", Swale " << residentsIn("Swale")
                           << ", Sevenoaks " << residentsIn("Sevenoaks") << ", Tunbridge Wells "
                           << residentsIn("Tunbridge Wells"));
            CHECK(residentsIn("Thanet") + residentsIn("Swale") >
                  residentsIn("Sevenoaks") + residentsIn("Tunbridge Wells"));
            const auto held = [&](const char* item) {
                return c
                    .query(
                        "SELECT SUM(available + reserved + on_loan) FROM stock "
                        "WHERE item_code = $1",
                        {item})
                    .integer(0, 0);
            };
            // The standard profiling bed is issued sixty times as often as the bariatric frame.
            INFO("profiling beds " << held("KCE-BED-001") << ", bariatric frames "
                                   << held("KCE-BED-002"));
            CHECK(held("KCE-BED-001") > 4 * held("KCE-BED-002"));
            const auto available = [&](const char* item) {
                return c.query("SELECT SUM(available) FROM stock WHERE item_code = $1", {item})
                    .integer(0, 0);
            };
            CHECK(available("KCE-BED-001") > available("KCE-BED-002"));
            CHECK(available("KCE-TLT-003") > 0);  // the raised toilet seat, issued most of all
            const auto due = store::inspectionsDueBy(c, now, {}).items;
            for (const auto& d : due) {
                if (d.state != AssetState::on_loan) continue;
                INFO(d.barcode << " due " << formatInstant(d.nextInspectionDue));
                CHECK(d.nextInspectionDue > now - days(7));
            }
        });
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
}
