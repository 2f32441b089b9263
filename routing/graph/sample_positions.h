#pragma once
// Reproducible random positions on a road network, for benchmarks, tools and tests.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "routing/graph/geo.h"
#include "routing/graph/road_graph.h"

namespace ces::routing {

/// `count` positions near randomly chosen nodes of the graph, each moved up to
/// `jitterMetres` north/south and east/west (so snapping has work to do) — like addresses
/// along the roads, unlike uniform points in the bounding box, which pile onto the edge of
/// the map. The same graph, count, seed and jitter always give the same positions.
/// Throws RoadGraphError if the graph is empty.
std::vector<LatLon> sampleRoadPositions(const RoadGraph& graph, std::size_t count,
                                        std::uint64_t seed, double jitterMetres = 30.0);

}  // namespace ces::routing
