#pragma once
// Where dispatch's travel times come from: the county's road graph when one was loaded at
// start-up (`ces serve --road-graph FILE`), otherwise routing's straight-line estimate.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "routing/graph/fallback_matrix.h"
#include "routing/graph/road_travel_times.h"
#include "routing/graph/travel_times.h"

namespace ces::warehouse {

/// A road graph loaded once at start-up and shared by every plan and slot offer.
struct RoadNetwork {
    std::string file;  ///< The file's name as given, for the plan page.
    std::shared_ptr<const routing::RoadGraphTravelTimes> travel;  ///< Snapping and Dijkstra.

    /// "road graph kent.roads (123456 nodes)".
    std::string describe() const;
};

/// Loads a graph file written by `ces route import` (or imports an OpenStreetMap extract on
/// the spot); positions farther than `options.maxSnapMetres` from every road node take the
/// straight-line estimate. Throws routing::RoadGraphError if the file is unusable: a wrong
/// path must not silently fall back.
std::shared_ptr<const RoadNetwork> loadRoadNetwork(const std::filesystem::path& file,
                                                   const routing::RoadTravelOptions& options = {});

/// One plan's travel between its positions, and the words the plan shows about its source.
struct PlanTravel {
    routing::TravelMatrix matrix;
    /// "road graph F (N nodes); 2 of 40 points more than 1000 m from a road used
    /// straight-line estimates", or "straight-line estimate (...), no road graph loaded".
    std::string source;
};

/// Travel on `roads` when given, otherwise the straight-line estimate with `straightLine`.
PlanTravel planTravel(const std::vector<routing::LatLon>& positions, const RoadNetwork* roads,
                      const routing::FallbackParameters& straightLine);

/// The travel source in one line for start-up logs: the road graph, or the estimate.
std::string describeTravel(const RoadNetwork* roads,
                           const routing::FallbackParameters& straightLine);

}  // namespace ces::warehouse
