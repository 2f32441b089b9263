#pragma once
// Vocabulary of the VRPTW solver: units, and the one exception type for bad input.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace ces::routing {

/// A point in time or a duration, in the caller's unit (whole seconds for the service, the file's
/// unit for Solomon). Double, because Solomon travel times are unrounded Euclidean distances;
/// whole seconds are exact in a double, so the service loses nothing.
using Time = double;

/// Travel cost of an arc, in the caller's unit (metres, seconds, or Solomon's Euclidean units).
using Distance = double;

/// Van load in whole units (items, or volume units chosen by the caller).
using Load = std::int64_t;

/// One bit per skill a job needs and a vehicle (crew and kit) has.
using SkillSet = std::uint32_t;

/// Two people in the crew (heavy or bulky items, hoists).
inline constexpr SkillSet kTwoPersonCrew = 1U << 0U;
/// An engineer certified for lifting equipment (LOLER inspections, hoist installs).
inline constexpr SkillSet kLiftingEngineer = 1U << 1U;

/// No upper limit on a time (an open window).
inline constexpr Time kNoTimeLimit = std::numeric_limits<Time>::infinity();

/// Problem data that breaks an invariant (negative demand, window start after end, bad index,
/// malformed benchmark file). Raised at the boundary, before any search starts.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace ces::routing
