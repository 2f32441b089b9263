#pragma once
// The geometry of the day plan's route drawing: latitudes and longitudes projected into a fixed
// SVG viewBox (no map tiles), path data for each van's route, and each van's line style. No
// markup here: the plan template draws the shapes from these numbers.
#include <cstddef>
#include <string>
#include <vector>

namespace ces::web {

struct GeoPoint {
    double lat = 0;
    double lon = 0;
};

struct DrawnPoint {
    double x = 0;
    double y = 0;
};

/// An equirectangular projection (longitude shrunk by the cosine of the middle latitude, so a
/// county keeps its shape) that fits every given point inside a width x height box, `margin`
/// units in from each edge, centred, north up. A single point (or none) lands in the middle.
class RouteProjection {
  public:
    RouteProjection(const std::vector<GeoPoint>& points, double width, double height,
                    double margin);
    DrawnPoint operator()(GeoPoint point) const;

  private:
    double width_, height_;
    double west_ = 0, north_ = 0;
    double lonFactor_ = 1;
    double scale_ = 0;
    double offsetX_ = 0, offsetY_ = 0;
};

/// SVG path data through the points in order ("M10.0 20.0 L30.5 40.0"), one decimal.
std::string pathData(const std::vector<DrawnPoint>& points);

/// How one van's route is told apart: a colour with at least 3:1 contrast on white (4.5:1
/// under white marker text), a dash pattern and a letter for its stop markers.
struct VanStyle {
    std::string colour;
    std::string dash;  ///< stroke-dasharray; "" for a solid line.
    std::string letter;
};
/// The style of the `index`th van of the day (styles repeat with a new letter after eight).
VanStyle vanStyle(std::size_t index);

}  // namespace ces::web
