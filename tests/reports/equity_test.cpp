// The equity reports read the place each order keeps (migration 005) and the daily roll-ups of
// orders placed and delivered: they answer as before the place was stored, and the roll-ups
// count orders placed and delivered after they were last topped up.
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/store/infrastructure/database.h"
#include "core/store/orders/orders.h"
#include "core/store/reports/report_rollups.h"
#include "core/store/reports/reports.h"
#include "tests/reports/service_history.h"
#include "warehouse/order_delivery.h"

using namespace ces;

namespace {

const char* const kEquityReports[] = {"equity_by_district", "equity_by_imd_decile"};

// Both equity reports as CSV, for February and for the financial year.
std::string equityReports(store::Database& db, Instant now, store::ReportSource source) {
    return db.read([&](store::Connection& c) {
        std::string csv;
        for (const auto& [from, to] :
             {std::pair{"2026-02-01", "2026-03-01"}, std::pair{"2025-04-01", "2026-04-01"}}) {
            const store::ReportContext context{
                store::reportPeriod(from, to), now, {}, kpi::kSpecialsTarget, {}};
            for (const char* name : kEquityReports) {
                csv += store::toCsv(store::runReport(c, name, context, source));
            }
        }
        return csv;
    });
}

// Takes the database back to migration 004 (orders without a place, no equity roll-ups), as a
// database made before this change is.
void undoMigration005(store::Database& db) {
    db.write([](store::Connection& c) {
        for (const char* sql :
             {"DROP TABLE report_order_days", "DROP TABLE report_delivery_days",
              "DELETE FROM report_rollup_marks WHERE name IN ('orders', 'order_events')",
              "DROP INDEX orders_created_place", "DROP INDEX orders_delivered_place",
              "CREATE INDEX orders_delivered_report ON orders(delivered_at, approved_at, due_by, "
              "resident_id)",
              "CREATE INDEX orders_created_report ON orders(created_at, resident_id)",
              "ALTER TABLE orders DROP COLUMN district",
              "ALTER TABLE orders DROP COLUMN imd_decile",
              "DELETE FROM schema_migrations WHERE version = 5"}) {
            c.execute(sql);
        }
    });
}

std::int64_t maidstone(store::Database& db, Instant now, const char* column) {
    const store::ReportContext context{
        store::reportPeriod("2026-03-01", "2026-04-01"), now, {}, kpi::kSpecialsTarget, {}};
    const auto t = db.read(
        [&](store::Connection& c) { return store::runReport(c, "equity_by_district", context); });
    return std::get<std::int64_t>(t.cell("district", "Maidstone", column));
}

}  // namespace

TEST_CASE("the equity reports answer the same after migration 005 backfills the orders") {
    test::ServiceHistory history;
    const std::string before =
        equityReports(*history.db, history.now, store::ReportSource::rollups);
    CHECK(before == equityReports(*history.db, history.now, store::ReportSource::rawRows));
    CHECK(before.find("Maidstone,3,1000,3.0,3,3.0,66.7\r\n") != std::string::npos);

    undoMigration005(*history.db);
    // Reopening applies the pending migration, as on upgrading a service.
    history.db.reset();
    history.db = std::make_unique<store::Database>((history.directory / "test.db").string(), 4);
    CHECK(equityReports(*history.db, history.now, store::ReportSource::rollups) == before);
    CHECK(equityReports(*history.db, history.now, store::ReportSource::rawRows) == before);
}

TEST_CASE("the equity roll-ups count orders placed and delivered after the last top-up") {
    test::ServiceHistory history;
    auto& db = *history.db;
    db.read([](store::Connection& c) { store::topUpReportRollups(c); });
    CHECK_THROWS_AS(maidstone(db, history.now, "orders"), std::out_of_range);  // none in March

    store::NewOrder frame;
    frame.resident = history.resident;
    frame.speed = Speed::next_day;
    frame.lines = {{"FRAME", 1}};
    const Instant placed = test::at(3, 2, 10);
    const std::string reference = db.write([&](store::Connection& c) {
        return store::createOrder(c, frame, history.prescriber, placed, WorkingDayCalendar())
            .reference;
    });
    CHECK(maidstone(db, history.now, "orders") == 1);
    CHECK(maidstone(db, history.now, "delivered") == 0);

    db.write([&](store::Connection& c) {
        for (const auto to :
             {OrderStatus::scheduled, OrderStatus::out_for_delivery, OrderStatus::delivered}) {
            warehouse::progressOrder(c, reference, to, history.planner, test::at(3, 3, 9), "");
        }
        return 0;
    });
    CHECK(maidstone(db, history.now, "orders") == 1);
    CHECK(maidstone(db, history.now, "delivered") == 1);
    CHECK(equityReports(db, history.now, store::ReportSource::rollups) ==
          equityReports(db, history.now, store::ReportSource::rawRows));
}
