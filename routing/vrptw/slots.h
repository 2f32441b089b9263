#pragma once
// Slot offers: which 2-hour windows a new job could be booked into, tested by cheapest feasible
// insertion into each day's plan; booking turns the chosen slot into a hard window.
#include <cstddef>
#include <vector>

#include "routing/vrptw/route_state.h"
#include "routing/vrptw/solution.h"

namespace ces::routing {

/// One feasible slot and the cheapest way to fit the job into the plan within it.
struct SlotOffer {
    TimeWindow window;         ///< the slot (service starts within it)
    Distance cost{};           ///< added travel (plus fixed cost when a new van is needed)
    std::size_t vehicle = 0;   ///< van that would serve it
    std::size_t position = 0;  ///< stops before it on that van's route
    bool newRoute = false;     ///< true when the van has no route yet in the plan
};

/// A day's plan, prepared once (route caches) so each offer costs O(stops) with O(1) tests.
class DayPlan {
  public:
    /// Keeps references to problem and solution; throws InputError if the plan breaks a rule.
    DayPlan(const Problem& problem, const Solution& solution);
    /// The day's problem (the new job's location must be one of its matrix rows).
    [[nodiscard]] const Problem& problem() const { return problem_; }
    /// Feasible candidate windows, cheapest first (ties: earlier window first). The job's own
    /// windows, if any, are intersected with each candidate.
    [[nodiscard]] std::vector<SlotOffer> offerSlots(
        const Job& newJob, const std::vector<TimeWindow>& candidateWindows) const;

  private:
    const Problem& problem_;
    std::vector<RouteState> routes_;
    std::vector<RouteState> idleVehicles_;  ///< empty routes of vans with nothing planned
};

/// Convenience form of DayPlan::offerSlots for a single question.
std::vector<SlotOffer> offerSlots(const DayPlan& plan, const Job& newJob,
                                  const std::vector<TimeWindow>& candidateWindows);

/// Back-to-back windows of `length` from dayStart, the last ending no later than dayEnd
/// (e.g. 08:00-18:00 in 2-hour slots: five windows).
std::vector<TimeWindow> slotsBetween(Time dayStart, Time dayEnd, Time length = Time(7200));

/// A job whose only window is the booked slot (a hard window for re-optimisation).
Job bookSlot(Job job, const TimeWindow& slot);

/// One day's question in a multi-day offer: that day's plan, the job as located in that day's
/// matrix, and the candidate windows.
struct DayRequest {
    const DayPlan* plan = nullptr;       ///< the day's prepared plan
    Job job;                             ///< the new job, location in that day's matrix
    std::vector<TimeWindow> candidates;  ///< e.g. slotsBetween(8 h, 18 h)
};

/// An offer on one of several days.
struct DatedSlotOffer {
    std::size_t day = 0;  ///< index into the requests
    SlotOffer offer;      ///< the slot and its cost
};

/// Feasible slots over the next working days, cheapest first (ties: earlier day, earlier slot).
std::vector<DatedSlotOffer> offerSlotsOverDays(const std::vector<DayRequest>& days);

}  // namespace ces::routing
