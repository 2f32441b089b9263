#include "web/pages/route_drawing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace ces::web {

RouteProjection::RouteProjection(const std::vector<GeoPoint>& points, double width, double height,
                                 double margin)
    : width_(width), height_(height) {
    if (points.empty()) return;
    double south = points.front().lat, east = points.front().lon;
    west_ = east;
    north_ = south;
    for (const auto& p : points) {
        south = std::min(south, p.lat);
        north_ = std::max(north_, p.lat);
        west_ = std::min(west_, p.lon);
        east = std::max(east, p.lon);
    }
    lonFactor_ = std::cos((south + north_) / 2 * std::numbers::pi / 180);
    const double spanX = (east - west_) * lonFactor_;
    const double spanY = north_ - south;
    const double roomX = std::max(width - 2 * margin, 0.0);
    const double roomY = std::max(height - 2 * margin, 0.0);
    if (spanX <= 0 && spanY <= 0) {
        offsetX_ = width / 2;
        offsetY_ = height / 2;
        return;
    }
    scale_ = std::min(spanX > 0 ? roomX / spanX : roomY / spanY,
                      spanY > 0 ? roomY / spanY : roomX / spanX);
    offsetX_ = (width - spanX * scale_) / 2;
    offsetY_ = (height - spanY * scale_) / 2;
}

DrawnPoint RouteProjection::operator()(GeoPoint point) const {
    return {offsetX_ + (point.lon - west_) * lonFactor_ * scale_,
            offsetY_ + (north_ - point.lat) * scale_};
}

std::string pathData(const std::vector<DrawnPoint>& points) {
    std::string d;
    char buffer[64];
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::snprintf(buffer, sizeof buffer, "%s%.1f %.1f", i == 0 ? "M" : " L", points[i].x,
                      points[i].y);
        d.append(buffer);
    }
    return d;
}

VanStyle vanStyle(std::size_t index) {
    // GOV.UK colours, each dark enough for white text on a marker.
    static constexpr std::array<const char*, 8> kColours{
        "#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#0b0c0c", "#912b88", "#505a5f", "#003078"};
    static constexpr std::array<const char*, 4> kDashes{"", "12 6", "3 4", "12 4 3 4"};
    std::string letter;
    std::size_t n = index;
    do {
        letter.insert(letter.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    } while (n-- > 0);
    return {kColours[index % kColours.size()], kDashes[index % kDashes.size()], letter};
}

}  // namespace ces::web
