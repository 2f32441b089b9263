#pragma once
// Same-day changes with vans on the road: an emergency or a failed visit's retry put into a
// day's stored routes. Stops done or under way stay; each van goes on from its last recorded
// stop at the time it was recorded; a delivery for a van that has left takes it back to its
// depot to load. A change that would push a resident out of their booked slot waits for the
// planner to confirm it.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"
#include "core/types.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/dispatch.h"

namespace ces::warehouse {

/// A resident whose arrival window the change moves.
struct MovedVisit {
    VisitId visit;
    std::string residentName;
    ClockWindow before;
    ClockWindow after;
    bool outOfSlot = false;  ///< Now outside the slot they booked.
};

/// Where the visit goes (or would go) and what that changes.
struct SameDayInsertion {
    VisitId visit;
    VanId van;
    std::string vanCode;
    int position = 0;    ///< Its stop number on the van's route, from 1.
    int fixedStops = 0;  ///< Stops on that route done or under way, left as they were.
    bool loadAtDepotFirst = false;
    int arrivalSeconds = 0;  ///< Planned start, seconds after local midnight.
    ClockWindow window;      ///< What the resident is told.
    std::int64_t addedMetres = 0;
    int slotsBroken = 0;  ///< Residents pushed out of their booked slot.
    std::vector<MovedVisit> moved;
    bool applied = false;  ///< False: it breaks slots and waits for the planner's confirmation.
};

/// Puts pending visit `visit` into the stored plan of `date` (today or later) where it fits
/// best: an emergency where it is served soonest, other work where it adds least driving; every
/// booked slot held when that is possible, else as few broken as possible and only with
/// `confirm`. ValidationError("date") for a past day; NotFound for an unknown visit;
/// Conflict("no_plan"), Conflict("visit_not_pending"), Conflict("no_van_can_take_it") with the
/// binding reason, Conflict("plan_changed") when the route changed meanwhile.
SameDayInsertion insertIntoDay(store::Database& db, std::chrono::year_month_day date, VisitId visit,
                               bool confirm, const Actor& planner, Instant now,
                               const DispatchPolicy& policy);

/// The pending delivery visit of order `reference` (booked now when it has none), for putting
/// an emergency into today's routes. NotFound for an unknown order; Conflict("not_deliverable")
/// when the order is not waiting for a delivery.
VisitId deliveryVisitOf(store::Database& db, const std::string& reference, Instant now);

}  // namespace ces::warehouse
