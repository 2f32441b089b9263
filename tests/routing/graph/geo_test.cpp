#include "routing/graph/geo.h"

#include <doctest/doctest.h>

#include <limits>
#include <numbers>

#include "routing/graph/errors.h"

using namespace ces::routing;

TEST_CASE("one degree of latitude is 2πR/360 on the great circle") {
    const double degree = kEarthRadiusMetres * std::numbers::pi / 180.0;
    CHECK(greatCircleMetres({51.0, 0.0}, {52.0, 0.0}) == doctest::Approx(degree).epsilon(1e-9));
    CHECK(greatCircleMetres({51.0, 0.0}, {51.0, 0.0}) == 0.0);
    // Along a parallel a degree of longitude shrinks with cos(latitude).
    CHECK(greatCircleMetres({60.0, 0.0}, {60.0, 0.001}) ==
          doctest::Approx(degree * 0.001 * 0.5).epsilon(1e-6));
}

TEST_CASE("London to Paris is about 344 km") {
    const double metres = greatCircleMetres({51.5074, -0.1278}, {48.8566, 2.3522});
    CHECK(metres > 340'000.0);
    CHECK(metres < 348'000.0);
}

TEST_CASE("positions off the globe are refused") {
    CHECK_NOTHROW(checkLatLon({-90.0, 180.0}, "p"));
    CHECK_THROWS_AS(checkLatLon({91.0, 0.0}, "p"), RoadGraphError);
    CHECK_THROWS_AS(checkLatLon({0.0, -181.0}, "p"), RoadGraphError);
    CHECK_THROWS_AS(checkLatLon({std::numeric_limits<double>::quiet_NaN(), 0.0}, "p"),
                    RoadGraphError);
}

TEST_CASE("fixed-point degrees round-trip") {
    for (const double degrees : {0.0, 51.5010322, -0.0906748, 7.4246, -179.9999999, 89.9999999}) {
        CHECK(fromFixed7(toFixed7(degrees)) == doctest::Approx(degrees).epsilon(1e-12));
        CHECK(toFixed7(fromFixed7(toFixed7(degrees))) == toFixed7(degrees));
    }
}
