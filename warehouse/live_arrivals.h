#pragma once
// Live arrival times: when a driver records a stop, the van's later stops are estimated again
// from the real time of that outcome and the plan's travel times; the next resident hears "you
// are next", and anyone whose window moved by more than 30 minutes hears the new one.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/van_progress.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

/// A window moving further than this is told to the resident again.
inline constexpr int kWindowMoveToTellSeconds = 30 * 60;

/// The later stops' new service starts after `recorded` finished at `finishedAtSeconds` (local
/// seconds): each starts when the crew arrives (the planned travel after the stop before) or,
/// when the plan had it wait for a slot to open, not before its planned start. Stops already
/// recorded keep their place and are skipped. Index-aligned with `stops`; empty for stops
/// before or at the recorded one and those already recorded.
std::vector<std::optional<int>> laterStarts(const std::vector<store::RunningStop>& stops,
                                            VisitId recorded, int finishedAtSeconds);

/// Re-estimates and tells, in the transaction recording `recorded`'s outcome at `now`. Nothing
/// happens unless the visit is on a stored route for today (UK date).
void updateLaterArrivals(store::Connection& c, VisitId recorded, Instant now);

/// After a visit was put into a van's route (a same-day insert), the route's other stops still to
/// come start at new times: a morning message still waiting is written again with the new
/// window, and a resident already told a window hears of a move over 30 minutes. `before` is the
/// van's day as it was (its told starts), read before the route was replaced.
void retellChangedRoute(store::Connection& c, std::chrono::year_month_day date,
                        const store::PlannedRoute& route,
                        const std::vector<store::RunningStop>& before, Instant now);

/// How a van runs: its last recorded stop (1-based), and how many minutes late (positive) or
/// early (negative) against the plan; nullopt before its first recorded stop.
struct VanRunning {
    int lastStop = 0;
    int stops = 0;
    int minutesLate = 0;
};
std::optional<VanRunning> vanRunning(const std::vector<store::RunningStop>& stops);

}  // namespace ces::warehouse
