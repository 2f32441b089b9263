// A county-week: N visits (deliveries, collections, inspections, repairs) at real Kent
// postcodes, due over 5 working days, some with a booked 2-hour slot, from the demo's two depots,
// planned two ways in the same run:
//   horizon   all five days at once (warehouse::solveHorizon, as POST /api/v1/plans/optimise)
//   baseline  each day alone, earliest due first, with the day's 2-working-day look-ahead (as the
//             service planned before the horizon)
//   bench_horizon [--visits N] [--vans N per day] [--seconds S horizon limit] [--seed N]
//                 [--shared DIR]
// Prints both: solve time, visits late, left out, vans per day and distance, and the ratio.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/csv.h"
#include "routing/vrptw/rng.h"
#include "routing/vrptw/solve.h"
#include "warehouse/dispatch.h"
#include "warehouse/horizon.h"

namespace {

using namespace ces;
using std::chrono::year_month_day;
using Clock = std::chrono::steady_clock;

struct Place {
    double lat = 0;
    double lon = 0;
    std::string district;
};

struct Figures {
    double seconds = 0;
    int late = 0;
    int leftOut = 0;
    std::vector<int> vansPerDay;
    double km = 0;
    std::map<std::string, int> leftOutWhy;  ///< By the reason's first words (before any ':').
};

std::vector<Place> countyPostcodes(const std::string& shared, std::map<std::string, Place>& all) {
    std::ifstream file(shared + "/data/geo/kent_postcodes.csv");
    if (!file) throw std::runtime_error("cannot read the postcodes under " + shared);
    CsvTable table(file);
    std::vector<Place> county;
    while (table.next()) {
        Place place{std::stod(table.field("lat")), std::stod(table.field("lon")),
                    table.field("district_name")};
        all[table.field("postcode")] = place;
        if (table.field("kcc_area") == "1") county.push_back(place);
    }
    return county;
}

// The demo's depots (data/depots.csv): code, place and the districts each serves.
std::vector<store::VanCrew> depotsAndVans(const std::map<std::string, Place>& postcodes,
                                          int vansPerDay, std::map<std::string, DepotId>& serving,
                                          std::size_t& depotCount) {
    std::ifstream file(std::string(CES_SOURCE_DIR) + "/data/depots.csv");
    CsvTable table(file);
    std::vector<store::VanCrew> depots;
    while (table.next()) {
        store::VanCrew depot;
        depot.depot = DepotId(static_cast<std::int64_t>(depots.size() + 1));
        depot.depotCode = table.field("code");
        const auto& place = postcodes.at(table.field("postcode"));
        depot.depotLat = place.lat;
        depot.depotLon = place.lon;
        std::string districts = table.field("districts") + ";";
        for (std::size_t at = 0, end; (end = districts.find(';', at)) != std::string::npos;
             at = end + 1) {
            serving[districts.substr(at, end - at)] = depot.depot;
        }
        depots.push_back(depot);
    }
    depotCount = depots.size();
    std::vector<store::VanCrew> vans;
    for (int v = 0; v < vansPerDay; ++v) {
        store::VanCrew van = depots[static_cast<std::size_t>(v) % depots.size()];
        van.vanId = VanId(v + 1);
        van.code = van.depotCode;
        van.code.append("-").append(std::to_string(v + 1));
        van.capacity = 40;
        van.co2GramsPerKm = 240;
        van.people = v % 2 == 0 ? 2 : 1;
        van.liftingEngineer = v % 5 == 0;
        van.shiftStartSeconds = 8 * 3600;
        van.shiftEndSeconds = 17 * 3600;
        vans.push_back(van);
    }
    return vans;
}

store::VisitItem itemFor(routing::Rng& rng, VisitKind kind) {
    store::VisitItem item;
    item.quantity = 1;
    item.vanSpace = 1 + static_cast<int>(rng.uniform() * 6);
    item.twoPerson = kind != VisitKind::inspection && rng.uniform() < 0.2;
    item.needsFitting = kind == VisitKind::delivery && rng.uniform() < 0.15;
    if (rng.uniform() < 0.3) item.maintenance.skill = MaintenanceSkill::lifting_engineer;
    return item;
}

std::vector<store::VisitJob> week(routing::Rng& rng, int count, const std::vector<Place>& county,
                                  const std::map<std::string, DepotId>& serving,
                                  const std::vector<year_month_day>& days) {
    std::vector<store::VisitJob> visits;
    for (int i = 0; i < count; ++i) {
        store::VisitJob visit;
        visit.id = VisitId(i + 1);
        const double kind = rng.uniform();
        visit.kind = kind < 0.5    ? VisitKind::delivery
                     : kind < 0.85 ? VisitKind::collection
                     : kind < 0.95 ? VisitKind::inspection
                                   : VisitKind::repair;
        const auto& place = county[static_cast<std::size_t>(rng.uniform() * county.size())];
        visit.lat = place.lat;
        visit.lon = place.lon;
        const auto depot = serving.find(place.district);
        visit.depot = depot == serving.end() ? DepotId(1) : depot->second;
        const auto due = static_cast<std::size_t>(rng.uniform() * days.size());
        visit.dueDate = days[due];
        if (rng.uniform() < 0.1) {
            const int start = (8 + 2 * static_cast<int>(rng.uniform() * 4)) * 3600;
            visit.slotStartSeconds = start;
            visit.slotEndSeconds = start + 2 * 3600;
        }
        visit.items.push_back(itemFor(rng, visit.kind));
        visits.push_back(visit);
    }
    return visits;
}

Figures horizon(const std::vector<year_month_day>& days, const std::vector<store::VisitJob>& visits,
                const std::vector<store::VanCrew>& vans, const warehouse::DispatchPolicy& policy) {
    const auto started = Clock::now();
    const auto solved = warehouse::solveHorizon(days, visits, vans, policy, true);
    Figures figures;
    figures.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    figures.late = static_cast<int>(solved.late.size());
    figures.leftOut = static_cast<int>(solved.leftOut.size());
    for (const auto& out : solved.leftOut)
        ++figures.leftOutWhy[out.reason.substr(0, out.reason.find(':'))];
    for (const auto& day : solved.days) {
        figures.vansPerDay.push_back(day.vansUsed);
        figures.km += static_cast<double>(day.distanceMetres) / 1000.0;
    }
    return figures;
}

// Each day alone: what is due within the look-ahead and not yet placed, most urgent first.
Figures baseline(const std::vector<year_month_day>& days,
                 const std::vector<store::VisitJob>& visits,
                 const std::vector<store::VanCrew>& vans, warehouse::DispatchPolicy policy) {
    const auto started = Clock::now();
    policy.timeLimit = policy.horizonTimeLimit / static_cast<long>(days.size());
    std::vector<bool> placed(visits.size(), false);
    Figures figures;
    for (std::size_t d = 0; d < days.size(); ++d) {
        const auto until = days[std::min(d + 2, days.size() - 1)];
        std::vector<store::VisitJob> today;
        std::vector<std::size_t> index;
        for (std::size_t i = 0; i < visits.size(); ++i) {
            const bool slotToday = !visits[i].slotStartSeconds || visits[i].dueDate == days[d];
            if (!placed[i] && visits[i].dueDate <= until && slotToday) {
                today.push_back(visits[i]);
                index.push_back(i);
            }
        }
        const auto built = warehouse::buildProblem(days[d], today, vans, policy);
        routing::SolveOptions options;
        options.timeLimit = policy.timeLimit;
        options.seed = policy.seed;
        const auto solved = routing::solve(built.problem, options);
        int used = 0;
        for (const auto& route : solved.solution.routes) {
            ++used;
            figures.km += routing::routeDistance(built.problem, route).value() / 1000.0;
            for (const std::size_t j : route.jobs) {
                placed[index[j]] = true;
                if (days[d] > visits[index[j]].dueDate) ++figures.late;
            }
        }
        figures.vansPerDay.push_back(used);
    }
    for (std::size_t i = 0; i < visits.size(); ++i) figures.leftOut += placed[i] ? 0 : 1;
    figures.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return figures;
}

void print(const char* name, const Figures& f) {
    std::string vans;
    for (int v : f.vansPerDay) {
        if (!vans.empty()) vans.append(" ");
        vans.append(std::to_string(v));
    }
    std::printf("%-9s %7.1f s  late %4d  left out %4d  vans per day [%s]  distance %9.1f km\n",
                name, f.seconds, f.late, f.leftOut, vans.c_str(), f.km);
    for (const auto& [why, n] : f.leftOutWhy) std::printf("  left out %4d: %s\n", n, why.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    int visitCount = 2500;
    int vansPerDay = 30;
    long seconds = 30;
    std::uint64_t seed = 1;
    std::string shared = std::getenv("CES_SHARED") ? std::getenv("CES_SHARED") : "../shared";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--visits")
            visitCount = std::stoi(value);
        else if (arg == "--vans")
            vansPerDay = std::stoi(value);
        else if (arg == "--seconds")
            seconds = std::stol(value);
        else if (arg == "--seed")
            seed = std::stoull(value);
        else if (arg == "--shared")
            shared = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    std::map<std::string, Place> postcodes;
    const auto county = countyPostcodes(shared, postcodes);
    std::map<std::string, DepotId> serving;
    std::size_t depotCount = 0;
    const auto vans = depotsAndVans(postcodes, vansPerDay, serving, depotCount);
    const std::vector<year_month_day> days = warehouse::horizonDays(
        year_month_day{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(2)}, 5,
        WorkingDayCalendar());
    routing::Rng rng(seed);
    const auto visits = week(rng, visitCount, county, serving, days);
    warehouse::DispatchPolicy policy;
    policy.horizonTimeLimit = std::chrono::seconds(seconds);
    policy.iterations = 0;  // until the time limit
    policy.seed = seed;
    std::printf(
        "bench_horizon: %d visits over 5 working days, %d vans a day from %zu depots, "
        "seed %llu; nproc %u\n",
        visitCount, vansPerDay, depotCount, static_cast<unsigned long long>(seed),
        std::thread::hardware_concurrency());
    std::printf("time limit: horizon %ld s in one solve; baseline %ld s shared by the 5 days\n",
                seconds, seconds);
    const Figures whole = horizon(days, visits, vans, policy);
    print("horizon", whole);
    const Figures alone = baseline(days, visits, vans, policy);
    print("baseline", alone);
    std::printf("distance horizon/baseline %.3f (%.1f%% less); late %d vs %d; left out %d vs %d\n",
                whole.km / alone.km, 100.0 * (1.0 - whole.km / alone.km), whole.late, alone.late,
                whole.leftOut, alone.leftOut);
    // The horizon plans more visits than the baseline, and each adds distance: per visit planned
    // the two compare like for like.
    const double wholePerVisit = whole.km / (visitCount - whole.leftOut);
    const double alonePerVisit = alone.km / (visitCount - alone.leftOut);
    std::printf("per visit planned: horizon %.2f km, baseline %.2f km (%.1f%% less)\n",
                wholePerVisit, alonePerVisit, 100.0 * (1.0 - wholePerVisit / alonePerVisit));
    return 0;
}
