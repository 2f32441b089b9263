#include "routing/graph/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "routing/graph/errors.h"

namespace ces::routing {

void checkLatLon(const LatLon& point, const char* what) {
    if (!std::isfinite(point.lat) || !std::isfinite(point.lon) || point.lat < -90.0 ||
        point.lat > 90.0 || point.lon < -180.0 || point.lon > 180.0) {
        throw RoadGraphError(std::string(what) + ": not a WGS84 position (lat " +
                             std::to_string(point.lat) + ", lon " + std::to_string(point.lon) +
                             ")");
    }
}

double greatCircleMetres(const LatLon& a, const LatLon& b) {
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dLat = (b.lat - a.lat) * kRad;
    const double dLon = (b.lon - a.lon) * kRad;
    const double s = std::sin(dLat / 2.0);
    const double t = std::sin(dLon / 2.0);
    const double h = s * s + std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * t * t;
    // min() guards asin against h creeping past 1 by rounding for antipodal points.
    return 2.0 * kEarthRadiusMetres * std::asin(std::sqrt(std::min(1.0, h)));
}

std::int32_t toFixed7(double degrees) {
    return static_cast<std::int32_t>(std::lround(degrees * 1e7));
}

double fromFixed7(std::int32_t fixed) { return static_cast<double>(fixed) / 1e7; }

}  // namespace ces::routing
