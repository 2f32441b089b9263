#include "core/store/reports/report_rollups.h"

namespace ces::store {

namespace {

// A missing marker is 0 (nothing counted yet): the table starts empty, like every table an
// import fills.
const char* const kMark =
    "SELECT COALESCE(MAX(last_id), 0) FROM report_rollup_marks WHERE name = $1";
const char* const kSetMark =
    "INSERT INTO report_rollup_marks (name, last_id) VALUES ($1, $2) "
    "ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id";
// One top-up at a time: SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL locks
// the markers against other top-ups (readers of the roll-ups are not blocked).
const char* const kBeginSqlite = "BEGIN IMMEDIATE";
const char* const kBeginPostgres = "BEGIN";
const char* const kLockMarksPostgres = "LOCK TABLE report_rollup_marks IN SHARE ROW EXCLUSIVE MODE";
const char* const kLastLedgerId = "SELECT COALESCE(MAX(id), 0) FROM ledger";
const char* const kLastAssetEventId = "SELECT COALESCE(MAX(id), 0) FROM asset_events";

// $1 < id <= $2. One statement per finance dimension.
const char* const kAddLedger[] = {
    "INSERT INTO report_ledger_days (dimension, day, value, kind, amount_pence, quantity) "
    "SELECT 'funder', SUBSTR(at, 1, 10), CAST(funder_id AS TEXT), kind, SUM(amount_pence), "
    "SUM(quantity) FROM ledger WHERE id > $1 AND id <= $2 "
    "GROUP BY SUBSTR(at, 1, 10), CAST(funder_id AS TEXT), kind "
    "ON CONFLICT (dimension, day, value, kind) DO UPDATE SET "
    "amount_pence = report_ledger_days.amount_pence + excluded.amount_pence, "
    "quantity = report_ledger_days.quantity + excluded.quantity",
    "INSERT INTO report_ledger_days (dimension, day, value, kind, amount_pence, quantity) "
    "SELECT 'month', SUBSTR(at, 1, 10), ledger_month, kind, SUM(amount_pence), SUM(quantity) "
    "FROM ledger WHERE id > $1 AND id <= $2 GROUP BY SUBSTR(at, 1, 10), ledger_month, kind "
    "ON CONFLICT (dimension, day, value, kind) DO UPDATE SET "
    "amount_pence = report_ledger_days.amount_pence + excluded.amount_pence, "
    "quantity = report_ledger_days.quantity + excluded.quantity",
    "INSERT INTO report_ledger_days (dimension, day, value, kind, amount_pence, quantity) "
    "SELECT 'district', SUBSTR(at, 1, 10), district, kind, SUM(amount_pence), SUM(quantity) "
    "FROM ledger WHERE id > $1 AND id <= $2 GROUP BY SUBSTR(at, 1, 10), district, kind "
    "ON CONFLICT (dimension, day, value, kind) DO UPDATE SET "
    "amount_pence = report_ledger_days.amount_pence + excluded.amount_pence, "
    "quantity = report_ledger_days.quantity + excluded.quantity",
    "INSERT INTO report_ledger_days (dimension, day, value, kind, amount_pence, quantity) "
    "SELECT 'category', SUBSTR(at, 1, 10), category, kind, SUM(amount_pence), SUM(quantity) "
    "FROM ledger WHERE id > $1 AND id <= $2 GROUP BY SUBSTR(at, 1, 10), category, kind "
    "ON CONFLICT (dimension, day, value, kind) DO UPDATE SET "
    "amount_pence = report_ledger_days.amount_pence + excluded.amount_pence, "
    "quantity = report_ledger_days.quantity + excluded.quantity",
};
// $1 < id <= $2; the steps and the join of the recycling reports.
const char* const kAddAssetSteps =
    "INSERT INTO report_asset_step_days (step, day, category, events) "
    "SELECT e.step, SUBSTR(e.at, 1, 10), i.category, COUNT(*) FROM asset_events e "
    "JOIN assets a ON a.id = e.asset_id JOIN items i ON i.code = a.item_code "
    "WHERE e.id > $1 AND e.id <= $2 AND e.step IN ('return', 'inspect_pass', 'inspect_scrap') "
    "GROUP BY e.step, SUBSTR(e.at, 1, 10), i.category "
    "ON CONFLICT (step, day, category) DO UPDATE SET "
    "events = report_asset_step_days.events + excluded.events";

// $1 < id <= $2. Orders keep their place from when they were placed (migration 005), so an
// order is counted once, on the day it was created, per dimension.
const char* const kLastOrderId = "SELECT COALESCE(MAX(id), 0) FROM orders";
const char* const kAddOrders[] = {
    "INSERT INTO report_order_days (dimension, day, value, orders) "
    "SELECT 'district', SUBSTR(created_at, 1, 10), COALESCE(district, 'unknown'), COUNT(*) "
    "FROM orders WHERE id > $1 AND id <= $2 "
    "GROUP BY SUBSTR(created_at, 1, 10), COALESCE(district, 'unknown') "
    "ON CONFLICT (dimension, day, value) DO UPDATE SET "
    "orders = report_order_days.orders + excluded.orders",
    "INSERT INTO report_order_days (dimension, day, value, orders) "
    "SELECT 'imd_decile', SUBSTR(created_at, 1, 10), COALESCE(CAST(imd_decile AS TEXT), "
    "'unknown'), COUNT(*) FROM orders WHERE id > $1 AND id <= $2 "
    "GROUP BY SUBSTR(created_at, 1, 10), COALESCE(CAST(imd_decile AS TEXT), 'unknown') "
    "ON CONFLICT (dimension, day, value) DO UPDATE SET "
    "orders = report_order_days.orders + excluded.orders",
};
// A delivery is the order_events row that moves an order to 'delivered', written in the same
// transaction as the order's delivered_at; $1 < event id <= $2.
const char* const kLastOrderEventId = "SELECT COALESCE(MAX(id), 0) FROM order_events";
const char* const kDistrict = "COALESCE(o.district, 'unknown')";
const char* const kDecile = "COALESCE(CAST(o.imd_decile AS TEXT), 'unknown')";
// Whole days from approval to delivery: the date arithmetic differs between the dialects.
const char* const kDaysSqlite =
    "CAST(julianday(SUBSTR(o.delivered_at, 1, 10)) - julianday(SUBSTR(o.approved_at, 1, 10)) "
    "AS INTEGER)";
const char* const kDaysPostgres =
    "CAST(SUBSTR(o.delivered_at, 1, 10) AS DATE) - CAST(SUBSTR(o.approved_at, 1, 10) AS DATE)";

std::string addDeliveries(const std::string& dimension, const std::string& value,
                          const std::string& days) {
    std::string sql =
        "INSERT INTO report_delivery_days (dimension, day, value, days, deliveries, on_time) "
        "SELECT '";
    sql.append(dimension).append("', SUBSTR(o.delivered_at, 1, 10), ").append(value);
    sql.append(", ").append(days).append(", ");
    sql.append(
        "COUNT(*), SUM(CASE WHEN o.delivered_at <= o.due_by THEN 1 ELSE 0 END) "
        "FROM order_events e JOIN orders o ON o.id = e.order_id WHERE e.id > $1 AND e.id <= $2 "
        "AND e.to_status = 'delivered' AND o.delivered_at IS NOT NULL "
        "AND o.approved_at IS NOT NULL GROUP BY 2, 3, 4 "
        "ON CONFLICT (dimension, day, value, days) DO UPDATE SET "
        "deliveries = report_delivery_days.deliveries + excluded.deliveries, "
        "on_time = report_delivery_days.on_time + excluded.on_time");
    return sql;
}

struct Rollup {
    std::string name;              ///< Its marker in report_rollup_marks.
    std::string lastId;            ///< The newest id of its table.
    std::vector<std::string> add;  ///< Statements adding the rows in ($1, $2].
};

std::vector<Rollup> rollupsFor(const std::string& days) {
    return {
        {"ledger", kLastLedgerId, {kAddLedger[0], kAddLedger[1], kAddLedger[2], kAddLedger[3]}},
        {"asset_events", kLastAssetEventId, {kAddAssetSteps}},
        {"orders", kLastOrderId, {kAddOrders[0], kAddOrders[1]}},
        {"order_events",
         kLastOrderEventId,
         {addDeliveries("district", kDistrict, days), addDeliveries("imd_decile", kDecile, days)}},
    };
}

const std::vector<Rollup>& rollups(Dialect dialect) {
    static const std::vector<Rollup> sqlite = rollupsFor(kDaysSqlite);
    static const std::vector<Rollup> postgres = rollupsFor(kDaysPostgres);
    return dialect == Dialect::sqlite ? sqlite : postgres;
}

std::int64_t lastId(Connection& c, const Rollup& r) { return c.query(r.lastId).integer(0, 0); }
std::int64_t mark(Connection& c, const Rollup& r) { return c.query(kMark, {r.name}).integer(0, 0); }

bool anythingNew(Connection& c) {
    for (const auto& r : rollups(c.dialect())) {
        if (lastId(c, r) > mark(c, r)) return true;
    }
    return false;
}

}  // namespace

void topUpReportRollups(Connection& c) {
    if (!anythingNew(c)) return;
    const bool sqlite = c.dialect() == Dialect::sqlite;
    c.execute(sqlite ? kBeginSqlite : kBeginPostgres);
    try {
        if (!sqlite) c.execute(kLockMarksPostgres);
        for (const auto& r : rollups(c.dialect())) {
            const std::int64_t from = mark(c, r);
            const std::int64_t to = lastId(c, r);
            if (to <= from) continue;
            for (const auto& sql : r.add) c.execute(sql, {from, to});
            c.execute(kSetMark, {r.name, to});
        }
        c.execute("COMMIT");
    } catch (...) {
        c.execute("ROLLBACK");
        throw;
    }
}

}  // namespace ces::store
