#include "routing/graph/snap.h"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <utility>

#include "routing/graph/errors.h"

namespace ces::routing {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

constexpr double kMetresPerDegree = kEarthRadiusMetres * std::numbers::pi / 180.0;

using PlanePoint = bg::model::point<double, 2, bg::cs::cartesian>;
using Entry = std::pair<PlanePoint, std::uint32_t>;

}  // namespace

// The tree stores nodes on a plane: x = longitude × cos(reference latitude), y = latitude,
// in degrees. Over a county this is within a fraction of a percent of true distance; the
// query below corrects for the rest so that the answer is the true great-circle nearest.
// Longitudes do not wrap at ±180°: no county straddles the antimeridian.
struct SnapIndex::Tree {
    double cosReference = 1.0;
    double minLat = 0.0;
    double maxLat = 0.0;
    bgi::rtree<Entry, bgi::rstar<16>> rtree;

    PlanePoint project(const LatLon& p) const { return PlanePoint(p.lon * cosReference, p.lat); }
};

SnapIndex::SnapIndex(const RoadGraph& graph) : tree_(std::make_unique<Tree>()) {
    positions_.reserve(graph.nodeCount());
    for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) {
        positions_.push_back(graph.position(RoadNodeId(v)));
    }
    if (positions_.empty()) return;
    const auto [lo, hi] =
        std::minmax_element(positions_.begin(), positions_.end(),
                            [](const LatLon& a, const LatLon& b) { return a.lat < b.lat; });
    tree_->minLat = lo->lat;
    tree_->maxLat = hi->lat;
    tree_->cosReference = std::cos((lo->lat + hi->lat) / 2.0 * std::numbers::pi / 180.0);
    std::vector<Entry> entries;
    entries.reserve(positions_.size());
    for (std::uint32_t v = 0; v < positions_.size(); ++v) {
        entries.emplace_back(tree_->project(positions_[v]), v);
    }
    tree_->rtree = bgi::rtree<Entry, bgi::rstar<16>>(entries);  // Bulk-loaded (packed).
}

SnapIndex::~SnapIndex() = default;
SnapIndex::SnapIndex(SnapIndex&&) noexcept = default;
SnapIndex& SnapIndex::operator=(SnapIndex&&) noexcept = default;

std::optional<SnappedPoint> SnapIndex::nearest(const LatLon& point) const {
    checkLatLon(point, "snapped position");
    if (positions_.empty()) return std::nullopt;

    // Candidates come in order of plane distance. True distance is at least the plane
    // distance × (lowest cos(latitude) between the point and the nodes ÷ cos(reference)),
    // less a margin for the sphere; once that bound passes the best true distance found,
    // no later candidate can win.
    const double lowLat = std::min(point.lat, tree_->minLat);
    const double highLat = std::max(point.lat, tree_->maxLat);
    const double lowestCos = std::min(std::cos(lowLat * std::numbers::pi / 180.0),
                                      std::cos(highLat * std::numbers::pi / 180.0));
    const double bound = kMetresPerDegree * std::min(1.0, lowestCos / tree_->cosReference) * 0.995;

    const PlanePoint query = tree_->project(point);
    SnappedPoint best{RoadNodeId(0), std::numeric_limits<double>::infinity()};
    std::vector<Entry> candidates;
    // A handful of plane-nearest candidates nearly always holds the true nearest; the bound
    // tells when it might not, and then the search widens.
    for (std::size_t k = 8;; k *= 4) {
        candidates.clear();
        tree_->rtree.query(bgi::nearest(query, static_cast<unsigned>(k)),
                           std::back_inserter(candidates));
        double farthest = 0.0;
        for (const Entry& candidate : candidates) {
            farthest = std::max(farthest, bg::distance(query, candidate.first));
            const double metres = greatCircleMetres(point, positions_[candidate.second]);
            if (metres < best.metres ||
                (metres == best.metres && candidate.second < best.node.value())) {
                best = {RoadNodeId(candidate.second), metres};
            }
        }
        // Every node not returned is at least `farthest` away on the plane.
        if (candidates.size() < k || farthest * bound > best.metres) break;
    }
    return best;
}

std::vector<SnappedPoint> SnapIndex::snapAll(const std::vector<LatLon>& points) const {
    if (positions_.empty()) throw RoadGraphError("cannot snap to an empty road graph");
    std::vector<SnappedPoint> snapped;
    snapped.reserve(points.size());
    for (const LatLon& p : points) snapped.push_back(*nearest(p));
    return snapped;
}

}  // namespace ces::routing
