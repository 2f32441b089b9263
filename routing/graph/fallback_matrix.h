#pragma once
// Travel times without a road network: great-circle distance × a detour factor ÷ an average
// speed. It keeps the embedded county demo working when no road file is installed.
#include <string>
#include <vector>

#include "routing/graph/geo.h"
#include "routing/graph/travel_times.h"

namespace ces::routing {

/// The two numbers of the fallback; both configurable (e.g. a rural county drives faster
/// but further round hills and rivers).
struct FallbackParameters {
    /// Road distance ÷ straight-line distance. Published road circuity factors are mostly
    /// between 1.2 and 1.4 (e.g. Ballou, Rahardja and Sakai 2002, by country); 1.3 is the
    /// middle value. Must be >= 1.
    double detourFactor = 1.3;
    /// Average van speed in km/h over the detoured distance: a county day mixes 20 mph town
    /// streets, 30 mph villages and faster A-roads, with junctions and turns in between;
    /// 40 km/h (25 mph) is a middle estimate, on the slow side so plans err towards arriving
    /// early. Measure and configure it for a real county. Must be > 0.
    double averageSpeedKmh = 40.0;
};

/// Throws RoadGraphError if a parameter is out of range (detour < 1, speed <= 0, not finite).
void checkFallbackParameters(const FallbackParameters& parameters);

/// The fallback for one trip: metres and seconds as in greatCircleMatrix (no checks).
struct GreatCircleLeg {
    Seconds seconds = 0;
    Metres metres = 0;
};
GreatCircleLeg greatCircleLeg(const LatLon& from, const LatLon& to,
                              const FallbackParameters& parameters);

/// The fallback matrix: metres = round(great circle × detour), seconds = round(great circle ×
/// detour ÷ speed). Every pair is reachable. Throws RoadGraphError on bad input.
TravelMatrix greatCircleMatrix(const std::vector<LatLon>& positions,
                               const FallbackParameters& parameters = {});

/// The fallback as a TravelTimeSource.
class GreatCircleTravelTimes final : public TravelTimeSource {
  public:
    /// Throws RoadGraphError if a parameter is out of range.
    explicit GreatCircleTravelTimes(FallbackParameters parameters = {});
    TravelMatrix matrix(const std::vector<LatLon>& positions) const override;  ///< As above.
    std::string describe() const override;  ///< "great-circle fallback (detour 1.3, 40 km/h)".
    const FallbackParameters& parameters() const { return parameters_; }  ///< As given.

  private:
    FallbackParameters parameters_;
};

}  // namespace ces::routing
