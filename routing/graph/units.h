#pragma once
// Vocabulary of the road graph: units are in the type names so a duration is never read as
// a distance, and a node id is not a number to do arithmetic on.
#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace ces::routing {

/// Whole seconds: the unit of durations handed to the solver (a van day is < 100,000 s).
using Seconds = std::int32_t;
/// Whole metres: the unit of distances handed to the solver.
using Metres = std::int32_t;
/// Tenths of a second: edge weights. A 10 m edge at 50 km/h takes 0.72 s; whole seconds
/// would round every short urban edge to 0 or 1 and bias routes through dense areas.
using Deciseconds = std::uint32_t;
/// Tenths of a metre: edge lengths, for the same reason.
using Decimetres = std::uint32_t;

/// Index of a node in a RoadGraph (dense, 0..nodeCount-1); not an OpenStreetMap id.
class RoadNodeId {
  public:
    constexpr RoadNodeId() = default;
    constexpr explicit RoadNodeId(std::uint32_t value) : value_(value) {}
    constexpr std::uint32_t value() const { return value_; }  ///< Dense index into the graph.
    friend constexpr auto operator<=>(const RoadNodeId&, const RoadNodeId&) = default;

  private:
    std::uint32_t value_ = 0;
};

}  // namespace ces::routing

template <>
struct std::hash<ces::routing::RoadNodeId> {
    std::size_t operator()(const ces::routing::RoadNodeId& id) const noexcept {
        return std::hash<std::uint32_t>{}(id.value());
    }
};
