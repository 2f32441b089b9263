#include "app/commands/service_jobs.h"

#include "core/store/collections/collections.h"
#include "core/store/infrastructure/backup_rotation.h"
#include "core/store/infrastructure/retention.h"
#include "core/store/reports/report_rollups.h"
#include "warehouse/dispatch.h"
#include "warehouse/nightly_replan.h"
#include "warehouse/specials.h"
#include "web/policies.h"
#include "web/service_metrics.h"

namespace ces::cli {

namespace {

// A client retries a write within minutes; a week covers a client that was off over a weekend.
constexpr std::chrono::days kIdempotencyKeyRetention{7};
// The "still needed?" check-in asks about loans out over six months, again after three, at most
// a hundred a day (the prescribers' replies are read by people): as the demo and the API default.
constexpr int kStillNeededAgeDays = 182;
constexpr int kStillNeededRepeatDays = 90;
constexpr std::size_t kStillNeededPerDay = 100;

std::string count(std::int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

ServiceJobOptions serviceJobOptions(const Options& options, const std::string& database) {
    ServiceJobOptions jobs;
    jobs.database = database;
    if (const auto dir = options.value("backup-dir")) jobs.backupDir = *dir;
    jobs.backupKeep = static_cast<int>(options.number("backup-keep", 7, 1, 1000));
    if (options.value("backup-keep") && !jobs.backupDir) {
        throw UsageError("--backup-keep needs --backup-dir DIR");
    }
    return jobs;
}

namespace {

store::BackgroundJob reportRollups(web::App& app) {
    return {"report-rollups", JobSchedule::daily("01:00"),
            [&app] {
                app.db.read([](store::Connection& c) { store::topUpReportRollups(c); });
                return std::string("the reports' daily totals are up to date");
            },
            "Adds the day's ledger, asset steps, orders and deliveries to the reports' daily "
            "totals, so the dashboard reads them ready-made"};
}

store::BackgroundJob lateSpecialsWatch(web::App& app) {
    return {"late-specials-watch", JobSchedule::interval(std::chrono::minutes(10)),
            [&app] {
                const auto policy = web::specialsPolicyOf(app.settings());
                const int told = app.db.write([&](store::Connection& c) {
                    return warehouse::reportLateSpecials(c, app.now(), policy);
                });
                return count(told, "prescriber", "prescribers") +
                       " told of a special past its target";
            },
            "Tells the prescriber the same day when a special passes its target and is not yet "
            "at the warehouse"};
}

store::BackgroundJob inspectionVisits(web::App& app) {
    return {"inspection-visits", JobSchedule::daily("05:00"),
            [&app] {
                const auto booked = app.db.write([&](store::Connection& c) {
                    return warehouse::bookDueInspections(c, ukDateOf(app.now()), app.dispatch,
                                                         app.now());
                });
                return count(booked, "inspection visit", "inspection visits") + " booked";
            },
            "Books a visit for each LOLER, PAT or service check in a home falling due within two "
            "weeks, so the planner sees it"};
}

store::BackgroundJob horizonReplan(web::App& app) {
    return {"horizon-replan", JobSchedule::daily("21:00"),
            [&app] {
                return web::timedSolver(*app.metrics, "horizon",
                                        [&app] {
                                            return warehouse::replanHorizonNightly(
                                                app.db, app.now(), app.workingDays(), app.dispatch);
                                        })
                    .summary;
            },
            "Re-plans the working days after tomorrow, as many as the planners last planned, so "
            "the day's new orders and failed visits have a day and a van by the morning"};
}

store::BackgroundJob stillNeededCheckIns(web::App& app) {
    return {"still-needed-check-ins", JobSchedule::daily("09:00"),
            [&app] {
                const auto [asked, due] = app.db.write([&](store::Connection& c) {
                    const auto now = app.now();
                    const auto waiting = store::stillNeededCount(c, now, kStillNeededAgeDays,
                                                                 kStillNeededRepeatDays);
                    const auto checks =
                        store::stillNeededChecks(c, now, kStillNeededAgeDays,
                                                 kStillNeededRepeatDays, kStillNeededPerDay, true);
                    return std::make_pair(static_cast<std::int64_t>(checks.size()), waiting);
                });
                return count(asked, "loan", "loans") + " asked about, " +
                       std::to_string(due - asked) + " left for later";
            },
            "Asks the prescriber and the resident whether equipment on loan for over six months "
            "is still needed"};
}

store::BackgroundJob expiry(web::App& app) {
    return {"expire-sessions-and-keys", JobSchedule::interval(std::chrono::hours(1)),
            [&app] {
                const auto now = app.now();
                const auto expired = app.db.write([&](store::Connection& c) {
                    return store::expireRetainedRows(c, now, now - kIdempotencyKeyRetention);
                });
                return count(static_cast<std::int64_t>(expired.sessions), "expired session",
                             "expired sessions") +
                       " and " +
                       count(static_cast<std::int64_t>(expired.idempotencyKeys), "idempotency key",
                             "idempotency keys") +
                       " removed";
            },
            "Removes sign-in sessions that have expired and retry answers kept over a week"};
}

store::BackgroundJob nightlyBackup(web::App& app, const ServiceJobOptions& options) {
    return {"backup", JobSchedule::daily("02:00"),
            [&app, options] {
                const auto done = store::backupIntoDirectory(options.database, *options.backupDir,
                                                             options.backupKeep, app.now());
                return done.file.string() + " (" + std::to_string(done.bytes) + " bytes); " +
                       count(static_cast<std::int64_t>(done.removed.size()), "older backup",
                             "older backups") +
                       " removed";
            },
            "Copies the whole database into " + options.backupDir->string() +
                ", keeping the newest " + std::to_string(options.backupKeep)};
}

}  // namespace

void addServiceJobs(store::JobRunner& runner, web::App& app, const ServiceJobOptions& options) {
    runner.add(reportRollups(app));
    runner.add(lateSpecialsWatch(app));
    runner.add(inspectionVisits(app));
    runner.add(horizonReplan(app));
    runner.add(stillNeededCheckIns(app));
    runner.add(expiry(app));
    if (options.backupDir) runner.add(nightlyBackup(app, options));
}

}  // namespace ces::cli
