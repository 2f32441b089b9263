#include "routing/graph/road_tags.h"

#include <doctest/doctest.h>

using namespace ces::routing;

namespace {

WayTags road(std::string_view highway) {
    WayTags tags;
    tags.highway = highway;
    return tags;
}

}  // namespace

TEST_CASE("maxspeed values in km/h, mph, knots and zones") {
    CHECK(parseMaxspeedKmh("50") == doctest::Approx(50.0));
    CHECK(parseMaxspeedKmh("50 km/h") == doctest::Approx(50.0));
    CHECK(parseMaxspeedKmh("30 mph") == doctest::Approx(48.28032));
    CHECK(parseMaxspeedKmh("20mph") == doctest::Approx(32.18688));
    CHECK(parseMaxspeedKmh("10 knots") == doctest::Approx(18.52));
    CHECK(parseMaxspeedKmh("GB:nsl_single") == doctest::Approx(60 * 1.609344));
    CHECK(parseMaxspeedKmh("GB:nsl_dual") == doctest::Approx(70 * 1.609344));
    CHECK(parseMaxspeedKmh("GB:motorway") == doctest::Approx(70 * 1.609344));
    CHECK(parseMaxspeedKmh("DE:urban") == doctest::Approx(50.0));
    CHECK(parseMaxspeedKmh("FR:zone30") == doctest::Approx(30.0));
    CHECK(parseMaxspeedKmh("50;30") == doctest::Approx(30.0));
}

TEST_CASE("maxspeed none, signals and nonsense leave the road class to decide") {
    CHECK_FALSE(parseMaxspeedKmh("none").has_value());
    CHECK_FALSE(parseMaxspeedKmh("signals").has_value());
    CHECK_FALSE(parseMaxspeedKmh("variable").has_value());
    CHECK_FALSE(parseMaxspeedKmh("").has_value());
    CHECK_FALSE(parseMaxspeedKmh("fast").has_value());
    CHECK_FALSE(parseMaxspeedKmh("30 furlongs").has_value());
    CHECK_FALSE(parseMaxspeedKmh("0").has_value());

    WayTags tags = road("primary");
    tags.maxspeed = "none";
    CHECK(wayRule(tags)->forwardKmh == doctest::Approx(*defaultSpeedKmh("primary")));
}

TEST_CASE("road classes a van drives, and the ones it does not") {
    for (const char* highway :
         {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
          "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
          "living_street", "service"}) {
        CAPTURE(highway);
        REQUIRE(defaultSpeedKmh(highway).has_value());
        CHECK(wayRule(road(highway)).has_value());
    }
    for (const char* highway : {"footway", "cycleway", "path", "steps", "pedestrian", "track",
                                "construction", "proposed", "bus_stop", ""}) {
        CAPTURE(highway);
        CHECK_FALSE(wayRule(road(highway)).has_value());
    }
    // Faster classes are faster.
    CHECK(*defaultSpeedKmh("motorway") > *defaultSpeedKmh("primary"));
    CHECK(*defaultSpeedKmh("primary") > *defaultSpeedKmh("residential"));
    CHECK(*defaultSpeedKmh("residential") > *defaultSpeedKmh("living_street"));
}

TEST_CASE("a tagged limit is driven at a share of it") {
    WayTags tags = road("primary");
    tags.maxspeed = "20 mph";
    const auto rule = wayRule(tags);
    REQUIRE(rule.has_value());
    CHECK(rule->forwardKmh == doctest::Approx(20 * 1.609344 * kMaxspeedShare));
    CHECK(rule->backwardKmh == doctest::Approx(rule->forwardKmh));

    tags.maxspeed = "1";  // A typo must not make the road useless.
    CHECK(wayRule(tags)->forwardKmh == doctest::Approx(kMinSpeedKmh));
}

TEST_CASE("one-way tags close a direction") {
    WayTags tags = road("residential");
    for (const char* yes : {"yes", "1", "true"}) {
        tags.oneway = yes;
        CHECK(wayRule(tags)->forwardKmh > 0.0);
        CHECK(wayRule(tags)->backwardKmh == 0.0);
    }
    tags.oneway = "-1";
    CHECK(wayRule(tags)->forwardKmh == 0.0);
    CHECK(wayRule(tags)->backwardKmh > 0.0);
    tags.oneway = "no";
    CHECK(wayRule(tags)->backwardKmh > 0.0);
    tags.oneway = "reversible";
    CHECK_FALSE(wayRule(tags).has_value());
}

TEST_CASE("roundabouts and motorways are one-way unless tagged otherwise") {
    WayTags roundabout = road("primary");
    roundabout.junction = "roundabout";
    CHECK(wayRule(roundabout)->backwardKmh == 0.0);
    roundabout.junction = "circular";
    CHECK(wayRule(roundabout)->backwardKmh == 0.0);
    CHECK(wayRule(road("motorway"))->backwardKmh == 0.0);
    WayTags twoWayMotorway = road("motorway");
    twoWayMotorway.oneway = "no";
    CHECK(wayRule(twoWayMotorway)->backwardKmh > 0.0);
}

TEST_CASE("access no and private exclude a way, a more specific tag wins") {
    WayTags tags = road("service");
    tags.access = "private";
    CHECK_FALSE(wayRule(tags).has_value());
    tags.access = "no";
    CHECK_FALSE(wayRule(tags).has_value());
    tags.motorcar = "yes";
    CHECK(wayRule(tags).has_value());
    tags = road("residential");
    tags.motorVehicle = "no";
    CHECK_FALSE(wayRule(tags).has_value());
    tags.access = "destination";
    tags.motorVehicle = "";
    CHECK(wayRule(tags).has_value());
    tags = road("service");
    tags.area = "yes";
    CHECK_FALSE(wayRule(tags).has_value());
}
