#pragma once
// Travel times between road nodes: one-to-many Dijkstra from each source, in parallel.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "routing/graph/road_graph.h"
#include "routing/graph/units.h"

namespace ces::routing {

/// Fastest-path times and the lengths of those paths, sources × targets, row-major.
struct RoadMatrix {
    /// Marks a pair with no path (cannot happen within one strongly connected component).
    static constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

    std::size_t sources = 0;               ///< Rows.
    std::size_t targets = 0;               ///< Columns.
    std::vector<Deciseconds> deciseconds;  ///< Fastest time, or kUnreached.
    std::vector<Decimetres> decimetres;    ///< Length of that fastest path, or kUnreached.

    /// Time from source row i to target column j.
    Deciseconds duration(std::size_t i, std::size_t j) const {
        return deciseconds[i * targets + j];
    }
    /// Length of the fastest path from source row i to target column j.
    Decimetres length(std::size_t i, std::size_t j) const { return decimetres[i * targets + j]; }
    /// Whether target column j can be reached from source row i.
    bool reachable(std::size_t i, std::size_t j) const { return duration(i, j) != kUnreached; }
};

/// Threads to use: `requested`, or every core when it is 0.
unsigned resolveThreadCount(unsigned requested);

/// Runs one Dijkstra per distinct source, each stopping as soon as every distinct target is
/// settled, spread over `threads` threads (0: every core). The result depends only on the
/// graph and the node lists, never on the thread count or scheduling. Throws RoadGraphError
/// for a node outside the graph; an exception in a worker is rethrown here.
RoadMatrix roadMatrix(const RoadGraph& graph, const std::vector<RoadNodeId>& sources,
                      const std::vector<RoadNodeId>& targets, unsigned threads = 0);

}  // namespace ces::routing
