// Plans and slots on a road graph: a river between the west depot and the resident makes the
// road trip far longer than the straight line, so a plan or slot that used the straight line
// shows it.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/store/dispatch/dispatch.h"
#include "routing/graph/errors.h"
#include "routing/graph/graph_file.h"
#include "routing/graph/osm_import.h"
#include "routing/graph/sample_positions.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/dispatch.h"
#include "warehouse/travel_source.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

const std::chrono::year_month_day kTuesday{std::chrono::year(2026), std::chrono::month(3),
                                           std::chrono::day(3)};
constexpr int kHour = 3600;

// The test county's places (tests/core/store/fixture.cpp): the west depot ME20 7AD, the east
// depot TN24 0AA, the resident ME14 1AD, 3.4 km from the west depot; and a ferry landing 9 km
// away, the only way across the river between them.
const routing::LatLon kWest{51.3013, 0.4912};
const routing::LatLon kEast{51.1580, 0.8820};
const routing::LatLon kResident{51.2766, 0.5218};
const routing::LatLon kFerry{51.3300, 0.6200};
const routing::LatLon kThanet{51.3891, 1.3862};  // CT9 1AA: 60 km from any of these roads.

// Road lengths, decimetres: the great-circle length of each straight road.
routing::Decimetres lengthOf(const routing::LatLon& a, const routing::LatLon& b) {
    return static_cast<routing::Decimetres>(std::lround(routing::greatCircleMetres(a, b) * 10));
}

// West depot - ferry landing by road at 36 km/h; ferry landing - resident by ferry, 2.5 hours;
// west depot - east depot by road at 36 km/h. Every road both ways.
routing::RoadGraph riverGraph() {
    enum : std::uint32_t { west, ferry, resident, east };
    std::vector<routing::RoadArc> arcs;
    const auto road = [&](std::uint32_t a, std::uint32_t b, const routing::LatLon& pa,
                          const routing::LatLon& pb, routing::Deciseconds time) {
        const routing::RoadArcData data{time, lengthOf(pa, pb)};
        arcs.push_back({routing::RoadNodeId(a), routing::RoadNodeId(b), data});
        arcs.push_back({routing::RoadNodeId(b), routing::RoadNodeId(a), data});
    };
    road(west, ferry, kWest, kFerry, lengthOf(kWest, kFerry) / 10);  // 10 m/s = 36 km/h
    road(ferry, resident, kFerry, kResident, 2 * kHour * 10 + kHour * 5);
    road(west, east, kWest, kEast, lengthOf(kWest, kEast) / 10);
    return routing::RoadGraph({kWest, kFerry, kResident, kEast}, arcs);
}

std::shared_ptr<const RoadNetwork> riverNetwork() {
    auto graph = std::make_shared<const routing::RoadGraph>(riverGraph());
    return std::make_shared<const RoadNetwork>(
        RoadNetwork{"river.roads", std::make_shared<const routing::RoadGraphTravelTimes>(
                                       graph, routing::RoadTravelOptions{.threads = 1})});
}

// Metres by road from the west depot to the resident, and back.
std::int64_t roadRoundTrip() {
    return 2 * std::lround((lengthOf(kWest, kFerry) + lengthOf(kFerry, kResident)) / 10.0);
}

DispatchPolicy policyWith(std::shared_ptr<const RoadNetwork> roads) {
    DispatchPolicy policy;
    policy.iterations = 50;
    policy.roads = std::move(roads);
    return policy;
}

store::VisitJob visitAt(const routing::LatLon& where, DepotId depot, int id) {
    store::VisitJob visit;
    visit.id = VisitId(id);
    visit.kind = VisitKind::inspection;
    visit.lat = where.lat;
    visit.lon = where.lon;
    visit.depot = depot;
    visit.dueDate = kTuesday;
    return visit;
}

std::vector<store::VanCrew> vansOf(test::WarehouseCounty& county) {
    county.addFleet();
    return county.db->read([](store::Connection& c) { return store::listVanCrews(c); });
}

}  // namespace

