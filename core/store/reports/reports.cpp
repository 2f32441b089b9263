#include "core/store/reports/reports.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "core/csv.h"
#include "core/due_dates.h"
#include "core/errors.h"
#include "core/store/orders/self_purchase.h"
#include "core/store/reports/report_rollups.h"

namespace ces::store {

namespace {

namespace chr = std::chrono;

const char* const kDeliveryOnTime =
    "SELECT speed, COUNT(*), SUM(CASE WHEN delivered_at <= due_by THEN 1 ELSE 0 END) "
    "FROM orders WHERE delivered_at >= $1 AND delivered_at < $2 GROUP BY speed";
// Per district: due, collected, collected on time, open and due before now ($1).
const char* const kCollectionsDue =
    "SELECT district, COUNT(*), SUM(CASE WHEN status = 'collected' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN status = 'collected' AND completed_at IS NOT NULL AND completed_at <= due_by "
    "THEN 1 ELSE 0 END), SUM(CASE WHEN status <> 'collected' AND due_by < $1 THEN 1 ELSE 0 END) "
    "FROM collections WHERE due_by >= $2 AND due_by < $3 AND status <> 'cancelled' "
    "GROUP BY district";
const char* const kSpecialsReceived =
    "SELECT requested_at, received_at FROM specials WHERE received_at >= $1 AND received_at < $2";
const char* const kVisitsDone =
    "SELECT kind, status, COALESCE(failure_reason, ''), COUNT(*) FROM visits "
    "WHERE status IN ('completed', 'failed') AND completed_at >= $1 AND completed_at < $2 "
    "GROUP BY kind, status, failure_reason";
// Loans are summed per item first (in index order), then per category.
const char* const kIssuedByCategory =
    "SELECT i.category, SUM(l.quantity) FROM (SELECT item_code, SUM(quantity) AS quantity "
    "FROM loans WHERE started_at >= $1 AND started_at < $2 GROUP BY item_code) l "
    "JOIN items i ON i.code = l.item_code WHERE i.returnable = 1 GROUP BY i.category";
const char* const kCountedReturnsByCategory =
    "SELECT i.category, SUM(l.returned) FROM (SELECT item_code, SUM(returned_quantity) AS "
    "returned FROM loans WHERE ended_at >= $1 AND ended_at < $2 GROUP BY item_code) l "
    "JOIN items i ON i.code = l.item_code WHERE i.serialised = 0 GROUP BY i.category";
const char* const kAssetStepsByCategory =
    "SELECT i.category, e.step, COUNT(*) FROM asset_events e JOIN assets a ON a.id = e.asset_id "
    "JOIN items i ON i.code = a.item_code WHERE e.step IN ('return', "
    "'inspect_pass', 'inspect_scrap') AND e.at >= $1 AND e.at < $2 GROUP BY i.category, e.step";
const char* const kPassesByCategory =
    "SELECT i.category, COUNT(*) FROM asset_events e JOIN assets a ON a.id = e.asset_id "
    "JOIN items i ON i.code = a.item_code WHERE e.step = 'inspect_pass' AND e.at >= $1 "
    "AND e.at < $2 GROUP BY i.category";
const char* const kLedgerGroups =
    "SELECT e.funder_id, e.ledger_month, e.district, e.category, e.kind, SUM(e.amount_pence), "
    "SUM(e.quantity) FROM ledger e WHERE e.at >= $1 AND e.at < $2 "
    "GROUP BY e.funder_id, e.ledger_month, e.district, e.category, e.kind";
// The daily roll-ups (report_rollups.h); days are [from, to) like the period.
const char* const kLedgerDayGroups =
    "SELECT value, kind, SUM(amount_pence), SUM(quantity) FROM report_ledger_days "
    "WHERE dimension = $1 AND day >= $2 AND day < $3 GROUP BY value, kind";
const char* const kLedgerDayTotals =
    "SELECT kind, SUM(amount_pence) FROM report_ledger_days "
    "WHERE dimension = 'funder' AND day >= $1 AND day < $2 GROUP BY kind";
const char* const kAssetStepDays =
    "SELECT category, step, SUM(events) FROM report_asset_step_days "
    "WHERE step IN ('return', 'inspect_pass', 'inspect_scrap') AND day >= $1 AND day < $2 "
    "GROUP BY category, step";
const char* const kPassDays =
    "SELECT category, SUM(events) FROM report_asset_step_days "
    "WHERE step = 'inspect_pass' AND day >= $1 AND day < $2 GROUP BY category";
const char* const kFunders = "SELECT id, code FROM funders ORDER BY code";
// The equity reports, per dimension (0: district, 1: imd_decile) from the place each order keeps
// (migration 005). On raw rows, whole days from approval to delivery are counted in SQL (the date
// arithmetic differs between SQLite and PostgreSQL), so a result has a row per place x days
// (deliveries, on time), not per order; the daily roll-ups (report_rollups.h) hold the same
// histogram per day.
const char* const kEquityDimensions[] = {"district", "imd_decile"};
const char* const kOrdersByPlace[] = {
    "SELECT COALESCE(district, 'unknown'), COUNT(*) FROM orders "
    "WHERE created_at >= $1 AND created_at < $2 GROUP BY COALESCE(district, 'unknown')",
    "SELECT COALESCE(CAST(imd_decile AS TEXT), 'unknown'), COUNT(*) FROM orders "
    "WHERE created_at >= $1 AND created_at < $2 "
    "GROUP BY COALESCE(CAST(imd_decile AS TEXT), 'unknown')",
};
const char* const kDeliveriesByPlaceSqlite[] = {
    "SELECT COALESCE(district, 'unknown'), CAST(julianday(SUBSTR(delivered_at, 1, 10)) - "
    "julianday(SUBSTR(approved_at, 1, 10)) AS INTEGER), COUNT(*), "
    "SUM(CASE WHEN delivered_at <= due_by THEN 1 ELSE 0 END) FROM orders "
    "WHERE delivered_at >= $1 AND delivered_at < $2 AND approved_at IS NOT NULL GROUP BY 1, 2",
    "SELECT COALESCE(CAST(imd_decile AS TEXT), 'unknown'), CAST(julianday(SUBSTR(delivered_at, "
    "1, 10)) - julianday(SUBSTR(approved_at, 1, 10)) AS INTEGER), COUNT(*), SUM(CASE WHEN "
    "delivered_at <= due_by THEN 1 ELSE 0 END) FROM orders WHERE delivered_at >= $1 AND "
    "delivered_at < $2 AND approved_at IS NOT NULL GROUP BY 1, 2",
};
const char* const kDeliveriesByPlacePostgres[] = {
    "SELECT COALESCE(district, 'unknown'), CAST(SUBSTR(delivered_at, 1, 10) AS DATE) - "
    "CAST(SUBSTR(approved_at, 1, 10) AS DATE), COUNT(*), SUM(CASE WHEN delivered_at <= due_by "
    "THEN 1 ELSE 0 END) FROM orders WHERE delivered_at >= $1 AND delivered_at < $2 "
    "AND approved_at IS NOT NULL GROUP BY 1, 2",
    "SELECT COALESCE(CAST(imd_decile AS TEXT), 'unknown'), CAST(SUBSTR(delivered_at, 1, 10) AS "
    "DATE) - CAST(SUBSTR(approved_at, 1, 10) AS DATE), COUNT(*), "
    "SUM(CASE WHEN delivered_at <= due_by THEN 1 ELSE 0 END) FROM orders "
    "WHERE delivered_at >= $1 AND delivered_at < $2 AND approved_at IS NOT NULL GROUP BY 1, 2",
};
const char* const kOrderDays =
    "SELECT value, SUM(orders) FROM report_order_days WHERE dimension = $1 AND day >= $2 "
    "AND day < $3 GROUP BY value";
const char* const kDeliveryDays =
    "SELECT value, days, SUM(deliveries), SUM(on_time) FROM report_delivery_days "
    "WHERE dimension = $1 AND day >= $2 AND day < $3 GROUP BY value, days";
const char* const kPopulation = "SELECT district, population FROM district_population";
const char* const kVanKm =
    "SELECT SUBSTR(r.plan_date, 1, 7), COUNT(DISTINCT r.plan_date), COUNT(*), "
    "SUM(r.distance_metres), SUM(r.distance_metres * v.co2_grams_per_km) FROM plan_routes r "
    "JOIN vans v ON v.id = r.van_id WHERE r.plan_date >= $1 AND r.plan_date < $2 "
    "GROUP BY SUBSTR(r.plan_date, 1, 7) ORDER BY 1";
const char* const kLedgerTotals =
    "SELECT kind, SUM(amount_pence) FROM ledger WHERE at >= $1 AND at < $2 GROUP BY kind";
const char* const kStepCount =
    "SELECT COUNT(*) FROM asset_events WHERE step = $1 AND at >= $2 AND at < $3";
// Counted items settle by batch (core/store/warehouse/counted_returns).
const char* const kCountedSettlementsByCategory =
    "SELECT i.category, s.outcome, SUM(s.quantity) FROM counted_settlements s "
    "JOIN counted_returns r ON r.id = s.return_id JOIN items i ON i.code = r.item_code "
    "WHERE s.at >= $1 AND s.at < $2 GROUP BY i.category, s.outcome";
const char* const kCountedReturned =
    "SELECT COALESCE(SUM(quantity), 0) FROM counted_returns WHERE returned_at >= $1 "
    "AND returned_at < $2";
const char* const kCountedPassed =
    "SELECT COALESCE(SUM(quantity), 0) FROM counted_settlements WHERE outcome = 'passed' "
    "AND at >= $1 AND at < $2";
const char* const kInsertPopulation =
    "INSERT INTO district_population (district, population, source) VALUES ($1, $2, $3) "
    "ON CONFLICT (district) DO UPDATE SET population = excluded.population, "
    "source = excluded.source";

SqlValue percent(const kpi::Share& share) {
    const auto p = share.percent();
    return p ? SqlValue(*p) : SqlValue(std::monostate{});
}
SqlValue optionalReal(const std::optional<double>& value) {
    return value ? SqlValue(*value) : SqlValue(std::monostate{});
}
double round1(double value) { return std::round(value * 10.0) / 10.0; }

// A period of plain dates (not instants), which the daily roll-ups can answer exactly.
bool wholeDays(const ReportPeriod& period) {
    return period.from.size() == 10 && period.to.size() == 10 && parseDate(period.from) &&
           parseDate(period.to);
}

ReportTable deliveryOnTime(Connection& c, const ReportContext& x) {
    ReportTable t{"delivery_on_time",
                  "Orders delivered in the period and the share on time, by speed",
                  {"speed", "delivered", "on_time", "on_time_percent"},
                  {}};
    std::map<std::string, kpi::Share> bySpeed;
    Rows rows = c.query(kDeliveryOnTime, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        bySpeed[rows.text(i, 0)] += {rows.integer(i, 2), rows.integer(i, 1)};
    }
    kpi::Share all;
    for (Speed speed : allSpeeds) {
        const auto share = bySpeed[std::string(toString(speed))];
        all += share;
        t.rows.push_back({std::string(toString(speed)), share.total, share.count, percent(share)});
    }
    t.rows.push_back({std::string("all"), all.total, all.count, percent(all)});
    return t;
}

ReportTable collectionsOnTime(Connection& c, const ReportContext& x) {
    ReportTable t{"collections_on_time",
                  "Collections due in the period: collected on time, late, still open; on-time "
                  "share of those collected or overdue",
                  {"district", "due", "collected_on_time", "collected_late", "open_overdue",
                   "open_not_yet_due", "on_time_percent"},
                  {}};
    struct Counts {
        std::int64_t due = 0, onTime = 0, late = 0, overdue = 0, notYetDue = 0;
    };
    std::map<std::string, Counts> byDistrict;
    Rows rows = c.query(kCollectionsDue, {formatInstant(x.now), x.period.from, x.period.to});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& k = byDistrict[rows.text(i, 0)];
        const std::int64_t due = rows.integer(i, 1);
        const std::int64_t collected = rows.integer(i, 2);
        k.due += due;
        k.onTime += rows.integer(i, 3);
        k.late += collected - rows.integer(i, 3);
        k.overdue += rows.integer(i, 4);
        k.notYetDue += due - collected - rows.integer(i, 4);
    }
    Counts all;
    auto add = [&](const std::string& key, const Counts& k) {
        const kpi::Share share{k.onTime, k.onTime + k.late + k.overdue};
        t.rows.push_back({key, k.due, k.onTime, k.late, k.overdue, k.notYetDue, percent(share)});
    };
    for (const auto& [district, k] : byDistrict) {
        add(district, k);
        all.due += k.due;
        all.onTime += k.onTime;
        all.late += k.late;
        all.overdue += k.overdue;
        all.notYetDue += k.notYetDue;
    }
    add("all", all);
    return t;
}

ReportTable specialsWithinTarget(Connection& c, const ReportContext& x) {
    const auto weeks = chr::duration_cast<chr::weeks>(x.specialsTarget).count();
    ReportTable t{"specials_within_8_weeks",
                  "Specials received at the warehouse in the period, and the share within the "
                  "target of " +
                      std::to_string(weeks) +
                      " weeks of being requested (the columns "
                      "keep the default target's name)",
                  {"received", "within_8_weeks", "within_8_weeks_percent", "median_days"},
                  {}};
    Rows rows = c.query(kSpecialsReceived, {x.period.from, x.period.to});
    kpi::Share share;
    kpi::DayHistogram days;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto requested = parseInstant(rows.text(i, 0));
        const auto received = parseInstant(rows.text(i, 1));
        if (!requested || !received) continue;
        ++share.total;
        if (*received - *requested <= x.specialsTarget) ++share.count;
        days.add(kpi::daysBetween(*requested, *received));
    }
    // Built cell by cell: GCC 12 warns falsely (-Wmaybe-uninitialized) on the list when inlined.
    std::vector<SqlValue> row{share.total, share.count};
    row.push_back(percent(share));
    row.push_back(optionalReal(days.median()));
    t.rows.push_back(std::move(row));
    return t;
}

