#pragma once
// Points on the globe and the distance between them.
#include <cstdint>

namespace ces::routing {

/// A WGS84 position in degrees.
struct LatLon {
    double lat = 0.0;  ///< Degrees north, -90..90.
    double lon = 0.0;  ///< Degrees east, -180..180.
    friend bool operator==(const LatLon&, const LatLon&) = default;
};

/// Mean Earth radius (IUGG), metres: the sphere the great-circle distance is measured on.
inline constexpr double kEarthRadiusMetres = 6'371'008.8;

/// Throws RoadGraphError unless the point is finite and on the globe; `what` names it.
void checkLatLon(const LatLon& point, const char* what);

/// Great-circle (haversine) distance in metres; within 0.5% of the ellipsoid distance.
double greatCircleMetres(const LatLon& a, const LatLon& b);

/// Degrees in 1e-7 units, OpenStreetMap's own precision (about 1 cm); the stored form.
std::int32_t toFixed7(double degrees);
double fromFixed7(std::int32_t fixed);  ///< Inverse of toFixed7.

}  // namespace ces::routing
