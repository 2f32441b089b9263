#include "routing/graph/travel_times.h"

#include "routing/graph/fallback_matrix.h"
#include "routing/graph/osm_import.h"
#include "routing/graph/road_travel_times.h"

namespace ces::routing {

std::uint64_t matrixChecksum(const TravelMatrix& matrix) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mix = [&hash](std::int32_t value) {
        auto bits = static_cast<std::uint32_t>(value);
        for (int byte = 0; byte < 4; ++byte, bits >>= 8) {
            hash ^= bits & 0xffU;
            hash *= 0x100000001b3ULL;
        }
    };
    for (std::size_t i = 0; i < matrix.seconds.size(); ++i) {
        mix(matrix.seconds[i]);
        mix(matrix.metres[i]);
    }
    return hash;
}

std::unique_ptr<TravelTimeSource> makeTravelTimeSource(
    const std::optional<std::filesystem::path>& roadFile, const FallbackParameters& fallback,
    const RoadTravelOptions& road) {
    if (!roadFile) return std::make_unique<GreatCircleTravelTimes>(fallback);
    return std::make_unique<RoadGraphTravelTimes>(
        std::make_shared<const RoadGraph>(openRoadGraph(*roadFile)), road);
}

}  // namespace ces::routing