ReportTable failedVisits(Connection& c, const ReportContext& x) {
    ReportTable t{"failed_visits",
                  "Visits failed in the period by kind and reason, with the share of that kind's "
                  "visits done",
                  {"kind", "reason", "failed", "visits_done", "failed_percent"},
                  {}};
    std::map<std::string, std::int64_t> done;
    std::map<std::pair<std::string, std::string>, std::int64_t> failed;
    Rows rows = c.query(kVisitsDone, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        done[rows.text(i, 0)] += rows.integer(i, 3);
        if (rows.text(i, 1) == "failed") {
            const std::string reason = rows.text(i, 2).empty() ? "unknown" : rows.text(i, 2);
            failed[{rows.text(i, 0), reason}] += rows.integer(i, 3);
        }
    }
    std::int64_t allFailed = 0;
    std::int64_t allDone = 0;
    for (const auto& [kind, n] : done) allDone += n;
    for (const auto& [key, n] : failed) {
        allFailed += n;
        t.rows.push_back(
            {key.first, key.second, n, done[key.first], percent(kpi::Share{n, done[key.first]})});
    }
    t.rows.push_back({std::string("all"), std::string("all"), allFailed, allDone,
                      percent(kpi::Share{allFailed, allDone})});
    return t;
}

ReportTable recycling(Connection& c, const ReportContext& x, bool fromRollups) {
    ReportTable t{"recycling",
                  "By category: returnable items issued and collected in the period; items "
                  "(barcoded and counted) returned to stock and scrapped after inspection. "
                  "Recycling rate = returned to stock / collected; return rate = collected / "
                  "issued",
                  {"category", "issued", "collected", "collected_barcoded", "returned_to_stock",
                   "scrapped", "recycling_rate_percent", "return_rate_percent"},
                  {}};
    struct Counts {
        std::int64_t issued = 0, counted = 0, barcoded = 0, passed = 0, scrapped = 0;
    };
    std::map<std::string, Counts> byCategory;
    Rows issued = c.query(kIssuedByCategory, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < issued.size(); ++i) {
        byCategory[issued.text(i, 0)].issued += issued.integer(i, 1);
    }
    Rows counted = c.query(kCountedReturnsByCategory, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < counted.size(); ++i) {
        byCategory[counted.text(i, 0)].counted += counted.integer(i, 1);
    }
    Rows steps =
        c.query(fromRollups ? kAssetStepDays : kAssetStepsByCategory, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < steps.size(); ++i) {
        auto& k = byCategory[steps.text(i, 0)];
        const std::string step = steps.text(i, 1);
        const std::int64_t n = steps.integer(i, 2);
        if (step == "return")
            k.barcoded += n;
        else if (step == "inspect_pass")
            k.passed += n;
        else
            k.scrapped += n;
    }
    Rows settled = c.query(kCountedSettlementsByCategory, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < settled.size(); ++i) {
        auto& k = byCategory[settled.text(i, 0)];
        (settled.text(i, 1) == "passed" ? k.passed : k.scrapped) += settled.integer(i, 2);
    }
    Counts all;
    auto add = [&](const std::string& key, const Counts& k) {
        const std::int64_t collected = k.counted + k.barcoded;
        t.rows.push_back({key, k.issued, collected, k.barcoded, k.passed, k.scrapped,
                          percent(kpi::Share{k.passed, collected}),
                          percent(kpi::Share{collected, k.issued})});
    };
    for (const auto& [category, k] : byCategory) {
        add(category, k);
        all.issued += k.issued;
        all.counted += k.counted;
        all.barcoded += k.barcoded;
        all.passed += k.passed;
        all.scrapped += k.scrapped;
    }
    add("all", all);
    return t;
}

