#pragma once
// The road network: a compressed sparse row graph of one-directional road segments
// (arcs) weighted by travel time, plus the position of every node.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "routing/graph/geo.h"
#include "routing/graph/units.h"

namespace ces::routing {

/// What an arc carries: the time a van needs for it and its length.
struct RoadArcData {
    Deciseconds duration = 0;  ///< Travel time at the road's speed.
    Decimetres length = 0;     ///< Length along the road.
};

/// One drivable direction of a road segment; a two-way street is two arcs.
struct RoadArc {
    RoadNodeId from;   ///< Where the van enters the segment.
    RoadNodeId to;     ///< Where it leaves.
    RoadArcData data;  ///< Time and length.
};

/// The Boost.Graph type: directed, 32-bit vertex and edge indices (a county has far fewer
/// than 4 billion road nodes), arc data bundled on the edges.
using RoadCsr =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, RoadArcData,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

/// An immutable road network: nodes with positions, arcs with time and length.
class RoadGraph {
  public:
    /// An empty graph (no nodes).
    RoadGraph();
    /// Builds the graph; arcs may come in any order (kept stable per source node).
    /// `osmIds` is empty or one OpenStreetMap node id per node. Throws RoadGraphError on an
    /// arc naming a node that does not exist, a position off the globe, or sizes that differ.
    RoadGraph(std::vector<LatLon> positions, const std::vector<RoadArc>& arcs,
              std::vector<std::int64_t> osmIds = {});

    std::size_t nodeCount() const { return latE7_.size(); }  ///< Number of nodes.
    std::size_t arcCount() const;                            ///< Number of directed arcs.
    LatLon position(RoadNodeId node) const;                  ///< Throws if out of range.
    /// The OpenStreetMap id of a node, when the graph was imported from OpenStreetMap.
    std::optional<std::int64_t> osmId(RoadNodeId node) const;
    /// Node with the given OpenStreetMap id, if kept (linear scan: tests and tools only).
    std::optional<RoadNodeId> findOsmNode(std::int64_t osmId) const;
    /// Arcs leaving a node, in stored order (for tools and tests; Dijkstra uses csr()).
    std::vector<RoadArc> arcsFrom(RoadNodeId node) const;
    const RoadCsr& csr() const { return csr_; }  ///< The Boost.Graph view for algorithms.

    /// Positions in OpenStreetMap's 1e-7 degree units (what the file stores).
    const std::vector<std::int32_t>& latE7() const { return latE7_; }
    const std::vector<std::int32_t>& lonE7() const { return lonE7_; }    ///< See latE7().
    const std::vector<std::int64_t>& osmIds() const { return osmIds_; }  ///< Empty or one per node.

  private:
    void checkNode(RoadNodeId node) const;

    std::vector<std::int32_t> latE7_;
    std::vector<std::int32_t> lonE7_;
    std::vector<std::int64_t> osmIds_;
    RoadCsr csr_;
};

}  // namespace ces::routing
