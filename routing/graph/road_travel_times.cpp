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

RoadGraph reversedGraph(const RoadGraph& graph) {
    std::vector<LatLon> positions;
    std::vector<RoadArc> arcs;
    positions.reserve(graph.nodeCount());
    arcs.reserve(graph.arcCount());
    for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) {
        positions.push_back(graph.position(RoadNodeId(v)));
        for (const RoadArc& arc : graph.arcsFrom(RoadNodeId(v))) {
            arcs.push_back({arc.to, arc.from, arc.data});
        }
    }
    return RoadGraph(std::move(positions), arcs);
}

}  // namespace

RoadGraphTravelTimes::RoadGraphTravelTimes(std::shared_ptr<const RoadGraph> graph,
                                           RoadTravelOptions options)
    : graph_(graph ? std::move(graph) : throw RoadGraphError("road travel times need a graph")),
      reversed_(reversedGraph(*graph_)),
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
    std::vector<bool> known(k * k, false);
    // Nodes never timed before (their own pair is not cached) are timed out of and into;
    // then any row still incomplete (two old nodes never asked about together) is timed again
    // against every target.
    std::vector<std::size_t> fresh;
    {
        const std::lock_guard lock(cacheMutex_);
        for (std::size_t r = 0; r < k; ++r) {
            for (std::size_t c = 0; c < k && options_.cacheCapacity > 0; ++c) {
                const auto it = cache_.find(pairKey(nodes[r], nodes[c]));
                if (it == cache_.end()) continue;
                table[r * k + c] = it->second;
                known[r * k + c] = true;
            }
            if (!known[r * k + r]) fresh.push_back(r);
        }
    }
    if (fresh.size() == k) {
        compute(nodes, fresh, {}, table);
        return table;
    }
    if (!fresh.empty()) {
        compute(nodes, fresh, fresh, table);
        for (const std::size_t f : fresh) {
            for (std::size_t c = 0; c < k; ++c) known[f * k + c] = known[c * k + f] = true;
        }
    }
    std::vector<std::size_t> incomplete;
    for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t c = 0; c < k; ++c) {
            if (!known[r * k + c]) {
                incomplete.push_back(r);
                break;
            }
        }
    }
    if (!incomplete.empty()) compute(nodes, incomplete, {}, table);
    return table;
}

void RoadGraphTravelTimes::compute(const std::vector<RoadNodeId>& nodes,
                                   const std::vector<std::size_t>& rows,
                                   const std::vector<std::size_t>& columns,
                                   std::vector<Cell>& table) const {
    const std::size_t k = nodes.size();
    const auto pick = [&](const std::vector<std::size_t>& at) {
        std::vector<RoadNodeId> picked;
        for (const std::size_t i : at) picked.push_back(nodes[i]);
        return picked;
    };
    if (!rows.empty()) {
        const RoadMatrix out = roadMatrix(*graph_, pick(rows), nodes, options_.threads);
        for (std::size_t m = 0; m < rows.size(); ++m) {
            for (std::size_t c = 0; c < k; ++c) {
                table[rows[m] * k + c] = {out.duration(m, c), out.length(m, c)};
            }
        }
    }
    if (!columns.empty()) {
        const RoadMatrix in = roadMatrix(reversed_, pick(columns), nodes, options_.threads);
        for (std::size_t m = 0; m < columns.size(); ++m) {
            for (std::size_t r = 0; r < k; ++r) {
                table[r * k + columns[m]] = {in.duration(m, r), in.length(m, r)};
            }
        }
    }
    const std::size_t adding = (rows.size() + columns.size()) * k;
    if (options_.cacheCapacity == 0 || adding > options_.cacheCapacity) return;
    const std::lock_guard lock(cacheMutex_);
    if (cache_.size() + adding > options_.cacheCapacity) cache_.clear();
    const auto keep = [&](std::size_t r, std::size_t c) {
        cache_.insert_or_assign(pairKey(nodes[r], nodes[c]), table[r * k + c]);
    };
    for (const std::size_t r : rows) {
        for (std::size_t c = 0; c < k; ++c) keep(r, c);
    }
    for (const std::size_t c : columns) {
        for (std::size_t r = 0; r < k; ++r) keep(r, c);
    }
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
