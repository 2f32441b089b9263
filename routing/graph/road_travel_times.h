#pragma once
// Travel times on a road graph: positions are snapped to road nodes, node-to-node times
// come from Dijkstra (travel_matrix.h) and are cached per node pair.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "routing/graph/fallback_matrix.h"
#include "routing/graph/road_graph.h"
#include "routing/graph/snap.h"
#include "routing/graph/travel_times.h"

namespace ces::routing {

/// Choices for road-graph travel times.
struct RoadTravelOptions {
    /// Threads for the matrix; 0 = every core.
    unsigned threads = 0;
    /// Speed in km/h of the leg between a position and its snapped node (a driveway, an
    /// unmapped lane, parking and walking to the door), added at both ends of a trip so two
    /// addresses on the same node are not 0 s apart. Must be > 0.
    double accessSpeedKmh = 15.0;
    /// Node pairs kept in the cache (about 50 bytes each); 0 turns caching off. When full,
    /// the cache is emptied and refilled: matrices for a day reuse the same stops.
    std::size_t cacheCapacity = 1'000'000;
    /// A position farther than this from every road node is not snapped: it lies outside
    /// the extract or its coordinates are wrong, and the access leg alone would cost over
    /// 4 minutes each way at 15 km/h. Its trips take the great-circle fallback instead and
    /// it is listed in TravelMatrix::estimated. Town and rural postcode centroids in England
    /// lie within a few hundred metres of a mapped road node. Must be > 0.
    double maxSnapMetres = 1000.0;
    /// The estimate for positions beyond maxSnapMetres.
    FallbackParameters fallback{};
};

/// Travel times on a road graph; safe to call from several threads. A question that adds a
/// few new places to ones already asked about (a slot offer: a day's stops plus one resident)
/// costs two Dijkstras per new place: one out of it, and one into it on the reversed graph.
class RoadGraphTravelTimes final : public TravelTimeSource {
  public:
    /// Builds the snapping index (the graph is shared, not copied). Throws RoadGraphError if
    /// the graph is empty or an option is out of range.
    explicit RoadGraphTravelTimes(std::shared_ptr<const RoadGraph> graph,
                                  RoadTravelOptions options = {});

    /// Snaps every position, then times node to node plus the access legs at both ends;
    /// a trip to or from a position beyond maxSnapMetres is the fallback's. Unreachable pairs (only
    /// possible if the graph was not reduced to one strongly connected component) are
    /// TravelMatrix::kUnreachable.
    TravelMatrix matrix(const std::vector<LatLon>& positions) const override;
    std::string describe() const override;  ///< "road graph (N nodes, M arcs)".

    const RoadGraph& graph() const { return *graph_; }             ///< The graph used.
    const SnapIndex& snapIndex() const { return snap_; }           ///< Its spatial index.
    const RoadTravelOptions& options() const { return options_; }  ///< As given.
    std::size_t cachedPairs() const;                               ///< Node pairs currently cached.

  private:
    struct Cell {
        Deciseconds duration;
        Decimetres length;
    };
    /// Node to node, row-major over `nodes`, from the cache or Dijkstra (filling the cache).
    std::vector<Cell> nodeTable(const std::vector<RoadNodeId>& nodes) const;
    /// Fills the rows of `rows` (out of each) and the columns of `columns` (into each, on the
    /// reversed graph) of `table`, and caches them.
    void compute(const std::vector<RoadNodeId>& nodes, const std::vector<std::size_t>& rows,
                 const std::vector<std::size_t>& columns, std::vector<Cell>& table) const;

    std::shared_ptr<const RoadGraph> graph_;
    RoadGraph reversed_;  ///< Every arc turned round: times into a node.
    SnapIndex snap_;
    RoadTravelOptions options_;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::uint64_t, Cell> cache_;
};

}  // namespace ces::routing
