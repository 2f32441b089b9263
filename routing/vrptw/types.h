#pragma once
// Vocabulary of the VRPTW solver: units (units.h), loads, skills, and the one exception type for
// bad input.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "routing/vrptw/units.h"

namespace ces::routing {

/// Van load in whole units (items, or volume units chosen by the caller).
using Load = std::int64_t;

/// One bit per skill a job needs and a vehicle (crew and kit) has.
using SkillSet = std::uint32_t;

/// Two people in the crew (heavy or bulky items, hoists).
inline constexpr SkillSet kTwoPersonCrew = 1U << 0U;
/// An engineer certified for lifting equipment (LOLER inspections, hoist installs).
inline constexpr SkillSet kLiftingEngineer = 1U << 1U;

/// Problem data that breaks an invariant (negative demand, window start after end, bad index,
/// malformed benchmark file). Raised at the boundary, before any search starts.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace ces::routing
