#pragma once
// Shared by the road-graph tests: where the data lives, and a small hand-drawn graph.
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "routing/graph/road_graph.h"

namespace ces::routing::testing {

/// The shared data folder: $CES_SHARED/data when set, else the build-time default.
inline std::filesystem::path sharedData() {
    if (const char* shared = std::getenv("CES_SHARED"); shared != nullptr && *shared != '\0') {
        return std::filesystem::path(shared) / "data";
    }
    return CES_SHARED_DATA;
}

/// An OpenStreetMap file of the shared data (osm/NAME).
inline std::filesystem::path osmFile(const char* name) { return sharedData() / "osm" / name; }

// The hand-drawn graph, times in deciseconds (lengths in decimetres in brackets):
//
//     A --100 (500)--> B --100 (1000)--> C
//     |                ^                 |
//   50 (400)       10 (200)          40 (400)
//     v                |                 v
//     D ---30 (300)--> E ---200 (2000)-> F        G (no roads)
//
//     and F --300 (3000)--> A closes the loop.
//
// A to B is quicker round by D and E (90) than direct (100), and longer (900 against 500):
// the length reported must follow the fastest path. Every arc is one-way.
enum HandNode : std::uint32_t { A, B, C, D, E, F, G };

inline RoadGraph handDrawnGraph() {
    // About 110 m between neighbours, near London; positions matter only to snapping.
    const std::vector<LatLon> positions{{51.5010, -0.1000}, {51.5010, -0.0984}, {51.5010, -0.0968},
                                        {51.5000, -0.1000}, {51.5000, -0.0984}, {51.5000, -0.0968},
                                        {51.4990, -0.1100}};
    const auto arc = [](HandNode from, HandNode to, Deciseconds time, Decimetres length) {
        return RoadArc{RoadNodeId(from), RoadNodeId(to), {time, length}};
    };
    return RoadGraph(positions, {arc(A, B, 100, 500), arc(B, C, 100, 1000), arc(A, D, 50, 400),
                                 arc(D, E, 30, 300), arc(E, B, 10, 200), arc(C, F, 40, 400),
                                 arc(E, F, 200, 2000), arc(F, A, 300, 3000)});
}

/// Every node of the graph, as ids.
inline std::vector<RoadNodeId> allNodes(const RoadGraph& graph) {
    std::vector<RoadNodeId> nodes;
    for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) nodes.emplace_back(v);
    return nodes;
}

}  // namespace ces::routing::testing
