// bench_matrix [--osm FILE] [--points N] [--seed S] [--runs R] [--cache FILE]
// Imports Monaco (or loads the cached graph file), snaps N random positions (fixed seed) and
// times the N × N matrix with one thread and with every core: median of R runs each, the
// speed-up, how many cores were busy, and whether both gave the same matrix.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "routing/graph/errors.h"
#include "routing/graph/graph_file.h"
#include "routing/graph/osm_import.h"
#include "routing/graph/sample_positions.h"
#include "routing/graph/snap.h"
#include "routing/graph/travel_matrix.h"

namespace {

using namespace ces::routing;
using Clock = std::chrono::steady_clock;

struct Settings {
    std::filesystem::path osm;
    std::filesystem::path cache = std::filesystem::temp_directory_path() / "ces-bench-monaco.graph";
    std::size_t points = 500;
    std::uint64_t seed = 1;
    int runs = 3;
};

struct Timing {
    double medianMs = 0.0;
    double coresBusy = 0.0;  // Process CPU time ÷ wall time over all runs: cores kept busy.
    RoadMatrix matrix;
};

// Other work on the machine skews the figures: print the load average next to them (Linux).
std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    std::string five;
    if (!(in >> one >> five)) return "unknown";
    return one + " " + five;
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Timing time(const RoadGraph& graph, const std::vector<RoadNodeId>& nodes, unsigned threads,
            int runs) {
    // std::clock() is the CPU time of the whole process, every thread included.
    Timing timing;
    std::vector<double> ms;
    double wallTotal = 0.0;
    const std::clock_t cpuStart = std::clock();
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        timing.matrix = roadMatrix(graph, nodes, nodes, threads);
        ms.push_back(msSince(start));
        wallTotal += ms.back();
    }
    const double cpuMs = 1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    std::sort(ms.begin(), ms.end());
    timing.medianMs = ms[ms.size() / 2];
    timing.coresBusy = cpuMs / wallTotal;
    return timing;
}

template <class T>
bool parse(std::string_view text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_matrix [--osm FILE] [--points N] [--seed S] [--runs R] "
                 "[--cache FILE]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    const char* shared = std::getenv("CES_SHARED");
    settings.osm = (shared && *shared ? std::filesystem::path(shared) / "data"
                                      : std::filesystem::path(CES_SHARED_DATA)) /
                   "osm" / "monaco.osm.pbf";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string_view value = argv[i + 1];
        bool ok = true;
        if (flag == "--osm") {
            settings.osm = value;
        } else if (flag == "--cache") {
            settings.cache = value;
        } else if (flag == "--points") {
            ok = parse(value, settings.points) && settings.points > 0;
        } else if (flag == "--seed") {
            ok = parse(value, settings.seed);
        } else if (flag == "--runs") {
            ok = parse(value, settings.runs) && settings.runs > 0;
        } else {
            ok = false;
        }
        if (!ok) return usage();
    }
    if (argc % 2 == 0) return usage();

    try {
        // A cached graph file is reused only if it is newer than the extract it came from.
        const auto start = Clock::now();
        RoadGraph graph;
        std::string source = "import";
        std::error_code ignored;
        if (std::filesystem::exists(settings.cache) &&
            std::filesystem::last_write_time(settings.cache, ignored) >=
                std::filesystem::last_write_time(settings.osm, ignored)) {
            try {
                graph = loadRoadGraph(settings.cache);
                source = "cached graph file";
            } catch (const GraphFileError&) {
            }
        }
        if (source == "import") {
            graph = importOsm(settings.osm).graph;
            saveRoadGraph(graph, settings.cache);
        }
        const double loadMs = msSince(start);

        const auto snapStart = Clock::now();
        const SnapIndex index(graph);
        const auto snapped =
            index.snapAll(sampleRoadPositions(graph, settings.points, settings.seed));
        const double snapMs = msSince(snapStart);
        std::vector<RoadNodeId> nodes;
        for (const SnappedPoint& s : snapped) nodes.push_back(s.node);

        const unsigned cores = resolveThreadCount(0);
        const std::string loadBefore = loadAverage();
        const Timing one = time(graph, nodes, 1, settings.runs);
        const Timing all = time(graph, nodes, cores, settings.runs);
        const bool same = one.matrix.deciseconds == all.matrix.deciseconds &&
                          one.matrix.decimetres == all.matrix.decimetres;

        std::printf("graph        %s: %zu nodes, %zu arcs (%s, %.0f ms)\n",
                    settings.osm.filename().c_str(), graph.nodeCount(), graph.arcCount(),
                    source.c_str(), loadMs);
        std::printf("snap         %zu positions in %.1f ms (index built included)\n",
                    settings.points, snapMs);
        std::printf("nproc        %u (std::thread::hardware_concurrency); load average %s\n", cores,
                    loadBefore.c_str());
        std::printf("1 thread     %.1f ms (median of %d), %.2f cores busy on average\n",
                    one.medianMs, settings.runs, one.coresBusy);
        std::printf("%u threads    %.1f ms (median of %d), %.2f of %u cores busy on average\n",
                    cores, all.medianMs, settings.runs, all.coresBusy, cores);
        std::printf("speed-up     %.2f×\n", one.medianMs / all.medianMs);
        std::printf("same matrix  %s\n", same ? "yes" : "NO");
        std::printf(
            "{\"bench\":\"matrix\",\"graph\":\"%s\",\"nodes\":%zu,\"arcs\":%zu,\"points\":%zu,"
            "\"nproc\":%u,\"ms_1_thread\":%.1f,\"ms_all_threads\":%.1f,\"speedup\":%.2f,"
            "\"cores_busy\":%.2f,\"load_before\":\"%s\",\"deterministic\":%s}\n",
            settings.osm.filename().c_str(), graph.nodeCount(), graph.arcCount(), settings.points,
            cores, one.medianMs, all.medianMs, one.medianMs / all.medianMs, all.coresBusy,
            loadBefore.c_str(), same ? "true" : "false");
        return same ? 0 : 1;
    } catch (const RoadGraphError& error) {
        std::fprintf(stderr, "bench_matrix: %s\n", error.what());
        return 1;
    }
}
