#pragma once
// Keeping only the part of a road network where every node can reach every other.
#include "routing/graph/road_graph.h"

namespace ces::routing {

/// The subgraph of the largest strongly connected component (ties: the one holding the
/// lowest node index), node order preserved. Every node of the result can reach every
/// other, so a point snapped anywhere is never stranded on an island or a dead-end one-way.
RoadGraph largestStronglyConnectedComponent(const RoadGraph& graph);

}  // namespace ces::routing
