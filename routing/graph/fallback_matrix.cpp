#include "routing/graph/fallback_matrix.h"

#include <cmath>
#include <cstdio>

#include "routing/graph/errors.h"

namespace ces::routing {

void checkFallbackParameters(const FallbackParameters& parameters) {
    if (!std::isfinite(parameters.detourFactor) || parameters.detourFactor < 1.0) {
        throw RoadGraphError(
            "fallback detour factor must be at least 1 (road distance is "
            "never shorter than the straight line)");
    }
    if (!std::isfinite(parameters.averageSpeedKmh) || parameters.averageSpeedKmh <= 0.0) {
        throw RoadGraphError("fallback average speed must be a positive number of km/h");
    }
}

GreatCircleLeg greatCircleLeg(const LatLon& from, const LatLon& to,
                              const FallbackParameters& parameters) {
    const double road = greatCircleMetres(from, to) * parameters.detourFactor;
    return {static_cast<Seconds>(std::lround(road / (parameters.averageSpeedKmh / 3.6))),
            static_cast<Metres>(std::lround(road))};
}

TravelMatrix greatCircleMatrix(const std::vector<LatLon>& positions,
                               const FallbackParameters& parameters) {
    checkFallbackParameters(parameters);
    for (const LatLon& p : positions) checkLatLon(p, "travel-time position");
    TravelMatrix matrix;
    matrix.size = positions.size();
    matrix.seconds.assign(matrix.size * matrix.size, 0);
    matrix.metres.assign(matrix.size * matrix.size, 0);
    for (std::size_t i = 0; i < matrix.size; ++i) {
        for (std::size_t j = 0; j < matrix.size; ++j) {
            if (i == j) continue;
            const GreatCircleLeg leg = greatCircleLeg(positions[i], positions[j], parameters);
            matrix.metres[i * matrix.size + j] = leg.metres;
            matrix.seconds[i * matrix.size + j] = leg.seconds;
        }
    }
    return matrix;
}

GreatCircleTravelTimes::GreatCircleTravelTimes(FallbackParameters parameters)
    : parameters_(parameters) {
    checkFallbackParameters(parameters_);
}

TravelMatrix GreatCircleTravelTimes::matrix(const std::vector<LatLon>& positions) const {
    return greatCircleMatrix(positions, parameters_);
}

std::string GreatCircleTravelTimes::describe() const {
    char text[96];
    std::snprintf(text, sizeof text, "great-circle fallback (detour %.2f, %.1f km/h)",
                  parameters_.detourFactor, parameters_.averageSpeedKmh);
    return text;
}

}  // namespace ces::routing
