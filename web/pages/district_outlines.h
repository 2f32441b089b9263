#pragma once
// The county's district outlines drawn under the planner's routes: read once at start-up from a
// GeoJSON file of district boundaries (the shared data's kent_districts_lad19.geojson) and
// simplified so a page carries a few thousand points, not the survey's hundred thousand.
#include <string>
#include <vector>

#include "web/pages/route_drawing.h"

namespace ces::web {

struct DistrictOutline {
    std::string name;
    std::vector<std::vector<GeoPoint>> rings;  ///< Outer boundaries and holes, each closed.
    GeoPoint label;                            ///< Where the name is written (the centroid).
};

/// The outlines of a county's districts; empty when none were loaded (the drawing then frames
/// the routes alone).
struct DistrictOutlines {
    std::vector<DistrictOutline> districts;

    std::size_t points() const;  ///< Points over every ring, after simplification.
    /// Every point of every ring, for framing a drawing.
    std::vector<GeoPoint> everyPoint() const;
};

/// Douglas-Peucker: the fewest points of `line` that stay within `toleranceKm` of it, ends kept.
/// Distances are measured on the ground (longitude shrunk by the cosine of the latitude).
std::vector<GeoPoint> simplifyLine(const std::vector<GeoPoint>& line, double toleranceKm);

/// Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features named by `nameProperty`,
/// labelled at `centroid_lat`/`centroid_lon` when given (else the middle of the outline's box),
/// each ring simplified to `toleranceKm`; rings left with fewer than four points are dropped.
/// Throws std::runtime_error naming the file when it cannot be read or is not such a collection.
DistrictOutlines readDistrictOutlines(const std::string& path, const std::string& nameProperty,
                                      double toleranceKm);

/// The county's districts from `geoDir`/kent_districts_lad19.geojson, simplified to 250 m; empty
/// when the file is not there.
DistrictOutlines countyDistrictOutlines(const std::string& geoDir);

}  // namespace ces::web
