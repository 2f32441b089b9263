// Runs the solver on every Solomon instance and compares with the best-known solutions:
//   bench_solomon [--time-limit-ms N] [--threads N] [--seed N] [--only C1,R101,...]
//                 [--objective vehicles-then-distance|distance] [--dir D] [--bks FILE]
// Data: $CES_SHARED/data/vrptw (default ../shared/data/vrptw).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/solomon_reader.h"
#include "routing/vrptw/solve.h"

namespace {

using namespace ces::routing;

struct BestKnown {
    std::string family;
    std::size_t vehicles = 0;
    Distance distance;
    std::size_t distanceOnlyVehicles = 0;
    Distance distanceOnly;
};

/// Splits one CSV line, honouring double quotes.
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::map<std::string, BestKnown> readBestKnown(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = csvFields(line);
    auto column = [&](const std::string& name) {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
            throw std::runtime_error("bks.csv has no column " + name);
        }
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t instance = column("instance");
    const std::size_t family = column("family");
    const std::size_t vehicles = column("vehicles");
    const std::size_t distance = column("distance");
    const std::size_t dv = column("distonly_vehicles");
    const std::size_t dd = column("distonly_distance");
    std::map<std::string, BestKnown> result;
    while (std::getline(in, line)) {
        const std::vector<std::string> f = csvFields(line);
        if (f.size() <= std::max({instance, family, vehicles, distance, dv, dd})) {
            continue;
        }
        BestKnown b;
        b.family = f[family];
        b.vehicles = std::stoul(f[vehicles]);
        b.distance = Distance(std::stod(f[distance]));
        b.distanceOnlyVehicles = f[dv].empty() ? 0 : std::stoul(f[dv]);
        b.distanceOnly = Distance(f[dd].empty() ? 0 : std::stod(f[dd]));
        result[f[instance]] = b;
    }
    return result;
}

bool selected(const std::string& name, const std::vector<std::string>& only) {
    if (only.empty()) {
        return true;
    }
    return std::any_of(only.begin(), only.end(), [&](const std::string& prefix) {
        return name.rfind(prefix, 0) == 0 &&
               // "R1" must not select "RC1..."
               (prefix.size() == name.size() || std::isdigit(name[prefix.size()]) ||
                std::isdigit(prefix.back()));
    });
}

struct Row {
    std::string name;
    std::string family;
    std::size_t vehicles;
    Distance distance;
    std::size_t bksVehicles;
    Distance bksDistance;
    double gap;
    long long ms;
    long long bestMs;
    std::uint64_t iterations;
};

}  // namespace

