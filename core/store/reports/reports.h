#pragma once
// The commissioner's reports (domain.md "Outcomes the council measures"): every report is a
// table of named columns with no personal data beyond district, so the same result renders as
// JSON or CSV. Periods are [from, to) on ISO dates; counting is in SQL, arithmetic in core/kpis.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/kpis.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// A report's period: ISO dates, from inclusive, to exclusive.
struct ReportPeriod {
    std::string from;
    std::string to;
};
/// Validates two ISO dates with from < to and at most 3 years apart; ValidationError otherwise.
ReportPeriod reportPeriod(const std::string& from, const std::string& to);

/// One report: columns and rows of cells (NULL, integer, real or text).
struct ReportTable {
    std::string name;
    std::string description;
    std::vector<std::string> columns;
    std::vector<std::vector<SqlValue>> rows;

    /// The cell of `column` in the first row whose `keyColumn` equals `key` (tests and
    /// dashboards); throws std::out_of_range if there is none.
    const SqlValue& cell(const std::string& keyColumn, const std::string& key,
                         const std::string& column) const;
    std::size_t columnIndex(const std::string& column) const;
};

/// Every report's name, in the order of the KPI document.
const std::vector<std::string>& reportNames();

/// Everything a report needs besides the database.
struct ReportContext {
    ReportPeriod period;
    Instant now{};  ///< Open collections due before now count as late.
    kpi::CarbonFactors carbon;
    std::chrono::days specialsTarget = kpi::kSpecialsTarget;  ///< Order to arrival.
    /// The council's targets for years after the published three (settings).
    std::vector<kpi::CouncilYearTarget> laterTargets;
};

/// Where the ledger and asset-step sums come from. Both give the same answers.
enum class ReportSource {
    rollups,  ///< Top up the daily roll-ups (report_rollups.h), then read whole days from them.
    rawRows,  ///< Scan the raw rows (the reference the roll-ups are tested against).
};

/// One report by name (see reportNames); NotFound for an unknown name. With roll-ups it may
/// write (the top-up), so it must not run inside an open transaction.
ReportTable runReport(Connection& c, const std::string& name, const ReportContext& context,
                      ReportSource source = ReportSource::rollups);

/// Every report.
std::vector<ReportTable> kpiReports(Connection& c, const ReportContext& context,
                                    ReportSource source = ReportSource::rollups);

/// RFC 4180 CSV of a table, header row first; NULL is an empty field, reals to 1 decimal.
std::string toCsv(const ReportTable& table);

/// District populations for per-1,000 figures: district,population,source CSV.
std::size_t importDistrictPopulation(Connection& c, std::istream& csv);

}  // namespace ces::store
