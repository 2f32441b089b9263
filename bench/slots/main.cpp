// Slot offers for a new job on a synthetic day (400 stops, 20 vans, 2-hour slots 08:00-18:00):
//   bench_slots [--offers N] [--stops N] [--vans N] [--solve-ms N] [--seed N]
// Prints p50/p99/max latency of one offer on a prepared day plan, and of preparing the plan and
// offering (what a request does when the plan is not cached).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "routing/vrptw/rng.h"
#include "routing/vrptw/slots.h"
#include "routing/vrptw/solve.h"

namespace {

using namespace ces::routing;
using Clock = std::chrono::steady_clock;

constexpr Time kHour(3600);
constexpr double kMetresPerSecond = 11;  // about 40 km/h across a county, door to door

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[at];
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t offers = 2000;
    std::size_t stops = 400;
    std::size_t vanCount = 20;
    long long solveMs = 3000;
    std::uint64_t seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--offers") {
            offers = std::stoul(value);
        } else if (arg == "--stops") {
            stops = std::stoul(value);
        } else if (arg == "--vans") {
            vanCount = std::stoul(value);
        } else if (arg == "--solve-ms") {
            solveMs = std::stoll(value);
        } else if (arg == "--seed") {
            seed = std::stoull(value);
        } else {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    const std::size_t newSites = 200;
    Rng rng(seed);

    // Depot at the centre of a 40 km square; planned stops, then sites for new jobs.
    std::vector<std::pair<double, double>> points{{20000, 20000}};
    for (std::size_t i = 0; i < stops + newSites; ++i) {
        points.emplace_back(rng.uniform() * 40000, rng.uniform() * 40000);
    }
    const std::size_t n = points.size();
    std::vector<Time> durations(n * n);
    std::vector<Distance> distances(n * n);
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < n; ++b) {
            const double d = 1.3 * std::hypot(points[a].first - points[b].first,
                                              points[a].second - points[b].second);
            distances[a * n + b] = Distance(std::round(d));
            durations[a * n + b] = Time(std::round(d / kMetresPerSecond));
        }
    }
    std::vector<Job> jobs;
    for (std::size_t i = 1; i <= stops; ++i) {
        Job job;
        job.id = std::to_string(i);
        job.location = i;
        job.kind = rng.uniform() < 0.7 ? JobKind::delivery : JobKind::pickup;
        job.demand = 1 + static_cast<Load>(rng.below(3));
        job.service = Time(600 + 60 * static_cast<double>(rng.below(11)));
        const Time slot = 8 * kHour + 2 * kHour * static_cast<double>(rng.below(5));
        job.windows = {TimeWindow(slot, slot + 2 * kHour)};
        job.skills = rng.uniform() < 0.1 ? kTwoPersonCrew : 0;
        jobs.push_back(job);
    }
    std::vector<Vehicle> vans(vanCount);
    for (std::size_t v = 0; v < vanCount; ++v) {
        vans[v].id = "van" + std::to_string(v + 1);
        vans[v].shift = TimeWindow(7.5 * kHour, 18.5 * kHour);
        vans[v].capacity = 40;
        vans[v].skills = v % 4 == 0 ? kTwoPersonCrew : 0;
    }
    const Problem problem(Matrix(n, durations, distances), jobs, vans);
    SolveOptions options;
    options.timeLimit = std::chrono::milliseconds(solveMs);
    const SolveResult plan = solve(problem, options);

    std::vector<double> offerMs;
    std::vector<double> prepareAndOfferMs;
    std::size_t feasible = 0;
    const std::vector<TimeWindow> candidates = slotsBetween(8 * kHour, 18 * kHour);
    const DayPlan day(problem, plan.solution);
    for (std::size_t i = 0; i < offers; ++i) {
        Job job;
        job.id = "new";
        job.location = 1 + stops + rng.below(newSites);
        job.kind = rng.uniform() < 0.7 ? JobKind::delivery : JobKind::pickup;
        job.demand = 1 + static_cast<Load>(rng.below(3));
        job.service = Time(900);
        const auto a = Clock::now();
        const std::vector<SlotOffer> found = offerSlots(day, job, candidates);
        const auto b = Clock::now();
        const DayPlan fresh(problem, plan.solution);
        const std::vector<SlotOffer> again = offerSlots(fresh, job, candidates);
        const auto c = Clock::now();
        feasible += found.size();
        if (found.size() != again.size()) {
            std::fprintf(stderr, "inconsistent offers\n");
            return 1;
        }
        offerMs.push_back(std::chrono::duration<double, std::milli>(b - a).count());
        prepareAndOfferMs.push_back(std::chrono::duration<double, std::milli>(c - b).count());
    }
    std::printf(
        "bench/slots: nproc=%u stops=%zu vans=%zu planned=%zu unassigned=%zu vans_used=%zu "
        "candidates=%zu offers=%zu mean_feasible_slots=%.2f\n",
        std::thread::hardware_concurrency(), stops, vanCount,
        stops - plan.solution.unassigned.size(), plan.solution.unassigned.size(), plan.vehicles,
        candidates.size(), offers, static_cast<double>(feasible) / static_cast<double>(offers));
    std::printf("offer on prepared day plan: p50 %.3f ms  p99 %.3f ms  max %.3f ms\n",
                percentile(offerMs, 0.5), percentile(offerMs, 0.99), percentile(offerMs, 1.0));
    std::printf(
        "prepare plan + offer:       p50 %.3f ms  p99 %.3f ms  max %.3f ms  (target p99 <= 5 ms)\n",
        percentile(prepareAndOfferMs, 0.5), percentile(prepareAndOfferMs, 0.99),
        percentile(prepareAndOfferMs, 1.0));
    return 0;
}
