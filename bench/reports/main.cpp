// bench_reports [--keep DB] [--orders N]: builds a county-year (about 200k orders, 350k items
// issued, 200k collected, 700 visits a day, 2M audit rows) in a temporary SQLite file and times
// every report of GET /api/v1/reports/kpis (median and worst of 5 runs, target 200 ms each),
// then checks that the daily roll-ups and the raw rows give the same reports.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/reports/synthetic_year.h"
#include "core/store/admin/geography.h"
#include "core/store/collections/collections.h"
#include "core/store/infrastructure/database.h"
#include "core/store/infrastructure/export.h"
#include "core/store/reports/report_rollups.h"
#include "core/store/reports/reports.h"

using Clock = std::chrono::steady_clock;

namespace {

double millisSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string postcodesFile() {
    const char* shared = std::getenv("CES_SHARED");
    return (shared && *shared ? std::string(shared) + "/data"
                              : std::string(CES_SOURCE_DIR) + "/../shared/data") +
           "/geo/kent_postcodes.csv";
}

}  // namespace

int main(int argc, char** argv) {
    std::string keep;
    ces::store::SyntheticYear year;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--keep")
            keep = argv[i + 1];
        else if (option == "--orders")
            year.orders = std::stoll(argv[i + 1]);
        else {
            std::cerr << "usage: bench_reports [--keep DB] [--orders N]\n";
            return 2;
        }
    }
    const auto path = keep.empty() ? std::filesystem::temp_directory_path() / "ces-bench-reports.db"
                                   : std::filesystem::path(keep);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    {
        ces::store::Database db(path.string(), 2);
        auto start = Clock::now();
        std::ifstream postcodes(postcodesFile());
        if (!postcodes) {
            std::cerr << "bench_reports: cannot read " << postcodesFile() << "\n";
            return 1;
        }
        const auto loaded = db.write(
            [&](ces::store::Connection& c) { return ces::store::importPostcodes(c, postcodes); });
        const auto rows = db.write(
            [&](ces::store::Connection& c) { return ces::store::generateSyntheticYear(c, year); });
        std::printf("county-year generated: %lld rows (+%zu postcodes) in %.1f s\n",
                    static_cast<long long>(rows), loaded, millisSince(start) / 1000.0);
        const auto tables =
            db.read([](ces::store::Connection& c) { return ces::store::exportSchema(c); });
        for (const auto& table : tables) {
            if (table.rows >= 1000) {
                std::printf("  %-20s %9lld rows\n", table.name.c_str(),
                            static_cast<long long>(table.rows));
            }
        }

        // A running service keeps the roll-ups topped up report by report; build them once here
        // so the timings below are of reports, not of the first top-up of a whole year.
        start = Clock::now();
        db.read([](ces::store::Connection& c) { ces::store::topUpReportRollups(c); });
        std::printf("report roll-ups built in %.1f s\n", millisSince(start) / 1000.0);

        ces::store::ReportContext context;
        context.period = ces::store::reportPeriod("2025-04-01", "2026-04-01");
        context.now = std::chrono::sys_days{std::chrono::year{2026} / 4 / 1};
        std::printf("\n%-26s %10s %10s %8s\n", "report (a whole year)", "median ms", "worst ms",
                    "target");
        int over = 0;
        double total = 0;
        for (const auto& name : ces::store::reportNames()) {
            std::vector<double> times;
            std::size_t rowsOut = 0;
            for (int run = 0; run < 5; ++run) {
                const auto t0 = Clock::now();
                const auto table = db.read([&](ces::store::Connection& c) {
                    return ces::store::runReport(c, name, context);
                });
                times.push_back(millisSince(t0));
                rowsOut = table.rows.size();
            }
            std::sort(times.begin(), times.end());
            const bool ok = times.back() <= 200.0;
            over += ok ? 0 : 1;
            total += times[2];
            std::printf("%-26s %10.1f %10.1f %8s  (%zu rows)\n", name.c_str(), times[2],
                        times.back(), ok ? "ok" : "OVER", rowsOut);
        }
        const bool same = db.read([&](ces::store::Connection& c) {
            auto csv = [&](ces::store::ReportSource source) {
                std::string all;
                for (const auto& t : ces::store::kpiReports(c, context, source)) {
                    all += ces::store::toCsv(t);
                }
                return all;
            };
            return csv(ces::store::ReportSource::rollups) == csv(ces::store::ReportSource::rawRows);
        });
        std::printf("roll-ups and raw rows give the same reports: %s\n", same ? "yes" : "NO");
        const auto t0 = Clock::now();
        const auto overdue = db.read([&](ces::store::Connection& c) {
            return ces::store::overdueCollections(c, context.now, {std::nullopt, 500});
        });
        std::printf("%-26s %10.1f %10s %8s  (a page of %zu rows)\n", "overdue collections",
                    millisSince(t0), "", "", overdue.items.size());
        std::printf("\nall reports (GET /api/v1/reports/kpis): %.1f ms; %d over 200 ms\n", total,
                    over);
    }
    if (keep.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    return 0;
}
