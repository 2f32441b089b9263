#include "routing/graph/graph_file.h"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "routing/graph/errors.h"
#include "routing/graph/travel_matrix.h"
#include "test_support.h"

using namespace ces::routing;
using namespace ces::routing::testing;

namespace {

std::string saved(const RoadGraph& graph) {
    std::ostringstream out;
    saveRoadGraph(graph, out);
    return out.str();
}

RoadGraph loaded(const std::string& bytes) {
    std::istringstream in(bytes);
    return loadRoadGraph(in);
}

RoadGraph withOsmIds() {
    const RoadGraph hand = handDrawnGraph();
    std::vector<LatLon> positions;
    std::vector<RoadArc> arcs;
    for (const RoadNodeId v : allNodes(hand)) {
        positions.push_back(hand.position(v));
        for (const RoadArc& arc : hand.arcsFrom(v)) arcs.push_back(arc);
    }
    return RoadGraph(positions, arcs, {101, 102, 103, 104, 105, 106, -107});
}

}  // namespace

TEST_CASE("a saved graph loads back identical") {
    for (const RoadGraph& graph : {handDrawnGraph(), withOsmIds(), RoadGraph()}) {
        const RoadGraph back = loaded(saved(graph));
        REQUIRE(back.nodeCount() == graph.nodeCount());
        CHECK(back.arcCount() == graph.arcCount());
        CHECK(back.latE7() == graph.latE7());
        CHECK(back.lonE7() == graph.lonE7());
        CHECK(back.osmIds() == graph.osmIds());
        for (const RoadNodeId v : allNodes(graph)) {
            const auto a = graph.arcsFrom(v);
            const auto b = back.arcsFrom(v);
            REQUIRE(a.size() == b.size());
            for (std::size_t k = 0; k < a.size(); ++k) {
                CHECK(a[k].to == b[k].to);
                CHECK(a[k].data.duration == b[k].data.duration);
                CHECK(a[k].data.length == b[k].data.length);
            }
        }
        if (graph.nodeCount() > 0) {
            const auto nodes = allNodes(graph);
            CHECK(roadMatrix(back, nodes, nodes, 1).deciseconds ==
                  roadMatrix(graph, nodes, nodes, 1).deciseconds);
        }
        CHECK(saved(back) == saved(graph));  // Byte for byte.
    }
}

TEST_CASE("a graph file round-trips through the file system") {
    const auto file = std::filesystem::temp_directory_path() / "ces-routing-graph-test.graph";
    saveRoadGraph(withOsmIds(), file);
    CHECK(isRoadGraphFile(file));
    CHECK(loadRoadGraph(file).osmIds() == withOsmIds().osmIds());
    CHECK_FALSE(std::filesystem::exists(file.string() + ".tmp"));
    std::filesystem::remove(file);
    CHECK_THROWS_AS(loadRoadGraph(file), GraphFileError);
    CHECK_FALSE(isRoadGraphFile(file));
}

TEST_CASE("corrupt, truncated, foreign and future files are refused with GraphFileError") {
    const std::string good = saved(withOsmIds());
    REQUIRE_NOTHROW(loaded(good));

    CHECK_THROWS_AS(loaded(""), GraphFileError);
    CHECK_THROWS_AS(loaded("<?xml version='1.0'?><osm></osm>"), GraphFileError);

    std::string badMagic = good;
    badMagic[0] = 'X';
    CHECK_THROWS_AS(loaded(badMagic), GraphFileError);

    std::string future = good;
    const std::uint32_t version = kGraphFileVersion + 1;
    std::memcpy(future.data() + 8, &version, sizeof version);
    CHECK_THROWS_WITH_AS(loaded(future), doctest::Contains("version"), GraphFileError);

    CHECK_THROWS_AS(loaded(good.substr(0, good.size() - 1)), GraphFileError);
    CHECK_THROWS_AS(loaded(good.substr(0, 40)), GraphFileError);
    CHECK_THROWS_AS(loaded(good + "x"), GraphFileError);

    std::string hugeCount = good;
    const std::uint64_t nodes = 1ULL << 40;
    std::memcpy(hugeCount.data() + 16, &nodes, sizeof nodes);
    CHECK_THROWS_AS(loaded(hugeCount), GraphFileError);

    // Any flipped byte in the body is caught by the checksum.
    for (const std::size_t at : {std::size_t{40}, good.size() / 2, good.size() - 9}) {
        std::string flipped = good;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        CAPTURE(at);
        CHECK_THROWS_AS(loaded(flipped), GraphFileError);
    }
}