TEST_CASE("a day plan's distances and times come from the road graph when one is loaded") {
    test::WarehouseCounty county;
    const auto order = county.place({{"FRAME", 1}});
    county.addFleet();
    const auto plan = optimiseDay(*county.db, kTuesday, county.planner, county.now,
                                  WorkingDayCalendar(), policyWith(riverNetwork()));
    REQUIRE(plan.routes.size() == 1);
    REQUIRE(plan.routes[0].visits.size() == 1);
    CHECK(plan.routes[0].visits[0].orderReference == order);
    // Round the river: 37 km, not the straight line's 2 x 3.4 km x 1.3.
    CHECK(plan.header.distanceMetres == roadRoundTrip());
    CHECK(plan.header.distanceMetres > 30'000);
    // Out by road and ferry: the van reaches the resident 2 h 45 min after leaving.
    const auto& route = plan.routes[0].route;
    CHECK(route.stops[0].arrivalSeconds - route.startSeconds ==
          doctest::Approx(2.75 * kHour).epsilon(0.01));
    CHECK(plan.header.travelSource ==
          "road graph river.roads (4 nodes); every point within 1000 m of a road");
    const auto stored = county.db->read(
        [&](store::Connection& c) { return store::loadPlan(c, *parseDate("2026-03-03")); });
    REQUIRE(stored);
    CHECK(stored->header.travelSource == plan.header.travelSource);
}

TEST_CASE("without a road graph a day plan keeps the straight-line estimate, as before") {
    test::WarehouseCounty county;
    county.place({{"FRAME", 1}});
    county.addFleet();
    const auto plan = optimiseDay(*county.db, kTuesday, county.planner, county.now,
                                  WorkingDayCalendar(), policyWith(nullptr));
    const auto leg = routing::greatCircleMatrix({kWest, kResident});
    CHECK(plan.header.distanceMetres == leg.metresAt(0, 1) + leg.metresAt(1, 0));
    CHECK(plan.header.distanceMetres < 10'000);
    CHECK(plan.header.travelSource ==
          "straight-line estimate (great-circle distance x 1.30 at 40 km/h), no road graph "
          "loaded");
}

TEST_CASE("the problem's matrix is the road graph's and a point far from every road is estimated") {
    test::WarehouseCounty county;
    const auto vans = vansOf(county);
    const std::vector<store::VisitJob> visits{visitAt(kResident, county.west, 1),
                                              visitAt(kThanet, county.west, 2)};
    const auto built = buildProblem(kTuesday, visits, vans, policyWith(riverNetwork()));
    // Locations: the depots in the order of the vans (E1, W1, W2), then the two visits.
    const auto& matrix = built.problem.matrix();
    REQUIRE(matrix.size() == 4);
    CHECK(matrix.distance(1, 2).value() == roadRoundTrip() / 2);
    CHECK(matrix.duration(1, 2).value() == doctest::Approx(2.75 * kHour).epsilon(0.01));
    // Thanet is 60 km from every road of the graph: the straight-line estimate, counted.
    const auto estimate = routing::greatCircleLeg(kResident, kThanet, {});
    CHECK(matrix.distance(2, 3).value() == estimate.metres);
    CHECK(matrix.duration(2, 3).value() == estimate.seconds);
    CHECK(built.travelSource ==
          "road graph river.roads (4 nodes); 1 of 4 points more than 1000 m from a road used "
          "straight-line estimates");

    const auto straight = buildProblem(kTuesday, visits, vans, policyWith(nullptr));
    const auto fallback = routing::greatCircleMatrix({kEast, kWest, kResident, kThanet});
    for (std::size_t i = 0; i < 4; ++i) {
        for (std::size_t j = 0; j < 4; ++j) {
            CHECK(straight.problem.matrix().distance(i, j).value() == fallback.metresAt(i, j));
            CHECK(straight.problem.matrix().duration(i, j).value() == fallback.secondsAt(i, j));
        }
    }
}

TEST_CASE("delivery slots are offered on road travel times when a road graph is loaded") {
    test::WarehouseCounty county;
    county.db->write([&](store::Connection& c) {
        const auto van = store::createVan(c, "W9", county.west, 1000, 240);
        store::createCrew(c, "West nine", van, 2, true, 8 * kHour, 17 * kHour);
    });
    const auto order = county.place({{"FRAME", 1}});
    const auto offers = [&](std::shared_ptr<const RoadNetwork> roads) {
        return county.db->read([&](store::Connection& c) {
            return offerDeliverySlots(c, order, county.now, WorkingDayCalendar(),
                                      policyWith(roads));
        });
    };
    const auto starts = [](const std::vector<DeliverySlot>& slots) {
        std::set<int> found;
        for (const auto& slot : slots) found.insert(slot.startSeconds);
        return found;
    };
    // The straight line is 7 minutes: every slot from 08:00 fits a 08:00-17:00 shift.
    CHECK(starts(offers(nullptr)) ==
          std::set<int>{8 * kHour, 10 * kHour, 12 * kHour, 14 * kHour, 16 * kHour});
    // By road and ferry 2 h 45 min each way: nothing before 10:45, and back by 17:00.
    CHECK(starts(offers(riverNetwork())) == std::set<int>{10 * kHour, 12 * kHour});
}

TEST_CASE("a road network is loaded from a graph file and named by it, a wrong file is refused") {
    test::WarehouseCounty county;
    const auto file = county.directory / "kent.roads";
    routing::saveRoadGraph(riverGraph(), file);
    const auto roads = loadRoadNetwork(file);
    CHECK(roads->file == "kent.roads");
    CHECK(roads->describe() == "road graph kent.roads (4 nodes)");
    CHECK(describeTravel(roads.get(), {}) ==
          "road graph kent.roads (4 nodes), 6 arcs; points more than 1000 m from a road use "
          "straight-line estimates");
    CHECK(describeTravel(nullptr, {}) ==
          "straight-line estimate (great-circle distance x 1.30 at 40 km/h), no road graph "
          "loaded");
    CHECK_THROWS_AS(loadRoadNetwork(county.directory / "missing.roads"), routing::RoadGraphError);
}

// Figures for the report, not a rule: a 60-visit day on Monaco's roads against the estimate.
// Run with CES_MEASURE=1 (it imports the extract, a few seconds in a Debug build).
TEST_CASE("figures: building a day's problem on Monaco's roads" *
          doctest::skip(std::getenv("CES_MEASURE") == nullptr)) {
    const char* shared = std::getenv("CES_SHARED");
    const auto monaco = std::filesystem::path(shared ? shared : PROJECT_SOURCE_DIR "/../shared") /
                        "data/osm/monaco.osm.pbf";
    REQUIRE(std::filesystem::exists(monaco));
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    auto graph = std::make_shared<const routing::RoadGraph>(routing::openRoadGraph(monaco));
    const auto roads = std::make_shared<const RoadNetwork>(
        RoadNetwork{"monaco.osm.pbf", std::make_shared<const routing::RoadGraphTravelTimes>(
                                          graph, routing::RoadTravelOptions{.threads = 2})});
    const double loadMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    test::WarehouseCounty county;
    auto vans = vansOf(county);
    const auto places = routing::sampleRoadPositions(*graph, 63, 7);
    for (std::size_t v = 0; v < vans.size(); ++v) {
        vans[v].depotLat = places[v].lat;
        vans[v].depotLon = places[v].lon;
    }
    std::vector<store::VisitJob> visits;
    for (std::size_t i = 3; i < places.size(); ++i) {
        visits.push_back(visitAt(places[i], county.west, static_cast<int>(i)));
    }
    const auto time = [&](const DispatchPolicy& policy) {
        const auto start = Clock::now();
        const auto built = buildProblem(kTuesday, visits, vans, policy);
        MESSAGE(built.travelSource);
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    const double straightMs = time(policyWith(nullptr));
    const double firstMs = time(policyWith(roads));
    const double cachedMs = time(policyWith(roads));
    // A slot question: the same day and one new resident.
    visits.push_back(visitAt(routing::sampleRoadPositions(*graph, 1, 99).front(), county.west, 99));
    const double slotMs = time(policyWith(roads));
    MESSAGE("graph " << graph->nodeCount() << " nodes, loaded in " << loadMs << " ms; 63 points: "
                     << "straight line " << straightMs << " ms, road graph " << firstMs
                     << " ms (cached " << cachedMs << " ms, one new place " << slotMs << " ms)");
}
