#pragma once
// Delivery slots: which 2-hour windows (UK local clock) over the next working days an order's
// delivery can still be fitted into, by cheapest feasible insertion into each day's stored plan
// (or an empty plan of the day's vans), and booking one as the delivery visit's hard window.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/due_dates.h"
#include "core/iso_time.h"
#include "core/order_lifecycle.h"
#include "core/store/dispatch/delivery_slots.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/orders/tracking.h"
#include "core/types.h"
#include "routing/vrptw/types.h"
#include "warehouse/dispatch.h"

namespace ces::warehouse {

/// Which slots are offered; every number configurable.
struct SlotPolicy {
    int workingDaysAhead = 10;        ///< Days offered, from the next working day on.
    int dayStartSeconds = 8 * 3600;   ///< First slot starts at 08:00 local.
    int dayEndSeconds = 18 * 3600;    ///< Last slot ends by 18:00 local.
    int slotSeconds = 2 * 3600;       ///< Two-hour slots.
    int arrivalWindowSeconds = 3600;  ///< The resident's arrival window, inside the slot.
    EmergencyPolicy emergency{};      ///< How soon an emergency's same-day slot may start.
};

/// A window of seconds after local midnight.
struct ClockWindow {
    int startSeconds = 0;
    int endSeconds = 0;
};

/// One bookable slot: a date and a window of seconds after UK local midnight.
struct DeliverySlot {
    std::chrono::year_month_day date;  ///< The slot's (UK) day.
    int startSeconds = 0;              ///< Slot start, seconds after local midnight.
    int endSeconds = 0;                ///< Slot end, seconds after local midnight.
    routing::Distance cost{};  ///< Added travel (metres, plus a van's fixed cost) to fit it in.
};

/// Order states whose delivery can be booked into a slot.
bool canBookDeliverySlot(OrderStatus status);

/// The days slots are offered on: the next `workingDaysAhead` working days after today (UK
/// local), those after the due date left out (the first is always kept, for an overdue order).
std::vector<std::chrono::year_month_day> slotDays(Instant now, std::optional<Instant> dueBy,
                                                  const WorkingDayCalendar& calendar,
                                                  const SlotPolicy& policy);

/// The slots an emergency due at `dueBy` can be offered: on the day it is due only (today when
/// approved by the cut-off, else the next working day), from the day's first slot or now plus
/// the preparation lead (rounded up to the quarter hour), to its due time, in back-to-back
/// windows of at most a slot's length (a shorter last one kept if at least an arrival window
/// long). Empty when none is left before the due time.
struct SlotDay {
    std::chrono::year_month_day day;
    std::vector<ClockWindow> windows;
};
std::vector<SlotDay> emergencySlotDays(Instant now, Instant dueBy,
                                       const WorkingDayCalendar& calendar,
                                       const SlotPolicy& policy);

/// Feasible slots for the order's delivery, cheapest first (ties: earlier day, earlier slot);
/// an emergency's, while its due time can still be met, only those ending by it, earliest first.
/// NotFound for an unknown order; Conflict("order_not_schedulable") when its state cannot be
/// scheduled; empty when no depot serves it or no van has a crew.
std::vector<DeliverySlot> offerDeliverySlots(store::Connection& c, const std::string& reference,
                                             Instant now, const WorkingDayCalendar& calendar,
                                             const DispatchPolicy& dispatch,
                                             const SlotPolicy& policy = {});

/// Books the slot starting at `startSeconds` on `date` for the order's delivery (creating its
/// delivery visit when it has none, re-booking when it has a slot): the visit gets the slot as
/// its only window and an allocated or failed-visit order becomes scheduled. `who` is empty for
/// a resident. ValidationError("date"/"start") for a malformed slot; Conflict("slot_unavailable")
/// when that slot is not (or no longer) feasible; Conflict("order_not_schedulable") when the
/// order's state cannot be scheduled.
DeliverySlot bookDeliverySlot(store::Connection& c, const std::string& reference,
                              const std::string& date, int startSeconds, std::optional<UserId> who,
                              Instant now, const WorkingDayCalendar& calendar,
                              const DispatchPolicy& dispatch, const SlotPolicy& policy = {});

/// The resident's one-hour arrival window for a booked slot once a stored plan holds the visit
/// (centred on the planned start, moved inside the slot); nullopt before that.
/// The window a resident is told for a visit starting at `plannedStartSeconds`: `width` long
/// around it, inside the visit's booked slot when it has one.
ClockWindow residentArrivalWindow(const store::VisitJob& visit, int plannedStartSeconds,
                                  int width = 3600);

std::optional<ClockWindow> arrivalWindowOf(const store::BookedDeliverySlot& slot,
                                           const SlotPolicy& policy = {});

/// The one-hour window a resident tracking an order is told, on its slot's day or (without a
/// slot) its planned day; nullopt until a stored plan holds the delivery.
std::optional<ClockWindow> arrivalWindowOf(const store::TrackingView& view);

}  // namespace ces::warehouse