struct Money {
    Pence issues = 0, credits = 0, corrections = 0;
    std::int64_t itemsIssued = 0, itemsCredited = 0;
    void add(const std::string& kind, Pence amount, std::int64_t quantity) {
        if (kind == "issue") {
            issues += amount;
            itemsIssued += quantity;
        } else if (kind == "credit") {
            credits -= amount;
            itemsCredited += quantity;
        } else {
            corrections += amount;
        }
    }
    Pence net() const { return issues - credits + corrections; }
};

ReportTable finance(Connection& c, const ReportContext& x, const std::string& by,
                    bool fromRollups) {
    ReportTable t{"finance_by_" + by,
                  "Ledger in the period by " + by +
                      ": issues charged, credits earned, corrections and net spend (pence); "
                      "net = issues - credits + corrections",
                  {by, "issues_pence", "credits_pence", "corrections_pence", "net_pence",
                   "items_issued", "items_credited"},
                  {}};
    std::map<std::int64_t, std::string> funders;
    Rows f = c.query(kFunders);
    for (std::size_t i = 0; i < f.size(); ++i) funders[f.integer(i, 0)] = f.text(i, 1);
    std::map<std::string, Money> groups;
    Money all;
    auto addRow = [&](const std::string& key, const std::string& kind, Pence amount,
                      std::int64_t quantity) {
        groups[key].add(kind, amount, quantity);
        all.add(kind, amount, quantity);
    };
    if (fromRollups) {
        Rows rows = c.query(kLedgerDayGroups, {by, x.period.from, x.period.to});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string key =
                by == "funder" ? funders[std::stoll(rows.text(i, 0))] : rows.text(i, 0);
            addRow(key, rows.text(i, 1), rows.integer(i, 2), rows.integer(i, 3));
        }
    } else {
        Rows rows = c.query(kLedgerGroups, {x.period.from, x.period.to});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::string key;
            if (by == "funder")
                key = funders[rows.integer(i, 0)];
            else if (by == "month")
                key = rows.text(i, 1);
            else if (by == "district")
                key = rows.text(i, 2);
            else
                key = rows.text(i, 3);
            addRow(key, rows.text(i, 4), rows.integer(i, 5), rows.integer(i, 6));
        }
    }
    auto add = [&](const std::string& key, const Money& m) {
        t.rows.push_back(
            {key, m.issues, m.credits, m.corrections, m.net(), m.itemsIssued, m.itemsCredited});
    };
    for (const auto& [key, m] : groups) add(key, m);
    add("all", all);
    return t;
}

