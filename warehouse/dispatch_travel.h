#pragma once
// The travel between a plan's depots and visits, worked out once: a horizon builds a problem for
// each day alone and one for the whole horizon over the same places, and a county-week's matrix
// took a second to build each time.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/store/dispatch/dispatch.h"
#include "routing/vrptw/problem.h"
#include "warehouse/travel_source.h"

namespace ces::warehouse {

/// Every depot with a van and every visit as a location of one matrix.
struct DispatchTravel {
    routing::Matrix matrix;  ///< Copies share it.
    std::string source;      ///< Which travel times, for the plan (PlanTravel::source).
    std::map<std::int64_t, std::size_t> depotLocation;  ///< By depot id.
    std::map<std::int64_t, std::size_t> visitLocation;  ///< By visit id.
};

/// The travel between the vans' depots and `visits`: on `roads` when given, otherwise the
/// straight-line estimate with `straightLine`.
DispatchTravel dispatchTravel(const std::vector<store::VisitJob>& visits,
                              const std::vector<store::VanCrew>& vans, const RoadNetwork* roads,
                              const routing::FallbackParameters& straightLine);

}  // namespace ces::warehouse
