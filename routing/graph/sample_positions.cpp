#include "routing/graph/sample_positions.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "routing/graph/errors.h"

namespace ces::routing {

std::vector<LatLon> sampleRoadPositions(const RoadGraph& graph, std::size_t count,
                                        std::uint64_t seed, double jitterMetres) {
    if (graph.nodeCount() == 0) throw RoadGraphError("cannot sample positions on an empty graph");
    // mt19937_64's output is fixed by the standard; the standard distributions are not
    // (they differ between library implementations), so the mapping to ranges is done here.
    std::mt19937_64 random(seed);
    const auto unit = [&] { return static_cast<double>(random() >> 11) * 0x1.0p-53; };
    constexpr double kMetresPerDegree = kEarthRadiusMetres * std::numbers::pi / 180.0;
    std::vector<LatLon> positions;
    positions.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto node = static_cast<std::uint32_t>(random() % graph.nodeCount());
        const LatLon at = graph.position(RoadNodeId(node));
        const double north = (2.0 * unit() - 1.0) * jitterMetres;
        const double east = (2.0 * unit() - 1.0) * jitterMetres;
        const double cosLat = std::max(0.01, std::cos(at.lat * std::numbers::pi / 180.0));
        positions.push_back(
            {std::clamp(at.lat + north / kMetresPerDegree, -90.0, 90.0),
             std::clamp(at.lon + east / (kMetresPerDegree * cosLat), -180.0, 180.0)});
    }
    return positions;
}

}  // namespace ces::routing
