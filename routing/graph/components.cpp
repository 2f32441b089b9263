#include "routing/graph/components.h"

#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace ces::routing {

RoadGraph largestStronglyConnectedComponent(const RoadGraph& graph) {
    const RoadCsr& csr = graph.csr();
    const std::size_t n = graph.nodeCount();
    if (n == 0) return graph;

    std::vector<std::uint32_t> component(n);
    const auto count = boost::strong_components(
        csr, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, csr)));

    // Components are numbered in discovery order, which is not by size: count them, and pick
    // the largest, breaking ties by the lowest node they hold so the choice is reproducible.
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> size(count, 0);
    std::vector<std::uint32_t> firstNode(count, kNone);
    for (std::uint32_t v = 0; v < n; ++v) {
        ++size[component[v]];
        if (firstNode[component[v]] == kNone) firstNode[component[v]] = v;
    }
    std::uint32_t best = component[0];
    for (std::uint32_t c = 0; c < count; ++c) {
        if (size[c] > size[best] || (size[c] == size[best] && firstNode[c] < firstNode[best])) {
            best = c;
        }
    }
    if (size[best] == n) return graph;

    std::vector<std::uint32_t> newIndex(n, kNone);
    std::vector<LatLon> positions;
    std::vector<std::int64_t> osmIds;
    positions.reserve(size[best]);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (component[v] != best) continue;
        newIndex[v] = static_cast<std::uint32_t>(positions.size());
        positions.push_back(graph.position(RoadNodeId(v)));
        if (!graph.osmIds().empty()) osmIds.push_back(graph.osmIds()[v]);
    }
    std::vector<RoadArc> arcs;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (newIndex[v] == kNone) continue;
        for (const auto& edge : boost::make_iterator_range(out_edges(v, csr))) {
            const std::uint32_t w = target(edge, csr);
            if (newIndex[w] == kNone) continue;
            arcs.push_back({RoadNodeId(newIndex[v]), RoadNodeId(newIndex[w]), csr[edge]});
        }
    }
    return RoadGraph(std::move(positions), arcs, std::move(osmIds));
}

}  // namespace ces::routing
