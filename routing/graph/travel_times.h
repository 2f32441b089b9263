#pragma once
// The one question the solver and dispatch ask: how long, and how far, between each pair
// of these positions? Answered from a road graph or, without one, from a documented fallback.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "routing/graph/geo.h"
#include "routing/graph/units.h"

namespace ces::routing {

/// Durations and distances between every ordered pair of a list of positions, row-major:
/// row = from, column = to. The diagonal is 0.
struct TravelMatrix {
    /// Marks a pair with no road path (durations and distances alike).
    static constexpr Seconds kUnreachable = -1;

    std::size_t size = 0;          ///< Number of positions (rows = columns).
    std::vector<Seconds> seconds;  ///< Travel time, or kUnreachable.
    std::vector<Metres> metres;    ///< Distance driven, or kUnreachable.
    /// Positions a road-graph source could not place on a road (too far from every node):
    /// their rows and columns are the great-circle fallback's. Always empty for the fallback.
    std::vector<std::size_t> estimated;

    /// Travel time from position i to position j.
    Seconds secondsAt(std::size_t i, std::size_t j) const { return seconds[i * size + j]; }
    /// Distance from position i to position j.
    Metres metresAt(std::size_t i, std::size_t j) const { return metres[i * size + j]; }
    /// Whether position j can be reached from position i.
    bool reachable(std::size_t i, std::size_t j) const { return secondsAt(i, j) != kUnreachable; }
};

/// Where travel times come from; implementations are safe to call from several threads.
class TravelTimeSource {
  public:
    virtual ~TravelTimeSource() = default;
    /// The matrix for these positions; throws RoadGraphError for a position off the globe.
    virtual TravelMatrix matrix(const std::vector<LatLon>& positions) const = 0;
    /// One line for logs and reports: which source, with which parameters.
    virtual std::string describe() const = 0;
};

/// FNV-1a over every duration and distance, row by row: equal matrices, equal checksums.
/// For reports and determinism checks.
std::uint64_t matrixChecksum(const TravelMatrix& matrix);

struct FallbackParameters;
struct RoadTravelOptions;

/// The road graph in `roadFile` (a graph file, or an OpenStreetMap extract imported on the
/// spot) when one is given, otherwise the great-circle fallback. Throws RoadGraphError if
/// the file is given but unusable: a wrong path must not silently fall back.
std::unique_ptr<TravelTimeSource> makeTravelTimeSource(
    const std::optional<std::filesystem::path>& roadFile, const FallbackParameters& fallback,
    const RoadTravelOptions& road);

}  // namespace ces::routing
