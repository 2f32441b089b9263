#include "routing/graph/osm_import.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "routing/graph/errors.h"
#include "routing/graph/graph_file.h"
#include "routing/graph/road_tags.h"
#include "routing/graph/road_travel_times.h"
#include "routing/graph/sample_positions.h"
#include "routing/graph/snap.h"
#include "routing/graph/travel_matrix.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

TEST_CASE("Monaco imports into one strongly connected road network of sane size") {
    const ImportedRoadGraph imported = importOsm(osmFile("monaco.osm.pbf"));
    const RoadGraph& graph = imported.graph;
    MESSAGE("Monaco: ", graph.nodeCount(), " nodes, ", graph.arcCount(), " arcs, ",
            imported.stats.waysDriven, " drivable ways");
    // A city state of 2 km²: thousands of road nodes, not hundreds or millions.
    CHECK(graph.nodeCount() > 5'000);
    CHECK(graph.nodeCount() < 50'000);
    CHECK(graph.arcCount() > graph.nodeCount());  // Mostly two-way streets.
    CHECK(graph.arcCount() < 3 * graph.nodeCount());
    CHECK(graph.nodeCount() <= imported.stats.nodesBefore);
    CHECK(graph.nodeCount() > imported.stats.nodesBefore * 8 / 10);  // Islands are few.
    CHECK(graph.osmIds().size() == graph.nodeCount());
    for (const RoadNodeId v : allNodes(graph)) {
        const LatLon p = graph.position(v);
        REQUIRE(p.lat > 43.5);
        REQUIRE(p.lat < 43.9);
        REQUIRE(p.lon > 7.3);
        REQUIRE(p.lon < 7.6);
    }

    // Node 0 reaches every node, and every node reaches node 0 (node 0 reaches all in the
    // reversed graph): one strongly connected component.
    std::vector<LatLon> positions;
    std::vector<RoadArc> reversed;
    for (const RoadNodeId v : allNodes(graph)) {
        positions.push_back(graph.position(v));
        for (const RoadArc& arc : graph.arcsFrom(v))
            reversed.push_back({arc.to, arc.from, arc.data});
    }
    const std::vector<RoadNodeId> zero{RoadNodeId(0)};
    const RoadMatrix out = roadMatrix(graph, zero, allNodes(graph), 1);
    const RoadMatrix in = roadMatrix(RoadGraph(positions, reversed), zero, allNodes(graph), 1);
    for (std::size_t v = 0; v < graph.nodeCount(); ++v) {
        REQUIRE(out.reachable(0, v));
        REQUIRE(in.reachable(0, v));
    }

    // The same file imports to the same graph, byte for byte.
    std::ostringstream first;
    std::ostringstream second;
    saveRoadGraph(graph, first);
    saveRoadGraph(importOsm(osmFile("monaco.osm.pbf")).graph, second);
    CHECK(first.str() == second.str());
}

TEST_CASE("Monaco routes take plausible times for their great-circle distance") {
    const auto graph =
        std::make_shared<const RoadGraph>(importOsm(osmFile("monaco.osm.pbf")).graph);
    const SnapIndex snap(*graph);
    // The Casino (Monte Carlo) to the Prince's Palace (Monaco-Ville): about 1.5 km apart.
    const LatLon casino{43.7396, 7.4281};
    const LatLon palace{43.7314, 7.4197};
    const auto from = snap.nearest(casino);
    const auto to = snap.nearest(palace);
    REQUIRE(from->metres < 100.0);
    REQUIRE(to->metres < 100.0);
    const RoadMatrix m = roadMatrix(*graph, {from->node, to->node}, {from->node, to->node}, 2);
    for (const auto& [i, j] : {std::pair{0, 1}, std::pair{1, 0}}) {
        const double straight =
            greatCircleMetres(graph->position(from->node), graph->position(to->node));
        const double seconds = m.duration(i, j) / 10.0;
        const double metres = m.length(i, j) / 10.0;
        MESSAGE("Monaco ", i, "->", j, ": ", straight, " m straight, ", metres, " m by road, ",
                seconds, " s");
        CHECK(metres >= straight);
        CHECK(metres < 3.0 * straight);
        // Average speed over the straight line between walking and motorway pace.
        CHECK(straight / seconds * 3.6 > 5.0);
        CHECK(straight / seconds * 3.6 < 80.0);
        // And along the road itself, a believable town speed.
        CHECK(metres / seconds * 3.6 > 10.0);
        CHECK(metres / seconds * 3.6 < 70.0);
    }

    // Over many random pairs, the road is never shorter than the straight line.
    const RoadGraphTravelTimes times(graph, {.threads = 2, .cacheCapacity = 0});
    const auto positions = sampleRoadPositions(*graph, 60, 42);
    const TravelMatrix all = times.matrix(positions);
    for (std::size_t i = 0; i < all.size; ++i) {
        for (std::size_t j = 0; j < all.size; ++j) {
            REQUIRE(all.reachable(i, j));
            if (i == j) continue;
            const double straight = greatCircleMetres(positions[i], positions[j]);
            CHECK(all.metresAt(i, j) >= std::floor(straight));
            CHECK(all.secondsAt(i, j) >= straight / (kMaxSpeedKmh / 3.6) - 1.0);
        }
    }
}

TEST_CASE("the Monaco matrix is deterministic across thread counts and after save/load") {
    const auto graph =
        std::make_shared<const RoadGraph>(importOsm(osmFile("monaco.osm.pbf")).graph);
    const auto positions = sampleRoadPositions(*graph, 64, 7);
    const auto one =
        RoadGraphTravelTimes(graph, {.threads = 1, .cacheCapacity = 0}).matrix(positions);
    for (const unsigned threads : {3U, 0U}) {
        CAPTURE(threads);
        const auto many =
            RoadGraphTravelTimes(graph, {.threads = threads, .cacheCapacity = 0}).matrix(positions);
        CHECK(many.seconds == one.seconds);
        CHECK(many.metres == one.metres);
    }
    std::stringstream file;
    saveRoadGraph(*graph, file);
    const auto loaded = std::make_shared<const RoadGraph>(loadRoadGraph(file));
    const auto again = RoadGraphTravelTimes(loaded, {.threads = 2}).matrix(positions);
    CHECK(matrixChecksum(again) == matrixChecksum(one));
}

TEST_CASE("London: the one-way streets of the Borough sausage links are not driven backwards") {
    const RoadGraph graph = importOsm(osmFile("london_borough_sausage_links.osm")).graph;
    CHECK(graph.nodeCount() > 50);

    // Way 95568203, Tabard Street, oneway=yes, residential, 20 mph: node 60007209 -> 5220719455.
    const auto tail = graph.findOsmNode(60007209);
    const auto head = graph.findOsmNode(5220719455);
    REQUIRE(tail.has_value());
    REQUIRE(head.has_value());
    bool forwardArc = false;
    for (const RoadArc& arc : graph.arcsFrom(*tail)) forwardArc = forwardArc || arc.to == *head;
    CHECK(forwardArc);
    for (const RoadArc& arc : graph.arcsFrom(*head)) CHECK(arc.to != *tail);

    const RoadMatrix m = roadMatrix(graph, {*tail, *head}, {*tail, *head}, 1);
    const double forwardMetres = m.length(0, 1) / 10.0;
    const double forwardSeconds = m.duration(0, 1) / 10.0;
    // 20 mph tagged, driven at 80%: about 25.7 km/h on the 9 m of the segment.
    CHECK(forwardMetres / forwardSeconds * 3.6 ==
          doctest::Approx(20 * 1.609344 * 0.8).epsilon(0.1));
    // Backwards means a detour round the block: many times the length, many times the time.
    REQUIRE(m.reachable(1, 0));
    CHECK(m.length(1, 0) > 5 * m.length(0, 1));
    CHECK(m.duration(1, 0) > 5 * m.duration(0, 1));

    // Way 1134995868, Great Dover Street (a dual carriageway's one-way half): 10580406286 ->
    // 10580406285.
    const auto a = graph.findOsmNode(10580406286);
    const auto b = graph.findOsmNode(10580406285);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    const RoadMatrix dual = roadMatrix(graph, {*a, *b}, {*a, *b}, 1);
    CHECK(dual.duration(1, 0) > 5 * dual.duration(0, 1));
}

TEST_CASE("West Oakland (.osm.bz2) imports") {
    const ImportedRoadGraph imported = importOsm(osmFile("West-Oakland.osm.bz2"));
    CHECK(imported.graph.nodeCount() > 10);
    CHECK(imported.graph.arcCount() > imported.graph.nodeCount());
    CHECK(imported.stats.waysDriven > 5);
}

TEST_CASE("unreadable road files are RoadGraphErrors") {
    CHECK_THROWS_AS(importOsm("/nonexistent/monaco.osm.pbf"), RoadGraphError);
    const auto junk = std::filesystem::temp_directory_path() / "ces-routing-junk.osm.pbf";
    std::ofstream(junk) << "this is not protobuf";
    CHECK_THROWS_AS(importOsm(junk), RoadGraphError);
    CHECK_THROWS_AS(openRoadGraph(junk), RoadGraphError);
    const auto empty = std::filesystem::temp_directory_path() / "ces-routing-empty.osm";
    std::ofstream(empty) << "<?xml version='1.0'?>\n<osm version='0.6'></osm>\n";
    CHECK_THROWS_WITH_AS(importOsm(empty), doctest::Contains("no drivable road"), RoadGraphError);
    std::filesystem::remove(junk);
    std::filesystem::remove(empty);
}

TEST_CASE("openRoadGraph loads graph files and imports OpenStreetMap files") {
    const auto file = std::filesystem::temp_directory_path() / "ces-routing-london.graph";
    const RoadGraph imported = openRoadGraph(osmFile("london_borough_sausage_links.osm"));
    saveRoadGraph(imported, file);
    const RoadGraph loaded = openRoadGraph(file);
    CHECK(loaded.nodeCount() == imported.nodeCount());
    CHECK(loaded.osmIds() == imported.osmIds());
    std::filesystem::remove(file);
}
