#include "core/store/report_rollups.h"

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

struct Rollup {
    const char* name;              ///< Its marker in report_rollup_marks.
    const char* lastId;            ///< The newest id of its table.
    std::vector<const char*> add;  ///< Statements adding the rows in ($1, $2].
};

const std::vector<Rollup>& rollups() {
    static const std::vector<Rollup> all{
        {"ledger", kLastLedgerId, {kAddLedger[0], kAddLedger[1], kAddLedger[2], kAddLedger[3]}},
        {"asset_events", kLastAssetEventId, {kAddAssetSteps}},
    };
    return all;
}

std::int64_t lastId(Connection& c, const Rollup& r) { return c.query(r.lastId).integer(0, 0); }
std::int64_t mark(Connection& c, const Rollup& r) {
    return c.query(kMark, {std::string(r.name)}).integer(0, 0);
}

bool anythingNew(Connection& c) {
    for (const auto& r : rollups()) {
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
        for (const auto& r : rollups()) {
            const std::int64_t from = mark(c, r);
            const std::int64_t to = lastId(c, r);
            if (to <= from) continue;
            for (const char* sql : r.add) c.execute(sql, {from, to});
            c.execute(kSetMark, {std::string(r.name), to});
        }
        c.execute("COMMIT");
    } catch (...) {
        c.execute("ROLLBACK");
        throw;
    }
}

}  // namespace ces::store
