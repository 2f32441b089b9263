#include "routing/graph/road_graph.h"

#include <doctest/doctest.h>

#include "routing/graph/components.h"
#include "routing/graph/errors.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

TEST_CASE("the hand-drawn graph holds its nodes and one-way arcs") {
    const RoadGraph graph = handDrawnGraph();
    CHECK(graph.nodeCount() == 7);
    CHECK(graph.arcCount() == 8);
    CHECK(graph.position(RoadNodeId(B)) == LatLon{51.5010, -0.0984});
    CHECK_FALSE(graph.osmId(RoadNodeId(A)).has_value());

    const auto fromA = graph.arcsFrom(RoadNodeId(A));
    REQUIRE(fromA.size() == 2);
    CHECK(fromA[0].to == RoadNodeId(B));  // Input order is kept within a node.
    CHECK(fromA[1].to == RoadNodeId(D));
    CHECK(fromA[1].data.duration == 50);
    CHECK(fromA[1].data.length == 400);
    CHECK(graph.arcsFrom(RoadNodeId(B)).size() == 1);  // B -> A is not a road.
    CHECK(graph.arcsFrom(RoadNodeId(G)).empty());
}

TEST_CASE("a graph refuses arcs to nowhere, bad positions and mismatched ids") {
    const std::vector<LatLon> two{{51.0, 0.0}, {51.001, 0.0}};
    CHECK_THROWS_AS(RoadGraph(two, {{RoadNodeId(0), RoadNodeId(2), {1, 1}}}), RoadGraphError);
    CHECK_THROWS_AS(RoadGraph({{95.0, 0.0}}, {}), RoadGraphError);
    CHECK_THROWS_AS(RoadGraph(two, {}, {1}), RoadGraphError);
    const RoadGraph graph(two, {}, {11, 12});
    CHECK(graph.osmId(RoadNodeId(1)) == 12);
    CHECK(graph.findOsmNode(11) == RoadNodeId(0));
    CHECK_FALSE(graph.findOsmNode(13).has_value());
    CHECK_THROWS_AS(graph.position(RoadNodeId(2)), RoadGraphError);
}

TEST_CASE("an empty graph is valid") {
    const RoadGraph graph;
    CHECK(graph.nodeCount() == 0);
    CHECK(graph.arcCount() == 0);
}

TEST_CASE("the largest strongly connected component drops islands and one-way traps") {
    // The hand graph's A..F all reach each other; G has no roads.
    const RoadGraph kept = largestStronglyConnectedComponent(handDrawnGraph());
    CHECK(kept.nodeCount() == 6);
    CHECK(kept.arcCount() == 8);
    CHECK(kept.position(RoadNodeId(F)) == handDrawnGraph().position(RoadNodeId(F)));

    // A two-way street X-Y with a one-way stub Y -> Z: Z can be entered, never left.
    const std::vector<LatLon> positions{{51.0, 0.0}, {51.001, 0.0}, {51.002, 0.0}};
    const RoadGraph trap(positions,
                         {{RoadNodeId(0), RoadNodeId(1), {10, 100}},
                          {RoadNodeId(1), RoadNodeId(0), {10, 100}},
                          {RoadNodeId(1), RoadNodeId(2), {10, 100}}},
                         {100, 200, 300});
    const RoadGraph cleared = largestStronglyConnectedComponent(trap);
    CHECK(cleared.nodeCount() == 2);
    CHECK(cleared.arcCount() == 2);
    CHECK(cleared.osmIds() == std::vector<std::int64_t>{100, 200});
}