ReportTable equity(Connection& c, const ReportContext& x, bool byDecile, bool fromRollups) {
    const std::string by = kEquityDimensions[byDecile ? 1 : 0];
    ReportTable t{"equity_by_" + by,
                  byDecile ? "By deprivation decile of the resident's postcode (1 = most "
                             "deprived): orders, median days approval to delivery, on-time share"
                           : "By district: orders and orders per 1,000 residents, median days "
                             "approval to delivery, on-time share",
                  {by, "orders", "population", "orders_per_1000", "delivered",
                   "median_days_to_delivery", "on_time_percent"},
                  {}};
    std::map<std::string, std::int64_t> population;
    if (!byDecile) {
        Rows p = c.query(kPopulation);
        for (std::size_t i = 0; i < p.size(); ++i) population[p.text(i, 0)] = p.integer(i, 1);
    }
    struct Counts {
        std::int64_t orders = 0;
        kpi::DayHistogram days;
        kpi::Share onTime;
    };
    std::map<std::string, Counts> groups;
    const bool sqlite = c.dialect() == Dialect::sqlite;
    Rows orders = fromRollups
                      ? c.query(kOrderDays, {by, x.period.from, x.period.to})
                      : c.query(kOrdersByPlace[byDecile ? 1 : 0], {x.period.from, x.period.to});
    for (std::size_t i = 0; i < orders.size(); ++i) {
        groups[orders.text(i, 0)].orders += orders.integer(i, 1);
    }
    const char* const rawDeliveries =
        (sqlite ? kDeliveriesByPlaceSqlite : kDeliveriesByPlacePostgres)[byDecile ? 1 : 0];
    Rows delivered = fromRollups ? c.query(kDeliveryDays, {by, x.period.from, x.period.to})
                                 : c.query(rawDeliveries, {x.period.from, x.period.to});
    for (std::size_t i = 0; i < delivered.size(); ++i) {
        auto& g = groups[delivered.text(i, 0)];
        const std::int64_t n = delivered.integer(i, 2);
        g.days.add(delivered.integer(i, 1), n);
        g.onTime += {delivered.integer(i, 3), n};
    }
    Counts all;
    std::int64_t allPopulation = 0;
    auto add = [&](const std::string& key, const Counts& g, std::int64_t people) {
        t.rows.push_back({key, g.orders, people > 0 ? SqlValue(people) : SqlValue(std::monostate{}),
                          optionalReal(kpi::per1000(g.orders, people)), g.onTime.total,
                          optionalReal(g.days.median()), percent(g.onTime)});
    };
    for (const auto& [key, g] : groups) {
        const std::int64_t people = population.count(key) ? population[key] : 0;
        add(key, g, people);
        all.orders += g.orders;
        all.days += g.days;
        all.onTime += g.onTime;
        allPopulation += people;
    }
    add("all", all, byDecile ? 0 : allPopulation);
    return t;
}

