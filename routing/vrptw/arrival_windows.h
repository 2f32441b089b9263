#pragma once
// Arrival windows told to residents the day before: one hour per stop, inside the booked slot.
#include <cstddef>
#include <vector>

#include "routing/vrptw/solution.h"

namespace ces::routing {

/// The window given to a resident for one stop.
struct ArrivalWindow {
    std::size_t job = 0;  ///< index into Problem::jobs()
    Time plannedStart{};  ///< service start on the route's earliest schedule
    TimeWindow slot;      ///< the job's window that contains the planned start (its slot)
    TimeWindow window;    ///< `width` long, centred on plannedStart, moved inside the slot
};

/// Arrival windows for every stop of every route, route by route in visiting order. A slot
/// shorter than `width` is given whole. Throws InputError when a planned start lies outside all
/// of its job's windows (the plan breaks a rule) or width is not positive.
std::vector<std::vector<ArrivalWindow>> arrivalWindows(const Problem& problem,
                                                       const Solution& solution,
                                                       Time width = Time(3600));

/// The `width` window centred on `planned`, shifted to lie inside `slot` (whole slot if shorter).
TimeWindow arrivalWindowFor(Time planned, const TimeWindow& slot, Time width = Time(3600));

}  // namespace ces::routing
