#include "routing/graph/road_travel_times.h"

#include <doctest/doctest.h>

#include <numbers>

#include "routing/graph/errors.h"
#include "routing/graph/fallback_matrix.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

namespace {

std::shared_ptr<const RoadGraph> hand() {
    return std::make_shared<const RoadGraph>(handDrawnGraph());
}

}  // namespace

TEST_CASE("positions on nodes get the node-to-node times in whole seconds") {
    const auto graph = hand();
    const RoadGraphTravelTimes times(graph, {.threads = 2});
    const TravelMatrix m =
        times.matrix({graph->position(RoadNodeId(A)), graph->position(RoadNodeId(B)),
                      graph->position(RoadNodeId(F)), graph->position(RoadNodeId(G))});
    REQUIRE(m.size == 4);
    CHECK(m.secondsAt(0, 1) == 9);  // 90 ds by D and E.
    CHECK(m.metresAt(0, 1) == 90);  // 900 dm.
    CHECK(m.secondsAt(1, 0) == 44);
    CHECK(m.secondsAt(0, 2) == 23);
    CHECK(m.secondsAt(2, 0) == 30);
    CHECK(m.secondsAt(0, 0) == 0);
    // G has no roads: unreachable both ways, clearly marked.
    CHECK_FALSE(m.reachable(0, 3));
    CHECK(m.secondsAt(3, 0) == TravelMatrix::kUnreachable);
    CHECK(m.metresAt(3, 0) == TravelMatrix::kUnreachable);
    CHECK(m.secondsAt(3, 3) == 0);
}

TEST_CASE("the legs from a position to its road node are added at both ends") {
    const auto graph = hand();
    const RoadGraphTravelTimes times(graph, {.threads = 1, .accessSpeedKmh = 36.0});
    // 100 m north of A (still nearest to A) and exactly on B.
    const double degree = kEarthRadiusMetres * std::numbers::pi / 180.0;
    const LatLon nearA{graph->position(RoadNodeId(A)).lat + 100.0 / degree,
                       graph->position(RoadNodeId(A)).lon};
    const TravelMatrix m = times.matrix({nearA, graph->position(RoadNodeId(B)), nearA});
    CHECK(m.metresAt(0, 1) == 90 + 100);
    CHECK(m.secondsAt(0, 1) == 9 + 10);  // 100 m at 10 m/s.
    CHECK(m.secondsAt(1, 0) == 44 + 10);
    CHECK(m.secondsAt(0, 2) == 20);  // Same node, two different doors: 2 × 100 m.
    CHECK(m.metresAt(0, 2) == 200);
}

TEST_CASE("cached node pairs give the same answers") {
    const auto graph = hand();
    const RoadGraphTravelTimes times(graph, {.threads = 2});
    const std::vector<LatLon> stops{graph->position(RoadNodeId(C)), graph->position(RoadNodeId(D)),
                                    graph->position(RoadNodeId(E))};
    CHECK(times.cachedPairs() == 0);
    const TravelMatrix first = times.matrix(stops);
    CHECK(times.cachedPairs() == 9);
    const TravelMatrix again = times.matrix(stops);
    CHECK(again.seconds == first.seconds);
    CHECK(again.metres == first.metres);
    CHECK(matrixChecksum(again) == matrixChecksum(first));
    // A subset is answered from the cache, a superset computes only the new rows.
    const TravelMatrix subset = times.matrix({stops[2], stops[0]});
    CHECK(subset.secondsAt(0, 1) == first.secondsAt(2, 0));
    const RoadGraphTravelTimes uncached(graph, {.threads = 2, .cacheCapacity = 0});
    CHECK(uncached.matrix(stops).seconds == first.seconds);
    CHECK(uncached.cachedPairs() == 0);
}

TEST_CASE("road travel times refuse bad set-ups") {
    CHECK_THROWS_AS(RoadGraphTravelTimes(nullptr), RoadGraphError);
    CHECK_THROWS_AS(RoadGraphTravelTimes(std::make_shared<const RoadGraph>()), RoadGraphError);
    CHECK_THROWS_AS(RoadGraphTravelTimes(hand(), {.accessSpeedKmh = 0.0}), RoadGraphError);
    const RoadGraphTravelTimes times(hand());
    CHECK_THROWS_AS(times.matrix({{-91.0, 0.0}}), RoadGraphError);
    CHECK(times.describe() == "road graph (7 nodes, 8 arcs)");
}

