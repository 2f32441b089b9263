#include "routing/graph/road_travel_times.h"

#include <cmath>
#include <optional>
#include <utility>

#include "routing/graph/errors.h"
#include "routing/graph/travel_matrix.h"

namespace ces::routing {

namespace {

std::uint64_t pairKey(RoadNodeId from, RoadNodeId to) {
    return (static_cast<std::uint64_t>(from.value()) << 32) | to.value();
}

}  // namespace

RoadGraphTravelTimes::RoadGraphTravelTimes(std::shared_ptr<const RoadGraph> graph,
                                           RoadTravelOptions options)
    : graph_(graph ? std::move(graph) : throw RoadGraphError("road travel times need a graph")),
      snap_(*graph_),
      options_(options) {
    if (graph_->nodeCount() == 0) throw RoadGraphError("road graph has no nodes");
    if (!std::isfinite(options_.accessSpeedKmh) || options_.accessSpeedKmh <= 0.0) {
        throw RoadGraphError("access speed must be a positive number of km/h");
    }
    if (!std::isfinite(options_.maxSnapMetres) || options_.maxSnapMetres <= 0.0) {
        throw RoadGraphError("the snapping limit must be a positive number of metres");
    }
    checkFallbackParameters(options_.fallback);
}

std::vector<RoadGraphTravelTimes::Cell> RoadGraphTravelTimes::nodeTable(
    const std::vector<RoadNodeId>& nodes) const {
    const std::size_t k = nodes.size();
    std::vector<Cell> table(k * k, Cell{RoadMatrix::kUnreached, RoadMatrix::kUnreached});

    // A row is taken from the cache only if it is complete; otherwise its source is timed
    // again against every target (one Dijkstra settles them all at once).
    std::vector<RoadNodeId> missing;
    std::vector<std::size_t> missingRows;
    {
        const std::lock_guard lock(cacheMutex_);
        for (std::size_t r = 0; r < k; ++r) {
            bool complete = options_.cacheCapacity > 0;
            for (std::size_t c = 0; c < k && complete; ++c) {
                const auto it = cache_.find(pairKey(nodes[r], nodes[c]));
                if (it == cache_.end()) {
                    complete = false;
                } else {
                    table[r * k + c] = it->second;
                }
            }
            if (!complete) {
                missing.push_back(nodes[r]);
                missingRows.push_back(r);
            }
        }
    }
    if (missing.empty()) return table;
    const RoadMatrix computed = roadMatrix(*graph_, missing, nodes, options_.threads);
    for (std::size_t m = 0; m < missing.size(); ++m) {
        for (std::size_t c = 0; c < k; ++c) {
            table[missingRows[m] * k + c] = {computed.duration(m, c), computed.length(m, c)};
        }
    }
    const std::size_t adding = missing.size() * k;
    if (options_.cacheCapacity > 0 && adding <= options_.cacheCapacity) {
        const std::lock_guard lock(cacheMutex_);
        if (cache_.size() + adding > options_.cacheCapacity) cache_.clear();
        for (const std::size_t r : missingRows) {
            for (std::size_t c = 0; c < k; ++c) {
                cache_.insert_or_assign(pairKey(nodes[r], nodes[c]), table[r * k + c]);
            }
        }
    }
    return table;
}

TravelMatrix RoadGraphTravelTimes::matrix(const std::vector<LatLon>& positions) const {
    const std::vector<SnappedPoint> snapped = snap_.snapAll(positions);
    TravelMatrix matrix;
    matrix.size = positions.size();
    matrix.seconds.assign(matrix.size * matrix.size, 0);
    matrix.metres.assign(matrix.size * matrix.size, 0);

    // Several positions often share a node (a block of flats): time each node once. A
    // position too far from every road gets no node.
    std::vector<RoadNodeId> nodes;
    std::vector<std::optional<std::size_t>> slotOf;
    std::unordered_map<RoadNodeId, std::size_t> slots;
    for (std::size_t i = 0; i < snapped.size(); ++i) {
        if (snapped[i].metres > options_.maxSnapMetres) {
            matrix.estimated.push_back(i);
            slotOf.emplace_back();
            continue;
        }
        const auto [it, added] = slots.try_emplace(snapped[i].node, nodes.size());
        if (added) nodes.push_back(snapped[i].node);
        slotOf.emplace_back(it->second);
    }
    const std::size_t k = nodes.size();
    const std::vector<Cell> table = nodeTable(nodes);

    const double accessMetresPerSecond = options_.accessSpeedKmh / 3.6;
    for (std::size_t i = 0; i < matrix.size; ++i) {
        for (std::size_t j = 0; j < matrix.size; ++j) {
            if (i == j) continue;
            const std::size_t at = i * matrix.size + j;
            if (!slotOf[i] || !slotOf[j]) {
                const GreatCircleLeg leg =
                    greatCircleLeg(positions[i], positions[j], options_.fallback);
                matrix.seconds[at] = leg.seconds;
                matrix.metres[at] = leg.metres;
                continue;
            }
            const Cell cell = table[*slotOf[i] * k + *slotOf[j]];
            if (cell.duration == RoadMatrix::kUnreached) {
                matrix.seconds[at] = TravelMatrix::kUnreachable;
                matrix.metres[at] = TravelMatrix::kUnreachable;
                continue;
            }
            const double access = snapped[i].metres + snapped[j].metres;
            matrix.seconds[at] = static_cast<Seconds>(
                std::lround(cell.duration / 10.0 + access / accessMetresPerSecond));
            matrix.metres[at] = static_cast<Metres>(std::lround(cell.length / 10.0 + access));
        }
    }
    return matrix;
}

std::string RoadGraphTravelTimes::describe() const {
    return "road graph (" + std::to_string(graph_->nodeCount()) + " nodes, " +
           std::to_string(graph_->arcCount()) + " arcs)";
}

std::size_t RoadGraphTravelTimes::cachedPairs() const {
    const std::lock_guard lock(cacheMutex_);
    return cache_.size();
}

}  // namespace ces::routing
