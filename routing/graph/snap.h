#pragma once
// Snapping a position (an address's coordinates) to the nearest road node.
#include <memory>
#include <optional>
#include <vector>

#include "routing/graph/geo.h"
#include "routing/graph/road_graph.h"

namespace ces::routing {

/// A position moved onto the road network.
struct SnappedPoint {
    RoadNodeId node;      ///< The nearest road node.
    double metres = 0.0;  ///< Great-circle distance from the position to that node.
};

/// A spatial index (Boost.Geometry R-tree) over the nodes of a graph: a lookup costs
/// O(log n), not a scan of every node. Safe to query from several threads at once.
class SnapIndex {
  public:
    /// Indexes every node of the graph (the graph itself is not kept).
    explicit SnapIndex(const RoadGraph& graph);
    ~SnapIndex();                                ///< Frees the tree.
    SnapIndex(SnapIndex&&) noexcept;             ///< Moves the tree.
    SnapIndex& operator=(SnapIndex&&) noexcept;  ///< Moves the tree.

    /// The node at the least great-circle distance (ties: the lowest node id); empty only
    /// when the graph has no nodes. Throws RoadGraphError for a position off the globe.
    std::optional<SnappedPoint> nearest(const LatLon& point) const;
    /// nearest() for each point; throws RoadGraphError if the graph is empty.
    std::vector<SnappedPoint> snapAll(const std::vector<LatLon>& points) const;

  private:
    struct Tree;
    std::unique_ptr<Tree> tree_;
    std::vector<LatLon> positions_;
};

}  // namespace ces::routing