TEST_CASE("without a road file the fallback answers, a wrong road file is an error") {
    const auto fallback = makeTravelTimeSource(std::nullopt, {}, {});
    CHECK(fallback->describe() == "great-circle fallback (detour 1.30, 40.0 km/h)");
    CHECK(fallback->matrix({{51.0, 0.0}, {52.0, 0.0}}).metresAt(0, 1) == 144'554);
    CHECK_THROWS_AS(
        makeTravelTimeSource(std::filesystem::path("/nonexistent/roads.osm.pbf"), {}, {}),
        RoadGraphError);
}

TEST_CASE("a position beyond the snapping limit is timed by the fallback, and listed") {
    const auto graph = hand();
    const FallbackParameters fallback{1.3, 40.0};
    const RoadGraphTravelTimes times(graph,
                                     {.threads = 1, .maxSnapMetres = 500.0, .fallback = fallback});
    const double degree = kEarthRadiusMetres * std::numbers::pi / 180.0;
    const LatLon a = graph->position(RoadNodeId(A));
    const LatLon b = graph->position(RoadNodeId(B));
    const LatLon near{a.lat + 400.0 / degree, a.lon};  // Within the limit: snapped to A.
    const LatLon far{a.lat + 3000.0 / degree, a.lon};  // 3 km north: off the map.
    const TravelMatrix m = times.matrix({a, far, b, near});
    CHECK(m.estimated == std::vector<std::size_t>{1});
    // Road to road as before; to and from the far point the great-circle estimate.
    CHECK(m.secondsAt(0, 2) == 9);
    CHECK(m.metresAt(0, 2) == 90);
    CHECK(m.metresAt(3, 2) == 90 + 400);
    const GreatCircleLeg out = greatCircleLeg(a, far, fallback);
    CHECK(m.metresAt(0, 1) == out.metres);
    CHECK(m.secondsAt(0, 1) == out.seconds);
    CHECK(m.metresAt(1, 2) == greatCircleLeg(far, b, fallback).metres);
    CHECK(m.metresAt(0, 1) == doctest::Approx(3000 * 1.3).epsilon(0.01));
    // Every point far away: all estimates, no Dijkstra at all.
    const TravelMatrix lost = times.matrix({far, {far.lat + 0.1, far.lon}});
    CHECK(lost.estimated == std::vector<std::size_t>{0, 1});
    CHECK(lost.metres == greatCircleMatrix({far, {far.lat + 0.1, far.lon}}, fallback).metres);
    CHECK(times.matrix({a, b}).estimated.empty());
    CHECK_THROWS_AS(RoadGraphTravelTimes(hand(), {.maxSnapMetres = 0.0}), RoadGraphError);
}

TEST_CASE("a new place among cached ones is timed out of and into, the same as from scratch") {
    const auto graph = hand();
    const RoadGraphTravelTimes times(graph, {.threads = 1});
    const auto at = [&](HandNode node) { return graph->position(RoadNodeId(node)); };
    times.matrix({at(A), at(B), at(C)});
    times.matrix({at(D), at(E)});
    // F is new (timed out of and into it); A and D were never asked about together.
    const std::vector<LatLon> all{at(A), at(B), at(C), at(D), at(E), at(F)};
    const TravelMatrix mixed = times.matrix(all);
    const TravelMatrix scratch = RoadGraphTravelTimes(graph, {.cacheCapacity = 0}).matrix(all);
    CHECK(mixed.seconds == scratch.seconds);
    CHECK(mixed.metres == scratch.metres);
    CHECK(times.cachedPairs() == 36);
    // One more new place: only its row and column are timed, the rest comes from the cache.
    const TravelMatrix again = times.matrix({at(C), at(F), at(A)});
    CHECK(again.secondsAt(0, 1) == mixed.secondsAt(2, 5));
    CHECK(again.secondsAt(2, 1) == mixed.secondsAt(0, 5));
}
