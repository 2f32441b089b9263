#include "warehouse/dispatch_travel.h"

namespace ces::warehouse {

DispatchTravel dispatchTravel(const std::vector<store::VisitJob>& visits,
                              const std::vector<store::VanCrew>& vans, const RoadNetwork* roads,
                              const routing::FallbackParameters& straightLine) {
    std::vector<routing::LatLon> positions;
    std::map<std::int64_t, std::size_t> depotLocation;
    for (const auto& van : vans) {
        if (depotLocation.emplace(van.depot.value(), positions.size()).second) {
            positions.push_back({van.depotLat, van.depotLon});
        }
    }
    std::map<std::int64_t, std::size_t> visitLocation;
    for (const auto& visit : visits) {
        visitLocation.emplace(visit.id.value(), positions.size());
        positions.push_back({visit.lat, visit.lon});
    }
    const PlanTravel travel = planTravel(positions, roads, straightLine);
    const std::vector<routing::Time> durations(travel.matrix.seconds.begin(),
                                               travel.matrix.seconds.end());
    const std::vector<routing::Distance> distances(travel.matrix.metres.begin(),
                                                   travel.matrix.metres.end());
    return {routing::Matrix(travel.matrix.size, durations, distances), travel.source,
            std::move(depotLocation), std::move(visitLocation)};
}

}  // namespace ces::warehouse
