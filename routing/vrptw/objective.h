#pragma once
// What "better" means: the lexicographic objective of design.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "routing/vrptw/types.h"

namespace ces::routing {

/// Ranking of solutions. Unassigned jobs (weighted by priority) always come first.
enum class Objective {
    vehiclesThenDistance,  ///< fewest vans, then least travel (Solomon's convention; the default)
    distance,              ///< least travel plus vehicle fixed costs, whatever the number of vans
};

/// Parses "vehicles-then-distance" or "distance".
std::optional<Objective> parseObjective(std::string_view text);

/// A solution's cost, compared lexicographically.
struct Cost {
    std::int64_t unassigned = 0;  ///< sum over unassigned jobs of (priority + 1)
    std::size_t vehicles = 0;     ///< vans used (0 under Objective::distance)
    Distance distance{};          ///< travel plus fixed costs of used vans
};

/// True when a is strictly better than b on the two whole-number levels (unassigned, vehicles).
inline bool betterLevels(const Cost& a, const Cost& b) {
    if (a.unassigned != b.unassigned) {
        return a.unassigned < b.unassigned;
    }
    return a.vehicles < b.vehicles;
}

/// True when the two whole-number levels are equal.
inline bool sameLevels(const Cost& a, const Cost& b) {
    return a.unassigned == b.unassigned && a.vehicles == b.vehicles;
}

/// Lexicographic "strictly better".
inline bool operator<(const Cost& a, const Cost& b) {
    if (!sameLevels(a, b)) {
        return betterLevels(a, b);
    }
    return a.distance < b.distance;
}

}  // namespace ces::routing