int main(int argc, char** argv) {
    const char* shared = std::getenv("CES_SHARED");
    std::string dataDir = std::string(shared != nullptr ? shared : "../shared") + "/data/vrptw";
    std::string dir;
    std::string bks;
    SolveOptions options;
    std::vector<std::string> only;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--time-limit-ms") {
            options.timeLimit = std::chrono::milliseconds(std::stoll(value));
        } else if (arg == "--threads") {
            options.threads = static_cast<unsigned>(std::stoul(value));
        } else if (arg == "--seed") {
            options.seed = std::stoull(value);
        } else if (arg == "--iterations") {
            options.iterations = std::stoull(value);
        } else if (arg == "--objective") {
            options.objective = parseObjective(value).value_or(Objective::vehiclesThenDistance);
        } else if (arg == "--only") {
            std::size_t start = 0;
            while (start <= value.size()) {
                const std::size_t comma = std::min(value.find(',', start), value.size());
                only.push_back(value.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (arg == "--dir") {
            dir = value;
        } else if (arg == "--bks") {
            bks = value;
        } else {
            std::cerr << "unknown option " << arg << "\n";
            return 2;
        }
    }
    if (dir.empty()) {
        dir = dataDir + "/solomon";
    }
    if (bks.empty()) {
        bks = dataDir + "/bks.csv";
    }
    const bool distanceOnly = options.objective == Objective::distance;
    try {
        const auto best = readBestKnown(bks);
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() == ".txt" &&
                selected(entry.path().stem().string(), only)) {
                files.push_back(entry.path().string());
            }
        }
        std::sort(files.begin(), files.end());
        std::printf(
            "bench/solomon: nproc=%u threads=%u time_limit_ms=%lld seed=%llu objective=%s\n",
            std::thread::hardware_concurrency(), options.threads,
            static_cast<long long>(options.timeLimit.count()),
            static_cast<unsigned long long>(options.seed),
            distanceOnly ? "distance" : "vehicles-then-distance");
        std::printf("%-8s %-4s %4s %4s %10s %10s %7s %7s %7s %9s\n", "instance", "fam", "veh",
                    "bks", "distance", "bks", "gap%", "ms", "best@ms", "iters");
        std::vector<Row> rows;
        for (const std::string& file : files) {
            const SolomonInstance instance = readSolomonFile(file);
            const auto known = best.find(instance.name);
            if (known == best.end()) {
                continue;
            }
            const auto started = std::chrono::steady_clock::now();
            const SolveResult result = solve(instance.problem, options);
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
            const auto violations = check(instance.problem, result.solution);
            if (!violations.empty() || !result.solution.unassigned.empty()) {
                std::printf("%s: INVALID (%s)\n", instance.name.c_str(),
                            violations.empty() ? "unassigned jobs" : violations.front().c_str());
                return 1;
            }
            Row row{instance.name,
                    known->second.family,
                    result.vehicles,
                    result.distance,
                    distanceOnly ? known->second.distanceOnlyVehicles : known->second.vehicles,
                    distanceOnly ? known->second.distanceOnly : known->second.distance,
                    0,
                    ms,
                    static_cast<long long>(result.bestFoundAt.count()),
                    result.iterations};
            row.gap = 100 * (row.distance - row.bksDistance) / row.bksDistance;
            std::printf("%-8s %-4s %4zu %4zu %10.2f %10.2f %7.2f %7lld %7lld %9llu\n",
                        row.name.c_str(), row.family.c_str(), row.vehicles, row.bksVehicles,
                        row.distance.value(), row.bksDistance.value(), row.gap, row.ms, row.bestMs,
                        static_cast<unsigned long long>(row.iterations));
            std::fflush(stdout);
            rows.push_back(row);
        }
        auto summarise = [](const char* label, const std::vector<Row>& group) {
            if (group.empty()) {
                return;
            }
            double gap = 0;
            double gapAtBks = 0;
            std::size_t atBks = 0;
            std::size_t vehicles = 0;
            std::size_t bksVehicles = 0;
            long long ms = 0;
            for (const Row& r : group) {
                gap += r.gap;
                vehicles += r.vehicles;
                bksVehicles += r.bksVehicles;
                ms += r.ms;
                if (r.vehicles <= r.bksVehicles) {
                    ++atBks;
                    gapAtBks += r.gap;
                }
            }
            const auto n = static_cast<double>(group.size());
            std::printf(
                "%-6s n=%2zu vehicles %4zu (bks %4zu)  at bks vehicles %2zu/%zu (%5.1f%%)  "
                "mean gap %6.2f%%  mean gap at bks vehicles %6.2f%%  mean ms %.0f\n",
                label, group.size(), vehicles, bksVehicles, atBks, group.size(),
                100.0 * static_cast<double>(atBks) / n, gap / n,
                atBks == 0 ? 0.0 : gapAtBks / static_cast<double>(atBks),
                static_cast<double>(ms) / n);
        };
        std::map<std::string, std::vector<Row>> families;
        for (const Row& r : rows) {
            families[r.family].push_back(r);
        }
        std::printf("\nper family:\n");
        for (const auto& [family, group] : families) {
            summarise(family.c_str(), group);
        }
        std::printf("\nsummary:\n");
        summarise("all", rows);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
