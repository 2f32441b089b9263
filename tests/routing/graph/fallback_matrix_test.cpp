#include "routing/graph/fallback_matrix.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "routing/graph/errors.h"

using namespace ces::routing;

TEST_CASE("the fallback is great circle × detour ÷ speed, rounded") {
    // One degree of latitude apart: 111,195.08 m on the great circle.
    const std::vector<LatLon> points{{51.0, 0.0}, {52.0, 0.0}, {51.0, 0.0}};
    const double degree = kEarthRadiusMetres * std::numbers::pi / 180.0;

    const TravelMatrix defaults = greatCircleMatrix(points);
    CHECK(FallbackParameters{}.detourFactor == 1.3);
    CHECK(FallbackParameters{}.averageSpeedKmh == 40.0);
    REQUIRE(defaults.size == 3);
    // 111,195.08 × 1.3 = 144,553.6 m; at 40 km/h (11.11 m/s) 13,009.8 s.
    CHECK(defaults.metresAt(0, 1) == std::lround(degree * 1.3));
    CHECK(defaults.metresAt(0, 1) == 144'554);
    CHECK(defaults.secondsAt(0, 1) == 13'010);
    CHECK(defaults.secondsAt(1, 0) == defaults.secondsAt(0, 1));
    CHECK(defaults.secondsAt(1, 1) == 0);
    CHECK(defaults.secondsAt(0, 2) == 0);  // Two stops at the same place.
    CHECK(defaults.reachable(2, 1));

    const TravelMatrix straight = greatCircleMatrix(points, {1.0, 36.0});
    CHECK(straight.metresAt(0, 1) == 111'195);
    CHECK(straight.secondsAt(0, 1) == 11'120);  // 111,195.08 m at 10 m/s.
}

TEST_CASE("fallback parameters are checked") {
    CHECK_THROWS_AS(greatCircleMatrix({}, {0.9, 40.0}), RoadGraphError);
    CHECK_THROWS_AS(greatCircleMatrix({}, {1.3, 0.0}), RoadGraphError);
    CHECK_THROWS_AS(GreatCircleTravelTimes({1.3, -5.0}), RoadGraphError);
    CHECK_THROWS_AS(GreatCircleTravelTimes({std::numeric_limits<double>::infinity(), 40.0}),
                    RoadGraphError);
    CHECK_THROWS_AS(greatCircleMatrix({{0.0, 200.0}}), RoadGraphError);
    CHECK(greatCircleMatrix({}).size == 0);
}

TEST_CASE("the fallback source reports its parameters") {
    const GreatCircleTravelTimes source({1.25, 45.0});
    CHECK(source.describe() == "great-circle fallback (detour 1.25, 45.0 km/h)");
    CHECK(source.matrix({{51.0, 0.0}, {51.1, 0.0}}).metresAt(0, 1) ==
          greatCircleMatrix({{51.0, 0.0}, {51.1, 0.0}}, {1.25, 45.0}).metresAt(0, 1));
}