ReportTable carbonVans(Connection& c, const ReportContext& x) {
    ReportTable t{"carbon_vans",
                  "Route plans by month: van days, km and kg CO2 (van g/km)",
                  {"month", "plan_days", "van_days", "km", "kg_co2"},
                  {}};
    Rows rows = c.query(kVanKm, {x.period.from, x.period.to});
    double km = 0;
    double kg = 0;
    std::int64_t days = 0;
    std::int64_t vanDays = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double rowKm = static_cast<double>(rows.integer(i, 3)) / 1000.0;
        const double rowKg = static_cast<double>(rows.integer(i, 4)) / 1e6;
        t.rows.push_back({rows.text(i, 0), rows.integer(i, 1), rows.integer(i, 2), round1(rowKm),
                          round1(rowKg)});
        km += rowKm;
        kg += rowKg;
        days += rows.integer(i, 1);
        vanDays += rows.integer(i, 2);
    }
    t.rows.push_back({std::string("all"), days, vanDays, round1(km), round1(kg)});
    return t;
}

ReportTable carbonReuse(Connection& c, const ReportContext& x, bool fromRollups) {
    ReportTable t{"carbon_reuse",
                  "Barcoded items returned to stock in the period and the CO2 a new item would "
                  "have cost (estimated kg per item x kg CO2e per kg, see core/kpis.h)",
                  {"category", "items_reused", "kg_per_item", "kg_co2_avoided"},
                  {}};
    Rows rows = c.query(fromRollups ? kPassDays : kPassesByCategory, {x.period.from, x.period.to});
    double total = 0;
    std::int64_t items = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string category = rows.text(i, 0);
        const double kg = kpi::reuseKgCo2Avoided(x.carbon, category, rows.integer(i, 1));
        t.rows.push_back(
            {category, rows.integer(i, 1), x.carbon.itemWeightKg(category), round1(kg)});
        total += kg;
        items += rows.integer(i, 1);
    }
    t.rows.push_back({std::string("all"), items, std::monostate{}, round1(total)});
    return t;
}

