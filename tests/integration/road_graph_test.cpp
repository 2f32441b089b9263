// `ces serve --road-graph FILE` plans on the roads of the file. The test draws its own county
// road graph: every depot and resident postcode of the demo county is a node, joined only
// through one junction by roads 50 km long, so any trip between two places is exactly 100 km
// by road, and a plan whose distances came from the straight line would show it.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "harness.h"
#include "page_browser.h"
#include "routing/graph/graph_file.h"

using namespace ces::integration;

namespace {

constexpr ces::routing::Decimetres kSpokeDecimetres = 500'000;  // 50 km
constexpr ces::routing::Deciseconds kSpokeDeciseconds = 600;    // a minute: vans fit a day

// The star graph over the demo county's depots and residents' postcodes.
ces::routing::RoadGraph starGraph(const std::string& db) {
    const CommandResult places =
        runSql(db,
               "SELECT lat, lon FROM depots UNION SELECT p.lat, p.lon FROM residents r "
               "JOIN postcodes p ON p.postcode = r.postcode");
    REQUIRE(places.exit_code == 0);
    std::vector<ces::routing::LatLon> positions{{51.25, 0.75}};  // the junction
    std::vector<ces::routing::RoadArc> arcs;
    std::istringstream lines(places.output);
    std::string line;
    while (std::getline(lines, line)) {
        const auto bar = line.find('|');
        if (bar == std::string::npos) continue;
        const ces::routing::RoadNodeId node(static_cast<std::uint32_t>(positions.size()));
        positions.push_back({std::stod(line.substr(0, bar)), std::stod(line.substr(bar + 1))});
        const ces::routing::RoadArcData spoke{kSpokeDeciseconds, kSpokeDecimetres};
        arcs.push_back({ces::routing::RoadNodeId(0), node, spoke});
        arcs.push_back({node, ces::routing::RoadNodeId(0), spoke});
    }
    REQUIRE(positions.size() > 100);
    return ces::routing::RoadGraph(positions, arcs);
}

}  // namespace

TEST_CASE("ces serve --road-graph plans on the road graph and says so on the plan") {
    DemoDatabase database;
    TempDir dir;
    const std::string file = dir.file("county.roads");
    const auto graph = starGraph(database.location());
    ces::routing::saveRoadGraph(graph, std::filesystem::path(file));
    CesServer server(database.location(), {.roadGraph = file});
    CHECK(server.log().find("travel times from road graph county.roads") != std::string::npos);

    const std::string date = firstSqlValue(database.location(), "SELECT MAX(plan_date) FROM plans");
    HttpClient planner = signedIn(server.port(), "planner");
    const Response optimised = planner.post("/api/v1/plans/" + date + "/optimise", "");
    INFO(optimised.describe().substr(0, 400));
    REQUIRE(optimised.status == 200);
    const auto plan = optimised.object();
    CHECK(plan->getValue<std::string>("travel_times") ==
          "road graph county.roads (" + std::to_string(graph.nodeCount()) +
              " nodes); every point within 1000 m of a road");
    // Every leg between two places is 100 km of road: each van's distance is a multiple.
    const auto routes = plan->getArray("routes");
    REQUIRE(routes->size() > 0);
    for (std::size_t r = 0; r < routes->size(); ++r) {
        const double km =
            routes->getObject(static_cast<unsigned>(r))->getValue<double>("distance_km");
        CHECK(km >= 100.0);
        CHECK(std::fmod(km, 100.0) == 0.0);
    }
    CHECK(planner.get("/api/v1/plans/" + date).object()->getValue<std::string>("travel_times") ==
          plan->getValue<std::string>("travel_times"));

    const Response shown =
        HttpClient(server.port())
            .get("/plan?date=" + date, {{"Cookie", "ces_session=" + planner.token()}});
    CHECK(contains(shown, "Travel times"));
    CHECK(contains(shown, "road graph county.roads ("));
}

TEST_CASE("ces serve without a road graph plans on the straight-line estimate and says so") {
    DemoCounty county;
    const std::string date = firstSqlValue(county.dbPath(), "SELECT MAX(plan_date) FROM plans");
    HttpClient planner = county.signIn("planner");
    const Response optimised = planner.post("/api/v1/plans/" + date + "/optimise", "");
    REQUIRE(optimised.status == 200);
    CHECK(optimised.object()->getValue<std::string>("travel_times") ==
          "straight-line estimate (great-circle distance x 1.30 at 40 km/h), no road graph "
          "loaded");
}

TEST_CASE("ces serve refuses a road-graph file it cannot read rather than falling back") {
    DemoDatabase database;
    const CommandResult run = runCes({"serve", "--db", database.location(), "--port", "0",
                                      "--road-graph", "/nonexistent.roads"});
    CHECK(run.exit_code == 1);
    CHECK(run.output.find("/nonexistent.roads") != std::string::npos);
}
