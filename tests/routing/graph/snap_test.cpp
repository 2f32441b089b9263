#include "routing/graph/snap.h"

#include <doctest/doctest.h>

#include <limits>
#include <random>

#include "routing/graph/errors.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

namespace {

double uniform(std::mt19937_64& random, double low, double high) {
    return low + (high - low) * static_cast<double>(random() >> 11) * 0x1.0p-53;
}

// Nodes scattered over a county-sized box (no roads needed to test snapping).
RoadGraph scattered(std::size_t count, double lat, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<LatLon> positions;
    for (std::size_t i = 0; i < count; ++i) {
        positions.push_back({uniform(random, lat, lat + 0.5), uniform(random, -1.0, -0.2)});
    }
    return RoadGraph(positions, {});
}

SnappedPoint bruteForce(const RoadGraph& graph, const LatLon& point) {
    SnappedPoint best{RoadNodeId(0), std::numeric_limits<double>::infinity()};
    for (const RoadNodeId v : allNodes(graph)) {
        const double metres = greatCircleMetres(point, graph.position(v));
        if (metres < best.metres) best = {v, metres};
    }
    return best;
}

}  // namespace

TEST_CASE("snapping finds the same node as a scan of every node") {
    for (const double lat : {51.2, 58.0}) {  // Kent, and far enough north to skew degrees.
        CAPTURE(lat);
        const RoadGraph graph = scattered(4000, lat, 5);
        const SnapIndex index(graph);
        std::mt19937_64 random(9);
        for (int i = 0; i < 1000; ++i) {
            // Inside the box and a margin around it.
            const LatLon point{uniform(random, lat - 0.1, lat + 0.6), uniform(random, -1.2, 0.0)};
            const auto snapped = index.nearest(point);
            REQUIRE(snapped.has_value());
            const SnappedPoint expected = bruteForce(graph, point);
            CAPTURE(i);
            CHECK(snapped->metres == doctest::Approx(expected.metres).epsilon(1e-12));
            CHECK(snapped->node == expected.node);
        }
    }
}

TEST_CASE("snapping a point far from the network still finds the nearest node") {
    const RoadGraph graph = scattered(500, 51.2, 1);
    const SnapIndex index(graph);
    const LatLon paris{48.8566, 2.3522};
    CHECK(index.nearest(paris)->node == bruteForce(graph, paris).node);
}

TEST_CASE("a node's own position snaps to it at 0 m") {
    const RoadGraph graph = handDrawnGraph();
    const SnapIndex index(graph);
    for (const RoadNodeId v : allNodes(graph)) {
        const auto snapped = index.nearest(graph.position(v));
        CHECK(snapped->node == v);
        CHECK(snapped->metres == 0.0);
    }
}

TEST_CASE("snapping on an empty graph, and off the globe") {
    const SnapIndex empty{RoadGraph()};
    CHECK_FALSE(empty.nearest({51.0, 0.0}).has_value());
    CHECK_THROWS_AS(empty.snapAll({{51.0, 0.0}}), RoadGraphError);
    const SnapIndex index(handDrawnGraph());
    CHECK_THROWS_AS(index.nearest({100.0, 0.0}), RoadGraphError);
}
