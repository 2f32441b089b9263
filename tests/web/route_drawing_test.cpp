// The plan page's route drawing: lat/lon projected into the SVG viewBox.
#include "web/pages/route_drawing.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using ces::web::GeoPoint;
using ces::web::RouteProjection;

TEST_CASE("route drawing - every point lands inside the margins, north up and west left") {
    // Maidstone, Canterbury, Dover, Tunbridge Wells.
    const std::vector<GeoPoint> points{
        {51.2720, 0.5290}, {51.2802, 1.0789}, {51.1295, 1.3080}, {51.1320, 0.2630}};
    const RouteProjection project(points, 800, 600, 30);
    for (const auto& p : points) {
        const auto d = project(p);
        CHECK(d.x >= 30 - 1e-9);
        CHECK(d.x <= 770 + 1e-9);
        CHECK(d.y >= 30 - 1e-9);
        CHECK(d.y <= 570 + 1e-9);
    }
    CHECK(project(points[1]).y < project(points[2]).y);  // Canterbury is north of Dover
    CHECK(project(points[3]).x < project(points[0]).x);  // Tunbridge Wells is west of Maidstone
}

TEST_CASE("route drawing - the fitted box touches two opposite margins and is centred") {
    const std::vector<GeoPoint> points{{51.0, 0.0}, {51.5, 1.0}};
    const RouteProjection project(points, 800, 600, 20);
    const auto sw = project({51.0, 0.0});
    const auto ne = project({51.5, 1.0});
    // 0.63 by 0.5 degrees once longitude is shrunk by cos(51.25 deg): in a 760 x 560 room the
    // height runs out first, so it fills the height and is centred across.
    CHECK(ne.y == doctest::Approx(20));
    CHECK(sw.y == doctest::Approx(580));
    CHECK((sw.x + ne.x) / 2 == doctest::Approx(400));
    // Shape kept: height / width equals the latitude span over the shrunk longitude span.
    const double ratio = (sw.y - ne.y) / (ne.x - sw.x);
    CHECK(ratio == doctest::Approx(0.5 / std::cos(51.25 * 3.141592653589793 / 180)));
}

TEST_CASE("route drawing - a single point lands in the middle") {
    const RouteProjection project({{51.3, 0.9}}, 800, 600, 30);
    CHECK(project({51.3, 0.9}).x == doctest::Approx(400));
    CHECK(project({51.3, 0.9}).y == doctest::Approx(300));
}

TEST_CASE("route drawing - path data and van styles") {
    CHECK(ces::web::pathData({{10, 20}, {30.26, 40}}) == "M10.0 20.0 L30.3 40.0");
    CHECK(ces::web::pathData({}).empty());
    std::set<std::string> looks;
    for (std::size_t i = 0; i < 8; ++i) {
        const auto style = ces::web::vanStyle(i);
        looks.insert(style.colour + "/" + style.dash);
    }
    CHECK(looks.size() == 8);
    CHECK(ces::web::vanStyle(0).letter == "A");
    CHECK(ces::web::vanStyle(25).letter == "Z");
    CHECK(ces::web::vanStyle(26).letter == "AA");
}