ReportTable forecast(Connection& c, const ReportContext& x, bool fromRollups) {
    ReportTable t{"forecast",
                  "The financial year containing the period's end: actuals so far, a straight "
                  "projection to the full year, and the council's published targets (pence; "
                  "percentages)",
                  {"measure", "actual_to_date", "projected_full_year", "target", "note"},
                  {}};
    const auto lastDay = chr::year_month_day(chr::sys_days(*parseDate(x.period.to)) - chr::days(1));
    const std::string year = kpi::financialYear(lastDay);
    const auto start = kpi::financialYearStart(year);
    const auto end = chr::year_month_day(chr::sys_days(start) + chr::days(366));
    const auto nextStart = chr::year(static_cast<int>(start.year()) + 1) / chr::April / 1;
    const auto previousStart = chr::year(static_cast<int>(start.year()) - 1) / chr::April / 1;
    (void)end;
    const std::string from = formatDate(start);
    const std::string to = formatDate(nextStart);
    const std::int64_t daysInYear = (chr::sys_days(nextStart) - chr::sys_days(start)).count();
    const auto today = chr::year_month_day(chr::floor<chr::days>(x.now));
    std::int64_t elapsed = (chr::sys_days(today) - chr::sys_days(start)).count() + 1;
    elapsed = std::clamp<std::int64_t>(elapsed, 1, daysInYear);
    auto project = [&](double value) {
        return SqlValue(
            std::round(value * static_cast<double>(daysInYear) / static_cast<double>(elapsed)));
    };
    std::map<std::string, Pence> totals;
    Rows rows = c.query(fromRollups ? kLedgerDayTotals : kLedgerTotals, {from, to});
    for (std::size_t i = 0; i < rows.size(); ++i) totals[rows.text(i, 0)] = rows.integer(i, 1);
    const Pence gross = totals["issue"];
    const Pence credits = -totals["credit"];
    const Pence net = gross - credits + totals["correction"];
    auto target = kpi::councilTarget(year);
    for (const auto& later : x.laterTargets) {
        if (!target && later.year == year) target = later;
    }
    auto targetValue = [&](auto member) {
        return target ? SqlValue(static_cast<std::int64_t>((*target).*member))
                      : SqlValue(std::monostate{});
    };
    t.rows.push_back({std::string("gross_issues_pence"), gross, project(static_cast<double>(gross)),
                      targetValue(&kpi::CouncilYearTarget::forecastGross),
                      std::string("target: the council's forecast gross")});
    t.rows.push_back({std::string("credits_pence"), credits, project(static_cast<double>(credits)),
                      std::monostate{}, std::string("credits at the policy rate (85% default)")});
    t.rows.push_back({std::string("net_spend_pence"), net, project(static_cast<double>(net)),
                      targetValue(&kpi::CouncilYearTarget::netAllTargets),
                      std::string("target: net if all targets are met")});
    t.rows.push_back({std::string("net_spend_85_credit_model_target_pence"), std::monostate{},
                      std::monostate{}, targetValue(&kpi::CouncilYearTarget::netWith85Credits),
                      std::string("the council's net with 85% credits alone")});
    auto recyclingRate = [&](const std::string& a, const std::string& b) {
        const std::int64_t returned =
            c.query(kStepCount, {std::string("return"), a, b}).integer(0, 0) +
            c.query(kCountedReturned, {a, b}).integer(0, 0);
        const std::int64_t passed =
            c.query(kStepCount, {std::string("inspect_pass"), a, b}).integer(0, 0) +
            c.query(kCountedPassed, {a, b}).integer(0, 0);
        return kpi::Share{passed, returned}.percent();
    };
    const auto thisYear = recyclingRate(from, to);
    const auto lastYear = recyclingRate(formatDate(previousStart), from);
    SqlValue increase = std::monostate{};
    if (thisYear && lastYear) increase = round1(*thisYear - *lastYear);
    t.rows.push_back({std::string("recycling_rate_percent"), optionalReal(thisYear),
                      std::monostate{}, std::monostate{},
                      std::string("items returned to stock / collected, barcoded and counted")});
    t.rows.push_back(
        {std::string("recycling_increase_points"), increase, std::monostate{},
         target ? SqlValue(target->recyclingIncreasePercent) : SqlValue(std::monostate{}),
         std::string("on the previous financial year")});
    const SelfPurchaseTally selfPurchase = selfPurchaseTotal(c, from, to);
    // (counted over the financial year, as the council's target is)
    t.rows.push_back(
        {std::string("self_purchase_percent"), optionalReal(selfPurchase.sharePercent()),
         std::monostate{},
         target ? SqlValue(target->selfPurchaseTargetPercent) : SqlValue(std::monostate{}),
         std::string("residents who chose to buy their own, of those offered a retail "
                     "alternative (") +
             std::to_string(selfPurchase.offered()) + " offered)"});
    t.rows.push_back({std::string("self_purchase_spend_avoided_pence"),
                      selfPurchase.spendAvoidedPence, std::monostate{}, std::monostate{},
                      std::string("catalogue price of the items residents bought themselves")});
    t.rows.push_back(
        {std::string("financial_year"), std::monostate{}, std::monostate{}, std::monostate{},
         year + " (day " + std::to_string(elapsed) + " of " + std::to_string(daysInYear) + ")"});
    return t;
}

