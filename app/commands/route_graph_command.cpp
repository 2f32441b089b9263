// `ces route import|matrix|snap`: the road graph on its own, for operators and benchmarks.
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/commands/route_command.h"
#include "routing/graph/errors.h"
#include "routing/graph/graph_file.h"
#include "routing/graph/osm_import.h"
#include "routing/graph/road_travel_times.h"
#include "routing/graph/sample_positions.h"
#include "routing/graph/snap.h"
#include "routing/graph/travel_matrix.h"

namespace ces::cli {

namespace {

using namespace ces::routing;
using Clock = std::chrono::steady_clock;

constexpr const char* kUsage =
    "usage: ces route import OSMFILE OUTFILE\n"
    "       ces route matrix GRAPHFILE --random N [--seed S] [--threads T]\n"
    "       ces route snap GRAPHFILE LAT LON\n"
    "OSMFILE: .osm.pbf, .osm, .osm.bz2 or .osm.gz; GRAPHFILE: a file written by import\n"
    "(an OpenStreetMap file is imported on the spot).\n";

int usage() {
    std::cerr << kUsage;
    return 2;
}

template <class T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int importCommand(const std::vector<std::string>& args) {
    if (args.size() != 3) return usage();
    const auto start = Clock::now();
    const ImportedRoadGraph imported = importOsm(args[1]);
    const double importMs = millisecondsSince(start);
    saveRoadGraph(imported.graph, std::filesystem::path(args[2]));
    std::printf(
        "{\"nodes\":%zu,\"edges\":%zu,\"ways_driven\":%zu,\"nodes_before_islands\":%zu,"
        "\"import_ms\":%.0f,\"file_bytes\":%ju}\n",
        imported.graph.nodeCount(), imported.graph.arcCount(), imported.stats.waysDriven,
        imported.stats.nodesBefore, importMs,
        static_cast<std::uintmax_t>(std::filesystem::file_size(args[2])));
    return 0;
}

int matrixCommand(const std::vector<std::string>& args) {
    if (args.size() < 4 || args.size() % 2 != 0) return usage();
    std::optional<std::size_t> count;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
        const std::string_view flag = args[i];
        const std::string& value = args[i + 1];
        if (flag == "--random") {
            count = parseNumber<std::size_t>(value);
            if (!count || *count == 0) return usage();
        } else if (flag == "--seed") {
            const auto parsed = parseNumber<std::uint64_t>(value);
            if (!parsed) return usage();
            seed = *parsed;
        } else if (flag == "--threads") {
            const auto parsed = parseNumber<unsigned>(value);
            if (!parsed || *parsed == 0) return usage();
            threads = *parsed;
        } else {
            return usage();
        }
    }
    if (!count) return usage();

    auto graph = std::make_shared<const RoadGraph>(openRoadGraph(args[1]));
    // No cache: every run times the full matrix.
    const RoadGraphTravelTimes times(graph, {.threads = threads, .cacheCapacity = 0});
    const std::vector<LatLon> positions = sampleRoadPositions(*graph, *count, seed);
    const auto start = Clock::now();
    const TravelMatrix matrix = times.matrix(positions);
    const double ms = millisecondsSince(start);
    std::size_t unreachable = 0;
    for (const Seconds s : matrix.seconds) unreachable += s == TravelMatrix::kUnreachable;
    std::printf(
        "{\"n\":%zu,\"time_ms\":%.1f,\"threads\":%u,\"checksum\":\"%016jx\",\"unreachable\":%zu}\n",
        matrix.size, ms, resolveThreadCount(threads),
        static_cast<std::uintmax_t>(matrixChecksum(matrix)), unreachable);
    return 0;
}

int snapCommand(const std::vector<std::string>& args) {
    if (args.size() != 4) return usage();
    const auto lat = parseNumber<double>(args[2]);
    const auto lon = parseNumber<double>(args[3]);
    if (!lat || !lon) return usage();
    const RoadGraph graph = openRoadGraph(args[1]);
    const auto snapped = SnapIndex(graph).nearest({*lat, *lon});
    if (!snapped) throw RoadGraphError("the road graph has no nodes");
    const LatLon at = graph.position(snapped->node);
    const auto osmId = graph.osmId(snapped->node);
    std::printf("{\"node\":%u,\"lat\":%.7f,\"lon\":%.7f,\"metres\":%.1f,\"osm_id\":%s}\n",
                snapped->node.value(), at.lat, at.lon, snapped->metres,
                osmId ? std::to_string(*osmId).c_str() : "null");
    return 0;
}

}  // namespace

int runRouteGraphCommand(const std::vector<std::string>& args) {
    if (args.empty()) return usage();
    try {
        if (args[0] == "import") return importCommand(args);
        if (args[0] == "matrix") return matrixCommand(args);
        if (args[0] == "snap") return snapCommand(args);
    } catch (const RoadGraphError& error) {
        std::cerr << "ces route " << args[0] << ": " << error.what() << "\n";
        return 1;
    }
    return usage();
}

}  // namespace ces::cli
