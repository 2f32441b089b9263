#include "web/pages/district_outlines.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace ces::web {

namespace {

constexpr double kKmPerDegreeLatitude = 110.574;
constexpr double kKmPerDegreeLongitudeAtEquator = 111.320;
constexpr double kCountyToleranceKm = 0.25;

struct Flat {
    double x = 0, y = 0;
};

double distanceToSegment(Flat p, Flat a, Flat b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSquared = dx * dx + dy * dy;
    double t = 0;
    if (lengthSquared > 0) {
        t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0.0, 1.0);
    }
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

void keepFarthest(const std::vector<Flat>& flat, std::size_t first, std::size_t last,
                  double tolerance, std::vector<bool>& keep) {
    // An explicit stack: a long coastline would recurse thousands deep.
    std::vector<std::pair<std::size_t, std::size_t>> spans{{first, last}};
    while (!spans.empty()) {
        const auto [from, to] = spans.back();
        spans.pop_back();
        double farthest = -1;
        std::size_t at = from;
        for (std::size_t i = from + 1; i < to; ++i) {
            const double d = distanceToSegment(flat[i], flat[from], flat[to]);
            if (d > farthest) {
                farthest = d;
                at = i;
            }
        }
        if (farthest > tolerance) {
            keep[at] = true;
            spans.emplace_back(from, at);
            spans.emplace_back(at, to);
        }
    }
}

std::vector<GeoPoint> ringOf(const Poco::JSON::Array& coordinates) {
    std::vector<GeoPoint> ring;
    ring.reserve(coordinates.size());
    for (std::size_t i = 0; i < coordinates.size(); ++i) {
        const auto pair = coordinates.getArray(static_cast<unsigned>(i));
        if (!pair || pair->size() < 2) throw std::runtime_error("a position is not [lon, lat]");
        ring.push_back({pair->getElement<double>(1), pair->getElement<double>(0)});
    }
    return ring;
}

// The rings of a Polygon's coordinates ([ring, ring...]).
void addPolygon(const Poco::JSON::Array& polygon, double toleranceKm,
                std::vector<std::vector<GeoPoint>>& rings) {
    for (std::size_t r = 0; r < polygon.size(); ++r) {
        const auto coordinates = polygon.getArray(static_cast<unsigned>(r));
        if (!coordinates) throw std::runtime_error("a polygon's ring is not an array");
        auto ring = simplifyLine(ringOf(*coordinates), toleranceKm);
        if (ring.size() >= 4) rings.push_back(std::move(ring));
    }
}

GeoPoint middleOf(const std::vector<std::vector<GeoPoint>>& rings) {
    double south = 90, north = -90, west = 180, east = -180;
    for (const auto& ring : rings) {
        for (const auto& p : ring) {
            south = std::min(south, p.lat);
            north = std::max(north, p.lat);
            west = std::min(west, p.lon);
            east = std::max(east, p.lon);
        }
    }
    return {(south + north) / 2, (west + east) / 2};
}

DistrictOutline outlineOf(const Poco::JSON::Object& feature, const std::string& nameProperty,
                          double toleranceKm) {
    const auto properties = feature.getObject("properties");
    const auto geometry = feature.getObject("geometry");
    if (!properties || !geometry) throw std::runtime_error("a feature lacks properties/geometry");
    DistrictOutline outline;
    outline.name = properties->optValue<std::string>(nameProperty, "");
    if (outline.name.empty()) throw std::runtime_error("a feature has no " + nameProperty);
    const auto type = geometry->getValue<std::string>("type");
    const auto coordinates = geometry->getArray("coordinates");
    if (!coordinates) throw std::runtime_error(outline.name + " has no coordinates");
    if (type == "Polygon") {
        addPolygon(*coordinates, toleranceKm, outline.rings);
    } else if (type == "MultiPolygon") {
        for (std::size_t p = 0; p < coordinates->size(); ++p) {
            const auto polygon = coordinates->getArray(static_cast<unsigned>(p));
            if (!polygon) throw std::runtime_error(outline.name + ": a polygon is not an array");
            addPolygon(*polygon, toleranceKm, outline.rings);
        }
    } else {
        throw std::runtime_error(outline.name + " is a " + type + ", not a polygon");
    }
    if (properties->has("centroid_lat") && properties->has("centroid_lon")) {
        outline.label = {properties->getValue<double>("centroid_lat"),
                         properties->getValue<double>("centroid_lon")};
    } else {
        outline.label = middleOf(outline.rings);
    }
    return outline;
}

}  // namespace

std::size_t DistrictOutlines::points() const {
    std::size_t n = 0;
    for (const auto& d : districts) {
        for (const auto& ring : d.rings) n += ring.size();
    }
    return n;
}

std::vector<GeoPoint> DistrictOutlines::everyPoint() const {
    std::vector<GeoPoint> all;
    all.reserve(points());
    for (const auto& d : districts) {
        for (const auto& ring : d.rings) all.insert(all.end(), ring.begin(), ring.end());
    }
    return all;
}

std::vector<GeoPoint> simplifyLine(const std::vector<GeoPoint>& line, double toleranceKm) {
    if (line.size() < 3) return line;
    double middleLatitude = 0;
    for (const auto& p : line) middleLatitude += p.lat;
    middleLatitude /= static_cast<double>(line.size());
    const double kmPerLon =
        kKmPerDegreeLongitudeAtEquator * std::cos(middleLatitude * std::numbers::pi / 180);
    std::vector<Flat> flat;
    flat.reserve(line.size());
    for (const auto& p : line) flat.push_back({p.lon * kmPerLon, p.lat * kKmPerDegreeLatitude});
    std::vector<bool> keep(line.size(), false);
    keep.front() = keep.back() = true;
    keepFarthest(flat, 0, line.size() - 1, toleranceKm, keep);
    std::vector<GeoPoint> kept;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (keep[i]) kept.push_back(line[i]);
    }
    return kept;
}

DistrictOutlines readDistrictOutlines(const std::string& path, const std::string& nameProperty,
                                      double toleranceKm) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read district outlines " + path);
    std::stringstream text;
    text << in.rdbuf();
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
        const auto features = root->getArray("features");
        if (!features) throw std::runtime_error("no features");
        DistrictOutlines outlines;
        for (std::size_t i = 0; i < features->size(); ++i) {
            const auto feature = features->getObject(static_cast<unsigned>(i));
            if (!feature) throw std::runtime_error("a feature is not an object");
            outlines.districts.push_back(outlineOf(*feature, nameProperty, toleranceKm));
        }
        return outlines;
    } catch (const Poco::Exception& e) {
        throw std::runtime_error(path + " is not GeoJSON: " + e.displayText());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

DistrictOutlines countyDistrictOutlines(const std::string& geoDir) {
    const std::string path = geoDir + "/kent_districts_lad19.geojson";
    if (!std::filesystem::exists(path)) return {};
    return readDistrictOutlines(path, "lad19nm", kCountyToleranceKm);
}

}  // namespace ces::web