// Self-purchase by place: the share must never be made by the better-off alone.
ReportTable selfPurchase(Connection& c, const ReportContext& x, bool byDecile) {
    const std::string by = byDecile ? "imd_decile" : "district";
    ReportTable t{"self_purchase_by_" + by,
                  "Residents offered a retail alternative: who chose to buy their own, declined "
                  "or could not for a clinical reason, the share, and the catalogue spend "
                  "avoided, by " +
                      std::string(byDecile ? "deprivation decile (1 = most deprived)" : "district"),
                  {by, "offered", "self_purchased", "declined", "not_appropriate",
                   "self_purchase_percent", "spend_avoided_pence"},
                  {}};
    const auto rows = byDecile ? selfPurchaseByDecile(c, x.period.from, x.period.to)
                               : selfPurchaseByDistrict(c, x.period.from, x.period.to);
    for (const auto& row : rows) {
        const auto& s = row.tally;
        const auto share = s.sharePercent();
        t.rows.push_back({row.key, s.offered(), s.selfPurchased, s.declined, s.notAppropriate,
                          share ? SqlValue(round1(*share)) : SqlValue(std::monostate{}),
                          s.spendAvoidedPence});
    }
    return t;
}

std::string cellText(const SqlValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%.1f", v);
                return buffer;
            } else {
                return v;
            }
        },
        value);
}

}  // namespace

