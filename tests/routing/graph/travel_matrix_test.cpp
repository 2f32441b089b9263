#include "routing/graph/travel_matrix.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>

#include "routing/graph/errors.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

namespace {

constexpr auto kNo = RoadMatrix::kUnreached;

// A square grid of two-way streets with pseudo-random times, some streets one-way.
RoadGraph grid(std::uint32_t side, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<LatLon> positions;
    std::vector<RoadArc> arcs;
    const auto id = [side](std::uint32_t row, std::uint32_t column) {
        return RoadNodeId(row * side + column);
    };
    for (std::uint32_t r = 0; r < side; ++r) {
        for (std::uint32_t c = 0; c < side; ++c) {
            positions.push_back({52.0 + r * 0.001, -1.0 + c * 0.0016});
            const auto link = [&](RoadNodeId a, RoadNodeId b) {
                const auto time = static_cast<Deciseconds>(50 + random() % 100);
                const auto length = static_cast<Decimetres>(900 + random() % 400);
                arcs.push_back({a, b, {time, length}});
                if (random() % 5 != 0) arcs.push_back({b, a, {time, length}});
            };
            if (c + 1 < side) link(id(r, c), id(r, c + 1));
            if (r + 1 < side) link(id(r, c), id(r + 1, c));
        }
    }
    return RoadGraph(positions, arcs);
}

}  // namespace

TEST_CASE("Dijkstra on the hand-drawn graph gives the times and lengths worked out by hand") {
    const RoadGraph graph = handDrawnGraph();
    const RoadMatrix m =
        roadMatrix(graph, {RoadNodeId(A), RoadNodeId(F), RoadNodeId(G)}, allNodes(graph), 1);
    REQUIRE(m.sources == 3);
    REQUIRE(m.targets == 7);
    // A to B goes round by D and E (50 + 30 + 10 = 90), not direct (100); the length is
    // that of the fastest path (400 + 300 + 200), not of the direct street (500).
    const std::vector<Deciseconds> fromA{0, 90, 190, 50, 80, 230, kNo};
    const std::vector<Decimetres> lengthsFromA{0, 900, 1900, 400, 700, 2300, kNo};
    // From F the only way out is F -> A (300).
    const std::vector<Deciseconds> fromF{300, 390, 490, 350, 380, 0, kNo};
    for (std::size_t j = 0; j < 7; ++j) {
        CAPTURE(j);
        CHECK(m.duration(0, j) == fromA[j]);
        CHECK(m.length(0, j) == lengthsFromA[j]);
        CHECK(m.duration(1, j) == fromF[j]);
        // G has no roads: it reaches only itself.
        CHECK(m.reachable(2, j) == (j == G));
    }
    CHECK_FALSE(m.reachable(0, G));
}

TEST_CASE("one-way streets are not driven backwards") {
    const RoadGraph graph = handDrawnGraph();
    const RoadMatrix m =
        roadMatrix(graph, {RoadNodeId(A), RoadNodeId(B)}, {RoadNodeId(A), RoadNodeId(B)}, 1);
    // A -> B takes 90; B -> A must go B -> C -> F -> A: 100 + 40 + 300.
    CHECK(m.duration(0, 1) == 90);
    CHECK(m.duration(1, 0) == 440);
}

TEST_CASE("stopping early, repeated nodes and target order do not change any cell") {
    const RoadGraph graph = grid(30, 7);
    const std::vector<RoadNodeId> all = allNodes(graph);
    const RoadMatrix full = roadMatrix(graph, all, all, 2);
    // A few targets near the source: the search stops long before the whole grid.
    const std::vector<RoadNodeId> sources{RoadNodeId(0), RoadNodeId(465), RoadNodeId(0)};
    const std::vector<RoadNodeId> targets{RoadNodeId(31), RoadNodeId(1), RoadNodeId(899),
                                          RoadNodeId(31), RoadNodeId(0)};
    const RoadMatrix part = roadMatrix(graph, sources, targets, 2);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        for (std::size_t j = 0; j < targets.size(); ++j) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK(part.duration(i, j) == full.duration(sources[i].value(), targets[j].value()));
            CHECK(part.length(i, j) == full.length(sources[i].value(), targets[j].value()));
        }
    }
}

TEST_CASE("the matrix is the same whatever the thread count") {
    const RoadGraph graph = grid(40, 11);
    std::vector<RoadNodeId> stops;
    std::mt19937_64 random(3);
    for (int i = 0; i < 150; ++i) stops.emplace_back(random() % graph.nodeCount());
    const RoadMatrix one = roadMatrix(graph, stops, stops, 1);
    for (const unsigned threads : {2U, 3U, 8U, 0U}) {
        CAPTURE(threads);
        const RoadMatrix many = roadMatrix(graph, stops, stops, threads);
        CHECK(many.deciseconds == one.deciseconds);
        CHECK(many.decimetres == one.decimetres);
    }
}

TEST_CASE("empty lists and bad nodes") {
    const RoadGraph graph = handDrawnGraph();
    const RoadMatrix none = roadMatrix(graph, {}, {}, 2);
    CHECK(none.deciseconds.empty());
    const RoadMatrix noTargets = roadMatrix(graph, {RoadNodeId(A)}, {}, 2);
    CHECK(noTargets.sources == 1);
    CHECK(noTargets.deciseconds.empty());
    CHECK_THROWS_AS(roadMatrix(graph, {RoadNodeId(7)}, {RoadNodeId(A)}), RoadGraphError);
    CHECK_THROWS_AS(roadMatrix(graph, {RoadNodeId(A)}, {RoadNodeId(70)}), RoadGraphError);
    CHECK(resolveThreadCount(3) == 3);
    CHECK(resolveThreadCount(0) >= 1);
}
