// Same-day changes with vans on the road, end to end on a SQLite database: the demo county, a
// day of about 400 stops (its own work plus inspections and repairs booked for the bench, a
// quarter in 2-hour slots) optimised at 07:00 on extra vans, every stop due to be done by 11:00
// recorded, then one new visit after another put into the day as POST /api/v1/plans/{date}/insert
// does (warehouse::insertIntoDay: load the plan, build the day's problem, find the place, store
// the route). Prints the median, p90 and max of one insertion against the time the whole day's
// plan took (the re-plan a planner would otherwise run), in the same run.
//   bench_same_day [--stops N] [--vans N] [--inserts N] [--solve-seconds S] [--seed N]
//                  [--shared DIR]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/demo/demo_county.h"
#include "core/errors.h"
#include "core/store/admin/accounts.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/warehouse/assets.h"
#include "core/uk_time.h"
#include "warehouse/dispatch.h"
#include "warehouse/same_day_insert.h"

namespace {

using namespace ces;
using std::chrono::year_month_day;
using Clock = std::chrono::steady_clock;

Instant wallClock() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

double milliseconds(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

// Barcodes of units in homes, soonest inspection first.
std::vector<std::string> unitsInHomes(store::Database& db) {
    return db.read([](store::Connection& c) {
        std::vector<std::string> barcodes;
        store::PageRequest page;
        page.limit = 500;
        const Instant farAway = wallClock() + std::chrono::days(3650);
        for (;;) {
            const auto due = store::inspectionsDueBy(c, farAway, page);
            for (const auto& unit : due.items) barcodes.push_back(unit.barcode);
            if (!due.next) return barcodes;
            page.after = due.next;
        }
    });
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t stops = 400;
    int vans = 40;
    std::size_t inserts = 40;
    int solveSeconds = 20;
    unsigned seed = 1;
    std::string shared = std::string(CES_SOURCE_DIR) + "/../shared";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--stops")
            stops = std::stoul(value);
        else if (arg == "--vans")
            vans = std::stoi(value);
        else if (arg == "--inserts")
            inserts = std::stoul(value);
        else if (arg == "--solve-seconds")
            solveSeconds = std::stoi(value);
        else if (arg == "--seed")
            seed = static_cast<unsigned>(std::stoul(value));
        else if (arg == "--shared")
            shared = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    const auto path = std::filesystem::temp_directory_path() /
                      ("ces-bench-same-day-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    const WorkingDayCalendar calendar;
    const Instant now = wallClock();
    const year_month_day day = calendar.nextWorkingDay(toUkLocal(now).date);
    const auto at = [&](int seconds) { return fromUkLocal(day, std::chrono::seconds(seconds)); };
    {
        store::Database db(path.string(), 2);
        demo::DemoOptions options;
        options.dataDir = std::string(CES_SOURCE_DIR) + "/data";
        options.geoDir = shared + "/data/geo";
        options.seed = seed;
        options.now = now;
        std::printf("bench/same_day: building the demo county (seed %u)\n", seed);
        std::fflush(stdout);
        demo::createDemoCounty(db, options, calendar, [](const std::string&) {});

        const Actor planner = db.write([&](store::Connection& c) {
            const UserId id = store::createUser(c, "bench-planner", "Bench planner", Role::planner,
                                                std::nullopt, "bench-planner-password", now);
            return Actor{id, "bench-planner", "Bench planner", Role::planner, std::nullopt};
        });
        // Vans enough for the day, like the demo's two-person lifting vans, at its depots.
        db.write([&](store::Connection& c) {
            const auto fleet = store::listVanCrews(c);
            for (int v = static_cast<int>(fleet.size()); v < vans; ++v) {
                const auto& like = fleet[static_cast<std::size_t>(v) % fleet.size()];
                const auto id = store::createVan(c, "BX" + std::to_string(v), like.depot,
                                                 like.capacity, like.co2GramsPerKm);
                store::createCrew(c, "Bench crew " + std::to_string(v), id, 2, true, 8 * 3600,
                                  17 * 3600);
            }
        });
        // The day's work: what the demo has due, then inspections and repairs of units in homes.
        const auto units = unitsInHomes(db);
        std::vector<std::string> spare;
        std::size_t booked = 0;
        const std::size_t pendingBefore =
            db.read([&](store::Connection& c) { return store::visitsToPlan(c, day, day).size(); });
        std::size_t next = 0;
        for (; next < units.size() && pendingBefore + booked < stops; ++next) {
            const bool slotted = next % 4 == 0;
            const int slotStart = 8 * 3600 + static_cast<int>(next / 4 % 4) * 2 * 3600;
            try {
                db.write([&](store::Connection& c) {
                    return warehouse::requestAssetVisit(
                        c, next % 3 == 2 ? VisitKind::repair : VisitKind::inspection, units[next],
                        day, slotted ? std::optional<int>(slotStart) : std::nullopt,
                        slotted ? std::optional<int>(slotStart + 2 * 3600) : std::nullopt, "bench",
                        planner, now);
                });
                ++booked;
            } catch (const Conflict&) {
            }
        }
        spare.assign(units.begin() + static_cast<std::ptrdiff_t>(next), units.end());

        warehouse::DispatchPolicy policy;
        policy.timeLimit = std::chrono::seconds(solveSeconds);
        policy.iterations = 1'000'000;
        const auto planStart = Clock::now();
        const auto plan = warehouse::optimiseDay(db, day, planner, at(7 * 3600), calendar, policy);
        const double planMs = milliseconds(Clock::now() - planStart);
        std::size_t planned = 0;
        for (const auto& route : plan.routes) planned += route.route.stops.size();

        // By 11:00 the vans have done every stop due to be left by then.
        const int eleven = 11 * 3600;
        std::size_t recorded = 0;
        for (const auto& route : plan.routes) {
            for (std::size_t s = 0; s < route.route.stops.size(); ++s) {
                const auto& stop = route.route.stops[s];
                if (stop.departureSeconds > eleven) break;
                try {
                    db.write([&](store::Connection& c) {
                        return warehouse::recordVisitOutcome(
                            c, stop.visitId, warehouse::doneAsPlanned(route.visits[s].kind),
                            std::nullopt, "", planner, at(stop.departureSeconds), calendar,
                            warehouse::MaintenancePolicy());
                    });
                    ++recorded;
                } catch (const std::exception&) {
                    // a unit collected earlier the same day cannot be inspected in the home
                }
            }
        }

        std::vector<double> times;
        std::size_t applied = 0;
        std::size_t refused = 0;
        std::size_t moved = 0;
        // New repairs of units in homes, those not booked for the day first.
        std::reverse(spare.begin(), spare.end());
        spare.insert(spare.end(), units.rbegin(), units.rend());
        for (std::size_t i = 0; times.size() < inserts && i < spare.size(); ++i) {
            const Instant when = at(eleven + static_cast<int>(times.size()) * 60);
            VisitId visit;
            try {
                visit = db.write([&](store::Connection& c) {
                    return warehouse::requestAssetVisit(c, VisitKind::repair, spare[i], day,
                                                        std::nullopt, std::nullopt, "bench",
                                                        planner, when);
                });
            } catch (const std::exception&) {
                continue;  // a unit collected today, or with a repair booked already
            }
            const auto start = Clock::now();
            try {
                const auto insertion =
                    warehouse::insertIntoDay(db, day, visit, true, planner, when, policy);
                applied += insertion.applied ? 1 : 0;
                moved += insertion.moved.size();
            } catch (const Conflict&) {
                ++refused;
            }
            times.push_back(milliseconds(Clock::now() - start));
        }
        std::printf(
            "bench/same_day: nproc %u; demo seed %u; day %s: %zu stops planned on %zu vans "
            "(%zu in the day's work) in %.0f ms; %zu stops recorded by 11:00\n",
            std::thread::hardware_concurrency(), seed, formatDate(day).c_str(), planned,
            plan.routes.size(), pendingBefore + booked, planMs, recorded);
        std::printf(
            "  insert one visit (repair, vans on the road): %zu runs, %zu applied, %zu refused "
            "(no van can take it), %.1f residents' windows moved on average\n",
            times.size(), applied, refused,
            times.empty() ? 0.0 : static_cast<double>(moved) / static_cast<double>(times.size()));
        const double median = percentile(times, 0.5);
        std::printf(
            "  insert: median %.1f ms, p90 %.1f ms, max %.1f ms (target: median < 200 ms)\n",
            median, percentile(times, 0.9), percentile(times, 1.0));
        std::printf("  re-planning the whole day instead: %.0f ms; ratio %.0fx\n", planMs,
                    median > 0 ? planMs / median : 0.0);
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    return 0;
}
