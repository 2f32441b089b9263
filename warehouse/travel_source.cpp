#include "warehouse/travel_source.h"

#include <cmath>
#include <cstdio>

#include "routing/graph/osm_import.h"

namespace ces::warehouse {

namespace {

std::string straightLineWords(const routing::FallbackParameters& straightLine) {
    char text[128];
    std::snprintf(text, sizeof text,
                  "straight-line estimate (great-circle distance x %.2f at %.0f km/h), no road "
                  "graph loaded",
                  straightLine.detourFactor, straightLine.averageSpeedKmh);
    return text;
}

}  // namespace

std::string RoadNetwork::describe() const {
    return "road graph " + file + " (" + std::to_string(travel->graph().nodeCount()) + " nodes)";
}

std::shared_ptr<const RoadNetwork> loadRoadNetwork(const std::filesystem::path& file,
                                                   const routing::RoadTravelOptions& options) {
    auto graph = std::make_shared<const routing::RoadGraph>(routing::openRoadGraph(file));
    return std::make_shared<const RoadNetwork>(RoadNetwork{
        file.filename().string(),
        std::make_shared<const routing::RoadGraphTravelTimes>(std::move(graph), options)});
}

PlanTravel planTravel(const std::vector<routing::LatLon>& positions, const RoadNetwork* roads,
                      const routing::FallbackParameters& straightLine) {
    if (!roads)
        return {routing::greatCircleMatrix(positions, straightLine),
                straightLineWords(straightLine)};
    PlanTravel travel{roads->travel->matrix(positions), roads->describe()};
    const auto limit = std::to_string(std::lround(roads->travel->options().maxSnapMetres));
    if (travel.matrix.estimated.empty()) {
        travel.source += "; every point within " + limit + " m of a road";
    } else {
        travel.source += "; " + std::to_string(travel.matrix.estimated.size()) + " of " +
                         std::to_string(positions.size()) + " points more than " + limit +
                         " m from a road used straight-line estimates";
    }
    return travel;
}

std::string describeTravel(const RoadNetwork* roads,
                           const routing::FallbackParameters& straightLine) {
    if (!roads) return straightLineWords(straightLine);
    return roads->describe() + ", " + std::to_string(roads->travel->graph().arcCount()) +
           " arcs; points more than " +
           std::to_string(std::lround(roads->travel->options().maxSnapMetres)) +
           " m from a road use straight-line estimates";
}

}  // namespace ces::warehouse
