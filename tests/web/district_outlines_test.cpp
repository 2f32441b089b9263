// The county's district outlines under the planner's drawings: simplification, reading GeoJSON,
// and the county's own file framed in a drawing.
#include "web/pages/district_outlines.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "web/pages/plan_drawing.h"

using ces::web::GeoPoint;

namespace {

std::string geoDir() {
    const char* shared = std::getenv("CES_SHARED");
    return std::string(shared && *shared ? shared : PROJECT_SOURCE_DIR "/../shared") + "/data/geo";
}

std::string writeFile(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST_CASE("district outlines - simplifying keeps the ends and every corner beyond the tolerance") {
    // A straight road north with a 2 km spur east in the middle, a point every ~110 m.
    std::vector<GeoPoint> line;
    for (int i = 0; i <= 20; ++i) line.push_back({51.0 + i * 0.001, 1.0});
    line.push_back({51.02, 1.03});  // about 2.1 km east
    for (int i = 0; i <= 20; ++i) line.push_back({51.02 + i * 0.001, 1.0});
    const auto kept = ces::web::simplifyLine(line, 0.25);
    REQUIRE(kept.size() == 5);  // start, where the spur leaves the road, its tip, back, end
    CHECK(kept.front().lat == line.front().lat);
    CHECK(kept.back().lat == line.back().lat);
    CHECK(kept[2].lon == doctest::Approx(1.03));
    // A tolerance wider than the spur straightens it.
    CHECK(ces::web::simplifyLine(line, 5).size() == 2);
}

TEST_CASE("district outlines - a GeoJSON file of polygons and multipolygons is read and labelled") {
    const std::string path = writeFile("ces_outlines_test.geojson", R"({
      "type": "FeatureCollection",
      "features": [
        {"type": "Feature", "properties": {"name": "Square", "centroid_lat": 51.05, "centroid_lon": 1.05},
         "geometry": {"type": "Polygon", "coordinates": [[[1.0, 51.0], [1.1, 51.0], [1.1, 51.1], [1.0, 51.1], [1.0, 51.0]]]}},
        {"type": "Feature", "properties": {"name": "Isles"},
         "geometry": {"type": "MultiPolygon", "coordinates": [
           [[[2.0, 52.0], [2.2, 52.0], [2.2, 52.2], [2.0, 52.2], [2.0, 52.0]]],
           [[[3.0, 53.0], [3.00001, 53.0], [3.00001, 53.00001], [3.0, 53.0]]]]}}
      ]})");
    const auto outlines = ces::web::readDistrictOutlines(path, "name", 0.1);
    REQUIRE(outlines.districts.size() == 2);
    CHECK(outlines.districts[0].name == "Square");
    CHECK(outlines.districts[0].rings.size() == 1);
    CHECK(outlines.districts[0].label.lat == doctest::Approx(51.05));
    // The islet of a metre or so simplifies to nothing and is dropped; the label is the box's
    // middle.
    CHECK(outlines.districts[1].rings.size() == 1);
    CHECK(outlines.districts[1].label.lat == doctest::Approx(52.1));
    CHECK(outlines.districts[1].label.lon == doctest::Approx(2.1));
    CHECK(outlines.points() == 10);

    const std::string point =
        writeFile("ces_outlines_point.geojson", R"({"type": "FeatureCollection",
      "features": [{"type": "Feature", "properties": {"name": "Spot"},
                    "geometry": {"type": "Point", "coordinates": [1.0, 51.0]}}]})");
    CHECK_THROWS_WITH_AS(ces::web::readDistrictOutlines(point, "name", 0.1),
                         doctest::Contains("Spot is a Point, not a polygon"), std::runtime_error);
    CHECK_THROWS_AS(
        ces::web::readDistrictOutlines(writeFile("ces_outlines_bad.geojson", "{"), "name", 0.1),
        std::runtime_error);
    CHECK(ces::web::countyDistrictOutlines("/nonexistent").districts.empty());
}

TEST_CASE(
    "district outlines - the county's twelve districts, simplified, fill the drawing's frame") {
    const auto county = ces::web::countyDistrictOutlines(geoDir());
    REQUIRE(county.districts.size() == 12);
    std::set<std::string> names;
    for (const auto& d : county.districts) {
        names.insert(d.name);
        CHECK_FALSE(d.rings.empty());
    }
    CHECK(names.count("Thanet") == 1);
    CHECK(names.count("Swale") == 1);
    // From about 99,000 surveyed points to a few thousand: enough for a county drawn 800 wide.
    CHECK(county.points() > 800);
    CHECK(county.points() < 8000);

    const auto project = ces::web::drawingProjection(&county, {});
    double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
    for (const auto& p : county.everyPoint()) {
        const auto d = project(p);
        left = std::min(left, d.x);
        right = std::max(right, d.x);
        top = std::min(top, d.y);
        bottom = std::max(bottom, d.y);
    }
    CHECK(left >= ces::web::kDrawingMargin - 1e-6);
    CHECK(right <= ces::web::kDrawingWidth - ces::web::kDrawingMargin + 1e-6);
    CHECK(top >= ces::web::kDrawingMargin - 1e-6);
    CHECK(bottom <= ces::web::kDrawingHeight - ces::web::kDrawingMargin + 1e-6);
    // The county is wider than tall: it spans the width of the frame.
    CHECK(right - left == doctest::Approx(ces::web::kDrawingWidth - 2 * ces::web::kDrawingMargin));
}