ReportPeriod reportPeriod(const std::string& from, const std::string& to) {
    const auto a = parseDate(from);
    if (!a) throw ValidationError("from", "from must be a date such as 2025-04-01");
    const auto b = parseDate(to);
    if (!b) throw ValidationError("to", "to must be a date such as 2026-04-01");
    if (!(*a < *b)) throw ValidationError("to", "to must be after from");
    if (chr::sys_days(*b) - chr::sys_days(*a) > chr::days(3 * 366)) {
        throw ValidationError("to", "a report covers at most three years");
    }
    return {from, to};
}

std::size_t ReportTable::columnIndex(const std::string& column) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == column) return i;
    }
    throw std::out_of_range("no column " + column + " in " + name);
}

const SqlValue& ReportTable::cell(const std::string& keyColumn, const std::string& key,
                                  const std::string& column) const {
    const std::size_t k = columnIndex(keyColumn);
    const std::size_t col = columnIndex(column);
    for (const auto& row : rows) {
        if (cellText(row[k]) == key) return row[col];
    }
    throw std::out_of_range("no row " + key + " in " + name);
}

const std::vector<std::string>& reportNames() {
    static const std::vector<std::string> names{"delivery_on_time",
                                                "collections_on_time",
                                                "specials_within_8_weeks",
                                                "failed_visits",
                                                "recycling",
                                                "finance_by_funder",
                                                "finance_by_month",
                                                "finance_by_district",
                                                "finance_by_category",
                                                "equity_by_district",
                                                "equity_by_imd_decile",
                                                "self_purchase_by_district",
                                                "self_purchase_by_imd_decile",
                                                "carbon_vans",
                                                "carbon_reuse",
                                                "forecast"};
    return names;
}

ReportTable runReport(Connection& c, const std::string& name, const ReportContext& x,
                      ReportSource source) {
    // The roll-ups count whole days, so they answer a period of dates (the forecast's
    // financial year always is one) once topped up.
    auto rollupsFor = [&](bool periodOfDates) {
        if (source != ReportSource::rollups || !periodOfDates) return false;
        topUpReportRollups(c);
        return true;
    };
    if (name == "delivery_on_time") return deliveryOnTime(c, x);
    if (name == "collections_on_time") return collectionsOnTime(c, x);
    if (name == "specials_within_8_weeks") return specialsWithinTarget(c, x);
    if (name == "failed_visits") return failedVisits(c, x);
    if (name == "recycling") return recycling(c, x, rollupsFor(wholeDays(x.period)));
    if (name.starts_with("finance_by_")) {
        const std::string by = name.substr(11);
        if (by == "funder" || by == "month" || by == "district" || by == "category") {
            return finance(c, x, by, rollupsFor(wholeDays(x.period)));
        }
    }
    if (name == "equity_by_district") return equity(c, x, false, rollupsFor(wholeDays(x.period)));
    if (name == "equity_by_imd_decile") {
        return equity(c, x, true, rollupsFor(wholeDays(x.period)));
    }
    if (name == "self_purchase_by_district") return selfPurchase(c, x, false);
    if (name == "self_purchase_by_imd_decile") return selfPurchase(c, x, true);
    if (name == "carbon_vans") return carbonVans(c, x);
    if (name == "carbon_reuse") return carbonReuse(c, x, rollupsFor(wholeDays(x.period)));
    if (name == "forecast") return forecast(c, x, rollupsFor(true));
    throw NotFound("no report is called " + name);
}

std::vector<ReportTable> kpiReports(Connection& c, const ReportContext& x, ReportSource source) {
    std::vector<ReportTable> tables;
    for (const auto& name : reportNames()) tables.push_back(runReport(c, name, x, source));
    return tables;
}

std::string toCsv(const ReportTable& table) {
    std::string out;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) out += ',';
        out += csvField(table.columns[i]);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            out += csvField(cellText(row[i]));
        }
        out += "\r\n";
    }
    return out;
}

std::size_t importDistrictPopulation(Connection& c, std::istream& csv) {
    CsvTable table(csv);
    std::size_t rows = 0;
    while (table.next()) {
        c.execute(kInsertPopulation,
                  {table.field("district"), std::int64_t{std::stoll(table.field("population"))},
                   table.field("source")});
        ++rows;
    }
    return rows;
}

}  // namespace ces::store
