#include "routing/graph/road_graph.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "routing/graph/errors.h"

namespace ces::routing {

namespace {

RoadCsr buildCsr(std::size_t nodeCount, const std::vector<RoadArc>& arcs) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<RoadArcData> data;
    ends.reserve(arcs.size());
    data.reserve(arcs.size());
    for (const RoadArc& arc : arcs) {
        if (arc.from.value() >= nodeCount || arc.to.value() >= nodeCount) {
            throw RoadGraphError("road arc " + std::to_string(arc.from.value()) + " -> " +
                                 std::to_string(arc.to.value()) + " names a node outside 0.." +
                                 std::to_string(nodeCount));
        }
        ends.emplace_back(arc.from.value(), arc.to.value());
        data.push_back(arc.data);
    }
    // The unsorted constructor bucket-sorts by source and keeps input order within a
    // source, so a graph saved in CSR order and loaded again has identical arc order (and
    // so identical tie-breaking in Dijkstra).
    return RoadCsr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), data.begin(),
                   static_cast<std::uint32_t>(nodeCount));
}

}  // namespace

RoadGraph::RoadGraph() = default;

RoadGraph::RoadGraph(std::vector<LatLon> positions, const std::vector<RoadArc>& arcs,
                     std::vector<std::int64_t> osmIds)
    : osmIds_(std::move(osmIds)) {
    if (!osmIds_.empty() && osmIds_.size() != positions.size()) {
        throw RoadGraphError("road graph: " + std::to_string(osmIds_.size()) +
                             " OpenStreetMap ids for " + std::to_string(positions.size()) +
                             " nodes");
    }
    if (positions.size() >= std::numeric_limits<std::uint32_t>::max() ||
        arcs.size() >= std::numeric_limits<std::uint32_t>::max()) {
        throw RoadGraphError("road graph: more than 2^32 nodes or arcs");
    }
    latE7_.reserve(positions.size());
    lonE7_.reserve(positions.size());
    for (const LatLon& p : positions) {
        checkLatLon(p, "road node position");
        latE7_.push_back(toFixed7(p.lat));
        lonE7_.push_back(toFixed7(p.lon));
    }
    csr_ = buildCsr(positions.size(), arcs);
}

std::size_t RoadGraph::arcCount() const { return num_edges(csr_); }

void RoadGraph::checkNode(RoadNodeId node) const {
    if (node.value() >= nodeCount()) {
        throw RoadGraphError("road node " + std::to_string(node.value()) + " outside the graph (" +
                             std::to_string(nodeCount()) + " nodes)");
    }
}

LatLon RoadGraph::position(RoadNodeId node) const {
    checkNode(node);
    return {fromFixed7(latE7_[node.value()]), fromFixed7(lonE7_[node.value()])};
}

std::optional<std::int64_t> RoadGraph::osmId(RoadNodeId node) const {
    checkNode(node);
    if (osmIds_.empty()) return std::nullopt;
    return osmIds_[node.value()];
}

std::optional<RoadNodeId> RoadGraph::findOsmNode(std::int64_t osmId) const {
    const auto it = std::find(osmIds_.begin(), osmIds_.end(), osmId);
    if (it == osmIds_.end()) return std::nullopt;
    return RoadNodeId(static_cast<std::uint32_t>(it - osmIds_.begin()));
}

std::vector<RoadArc> RoadGraph::arcsFrom(RoadNodeId node) const {
    checkNode(node);
    std::vector<RoadArc> arcs;
    for (const auto& edge : boost::make_iterator_range(out_edges(node.value(), csr_))) {
        arcs.push_back({node, RoadNodeId(target(edge, csr_)), csr_[edge]});
    }
    return arcs;
}

}  // namespace ces::routing
