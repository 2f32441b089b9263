// The daily roll-ups (core/store/reports/report_rollups.h) give every report the same answer as the
// raw rows, before and after more rows are appended.
#include <doctest/doctest.h>

#include "core/store/ledger/ledger.h"
#include "core/store/reports/report_rollups.h"
#include "core/store/reports/reports.h"
#include "tests/reports/service_history.h"

using namespace ces;

namespace {

// Every report as CSV, from the roll-ups or from the raw rows.
std::string allReports(store::Database& db, const store::ReportContext& context,
                       store::ReportSource source) {
    return db.read([&](store::Connection& c) {
        std::string csv;
        for (const auto& table : store::kpiReports(c, context, source)) csv += store::toCsv(table);
        return csv;
    });
}

void checkSameAnswers(store::Database& db, Instant now) {
    for (const auto& [from, to] :
         {std::pair{"2026-02-01", "2026-03-01"}, std::pair{"2026-02-05", "2026-02-06"},
          std::pair{"2025-04-01", "2026-04-01"}}) {
        CAPTURE(from);
        const store::ReportContext context{
            store::reportPeriod(from, to), now, {}, kpi::kSpecialsTarget, {}};
        CHECK(allReports(db, context, store::ReportSource::rollups) ==
              allReports(db, context, store::ReportSource::rawRows));
    }
}

std::int64_t corrections(store::Database& db, Instant now) {
    const store::ReportContext context{
        store::reportPeriod("2026-02-01", "2026-04-01"), now, {}, kpi::kSpecialsTarget, {}};
    const auto t = db.read(
        [&](store::Connection& c) { return store::runReport(c, "finance_by_district", context); });
    return std::get<std::int64_t>(t.cell("district", "all", "corrections_pence"));
}

}  // namespace

TEST_CASE("the roll-ups answer every report as the raw rows do") {
    test::ServiceHistory history;
    checkSameAnswers(*history.db, history.now);
}

TEST_CASE("the roll-ups count rows appended after they were last topped up") {
    test::ServiceHistory history;
    auto& db = *history.db;
    checkSameAnswers(db, history.now);  // tops the roll-ups up
    CHECK(corrections(db, history.now) == 0);

    // A correction appends two ledger rows (a reversal and the corrected amount) in March.
    const auto credit = db.read([](store::Connection& c) {
        for (const auto& entry : store::ledgerEntries(c, {})) {
            if (entry.kind == LedgerKind::credit) return entry;
        }
        throw std::logic_error("the history has a credit");
    });
    const Instant march = test::at(3, 2, 9);
    db.write([&](store::Connection& c) {
        return store::correctLedgerEntry(c, credit.id, credit.amount - 1000, "rate agreed",
                                         history.budgetHolder, march);
    });
    CHECK(corrections(db, history.now) == -1000);
    checkSameAnswers(db, history.now);

    // Nothing new: a second top-up changes nothing.
    db.read([](store::Connection& c) { store::topUpReportRollups(c); });
    CHECK(corrections(db, history.now) == -1000);
    checkSameAnswers(db, history.now);
}
