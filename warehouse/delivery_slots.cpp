#include "warehouse/delivery_slots.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <tuple>

#include "core/errors.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/order_access.h"
#include "core/uk_time.h"
#include "routing/vrptw/arrival_windows.h"
#include "routing/vrptw/slots.h"

namespace ces::warehouse {

namespace {

using std::chrono::year_month_day;

store::OrderRow schedulableOrder(store::Connection& c, const std::string& reference) {
    auto order = store::findOrderRow(c, reference);
    if (!canBookDeliverySlot(order.status)) {
        throw Conflict("order_not_schedulable",
                       "order " + reference + " is " + std::string(toString(order.status)) +
                           ": only an allocated, scheduled or failed-visit order can be booked "
                           "into a delivery slot");
    }
    return order;
}

// The order's open delivery visit, or the one dispatch would create for it.
std::optional<store::VisitJob> deliveryOf(store::Connection& c, const store::OrderRow& order) {
    if (auto visit = store::openDeliveryVisit(c, order.id)) return visit;
    return store::prospectiveDeliveryVisit(c, order.id);
}

year_month_day localDate(Instant instant) { return toUkLocal(instant).date; }

// Books' slots taken since the day was last optimised hold room too: each such visit (jobs
// from `firstBooked` to the one before last) is put where it fits cheapest within its slot,
// in booking order; one that no longer fits stays out. The last job stays unassigned.
void fitBookedVisits(const routing::Problem& problem, routing::Solution& solution,
                     std::size_t firstBooked) {
    const std::size_t last = problem.jobs().size() - 1;
    for (std::size_t j = firstBooked; j < last; ++j) {
        const routing::Job& job = problem.jobs()[j];
        const routing::DayPlan plan(problem, solution);
        const auto offers = plan.offerSlots(job, job.windows);
        if (offers.empty()) continue;
        const auto& best = offers.front();
        auto route =
            std::find_if(solution.routes.begin(), solution.routes.end(),
                         [&](const routing::Route& r) { return r.vehicle == best.vehicle; });
        if (route == solution.routes.end()) {
            solution.routes.push_back({best.vehicle, {j}});
        } else {
            route->jobs.insert(route->jobs.begin() + static_cast<std::ptrdiff_t>(best.position), j);
        }
        std::erase_if(solution.unassigned,
                      [&](const routing::UnassignedJob& u) { return u.job == j; });
    }
}

// Each day's question: its stored routes (only visits still planned for it, the order's own
// visit left out) with the delivery as the one unassigned job; a day whose stored plan no
// longer holds is skipped rather than offered on a guess.
std::vector<DeliverySlot> offersOn(store::Connection& c, const std::vector<SlotDay>& days,
                                   store::VisitJob delivery, const DispatchPolicy& dispatch) {
    const auto vans = store::listVanCrews(c);
    if (vans.empty()) return {};
    std::map<VanId, std::size_t> vanIndex;
    for (std::size_t v = 0; v < vans.size(); ++v) vanIndex.emplace(vans[v].vanId, v);
    const VisitId ownVisit = delivery.id;
    delivery.slotStartSeconds.reset();
    delivery.slotEndSeconds.reset();

    std::deque<DispatchProblem> problems;
    std::deque<routing::DayPlan> plans;
    std::vector<routing::DayRequest> requests;
    std::vector<year_month_day> dates;
    for (const auto& [day, windows] : days) {
        std::vector<store::VisitJob> visits;
        std::vector<std::vector<std::size_t>> routeJobs(vans.size());
        if (const auto stored = store::loadPlan(c, day)) {
            for (const auto& route : stored->routes) {
                const auto van = vanIndex.find(route.van.vanId);
                if (van == vanIndex.end()) continue;
                for (const auto& visit : route.visits) {
                    if (visit.status != VisitStatus::planned || visit.planDate != day ||
                        (ownVisit.valid() && visit.id == ownVisit)) {
                        continue;
                    }
                    routeJobs[van->second].push_back(visits.size());
                    visits.push_back(visit);
                }
            }
        }
        const std::size_t firstBooked = visits.size();
        for (auto& visit : store::bookedPendingVisits(c, day)) {
            if (!ownVisit.valid() || visit.id != ownVisit) visits.push_back(std::move(visit));
        }
        visits.push_back(delivery);
        routing::Solution solution;
        for (std::size_t v = 0; v < routeJobs.size(); ++v) {
            if (!routeJobs[v].empty()) solution.routes.push_back({v, routeJobs[v]});
        }
        for (std::size_t j = firstBooked; j < visits.size(); ++j) {
            solution.unassigned.push_back({j, "booked, not yet planned"});
        }
        try {
            problems.push_back(buildProblem(day, visits, vans, dispatch));
        } catch (const routing::InputError&) {
            continue;
        }
        try {
            fitBookedVisits(problems.back().problem, solution, firstBooked);
            plans.emplace_back(problems.back().problem, solution);
        } catch (const routing::InputError&) {
            problems.pop_back();
            continue;
        }
        std::vector<routing::TimeWindow> candidates;
        for (const auto& w : windows) {
            candidates.emplace_back(routing::Time(w.startSeconds), routing::Time(w.endSeconds));
        }
        requests.push_back({&plans.back(), problems.back().problem.jobs().back(), candidates});
        dates.push_back(day);
    }
    std::vector<DeliverySlot> slots;
    for (const auto& dated : routing::offerSlotsOverDays(requests)) {
        slots.push_back(
            {dates[dated.day], static_cast<int>(std::lround(dated.offer.window.start().value())),
             static_cast<int>(std::lround(dated.offer.window.end().value())), dated.offer.cost});
    }
    return slots;
}

// Back-to-back windows of `length` between two times of day, the last cut short at `end` when
// it is still at least `shortest` long.
std::vector<ClockWindow> windowsBetween(int start, int end, int length, int shortest) {
    std::vector<ClockWindow> windows;
    for (int from = start; end - from >= shortest; from += length) {
        windows.push_back({from, std::min(from + length, end)});
    }
    return windows;
}

std::vector<SlotDay> ordinarySlotDays(Instant now, std::optional<Instant> dueBy,
                                      const WorkingDayCalendar& calendar,
                                      const SlotPolicy& policy) {
    const auto windows = windowsBetween(policy.dayStartSeconds, policy.dayEndSeconds,
                                        policy.slotSeconds, policy.slotSeconds);
    std::vector<SlotDay> days;
    for (const auto& day : slotDays(now, dueBy, calendar, policy)) days.push_back({day, windows});
    return days;
}

// An emergency is offered only slots that meet its due time while one is left; otherwise (or
// for any other order) the ordinary days.
std::vector<SlotDay> offeredDays(const store::OrderRow& order, Instant now,
                                 const WorkingDayCalendar& calendar, const SlotPolicy& policy) {
    if (order.speed == Speed::emergency && order.dueBy) {
        auto days = emergencySlotDays(now, *order.dueBy, calendar, policy);
        if (!days.empty()) return days;
    }
    return ordinarySlotDays(now, order.dueBy, calendar, policy);
}

bool meetsEmergency(const store::OrderRow& order, Instant now, const WorkingDayCalendar& calendar,
                    const SlotPolicy& policy) {
    return order.speed == Speed::emergency && order.dueBy &&
           !emergencySlotDays(now, *order.dueBy, calendar, policy).empty();
}

}  // namespace

bool canBookDeliverySlot(OrderStatus status) {
    return status == OrderStatus::allocated || status == OrderStatus::scheduled ||
           status == OrderStatus::failed_visit;
}

std::vector<year_month_day> slotDays(Instant now, std::optional<Instant> dueBy,
                                     const WorkingDayCalendar& calendar, const SlotPolicy& policy) {
    using std::chrono::sys_days;
    std::vector<year_month_day> days;
    const sys_days lastDay = dueBy ? sys_days(localDate(*dueBy)) : sys_days::max();
    year_month_day day = localDate(now);
    while (static_cast<int>(days.size()) < policy.workingDaysAhead) {
        day = calendar.nextWorkingDay(day);
        if (!days.empty() && sys_days(day) > lastDay) break;
        days.push_back(day);
    }
    return days;
}

std::vector<SlotDay> emergencySlotDays(Instant now, Instant dueBy,
                                       const WorkingDayCalendar& calendar,
                                       const SlotPolicy& policy) {
    using std::chrono::sys_days;
    constexpr int kQuarterHour = 15 * 60;  // slots start on the quarter hour
    const UkLocalTime earliest = toUkLocal(now + policy.emergency.preparationLead);
    const UkLocalTime due = toUkLocal(dueBy);
    if (!calendar.isWorkingDay(due.date) || sys_days(earliest.date) > sys_days(due.date)) {
        return {};
    }
    int start = policy.dayStartSeconds;
    if (earliest.date == due.date) {
        const int ready = static_cast<int>(earliest.timeOfDay.count());
        start = std::max(start, (ready + kQuarterHour - 1) / kQuarterHour * kQuarterHour);
    }
    const int end = std::min(policy.dayEndSeconds, static_cast<int>(due.timeOfDay.count()));
    auto windows = windowsBetween(start, end, policy.slotSeconds, policy.arrivalWindowSeconds);
    if (windows.empty()) return {};
    return {{due.date, std::move(windows)}};
}

std::vector<DeliverySlot> offerDeliverySlots(store::Connection& c, const std::string& reference,
                                             Instant now, const WorkingDayCalendar& calendar,
                                             const DispatchPolicy& dispatch,
                                             const SlotPolicy& policy) {
    const auto order = schedulableOrder(c, reference);
    const auto delivery = deliveryOf(c, order);
    if (!delivery) return {};
    auto slots = offersOn(c, offeredDays(order, now, calendar, policy), *delivery, dispatch);
    if (meetsEmergency(order, now, calendar, policy)) {
        std::sort(slots.begin(), slots.end(), [](const DeliverySlot& a, const DeliverySlot& b) {
            return std::tie(a.date, a.startSeconds) < std::tie(b.date, b.startSeconds);
        });
    }
    return slots;
}

DeliverySlot bookDeliverySlot(store::Connection& c, const std::string& reference,
                              const std::string& date, int startSeconds, std::optional<UserId> who,
                              Instant now, const WorkingDayCalendar& calendar,
                              const DispatchPolicy& dispatch, const SlotPolicy& policy) {
    const auto day = parseDate(date);
    if (!day) throw ValidationError("date", "date is a day such as 2026-03-02");
    if (startSeconds < 0 || startSeconds >= 24 * 3600) {
        throw ValidationError("start", "start is a time such as 10:00");
    }
    const auto order = schedulableOrder(c, reference);
    const auto delivery = deliveryOf(c, order);
    const auto days = offeredDays(order, now, calendar, policy);
    const auto offered =
        std::find_if(days.begin(), days.end(), [&](const SlotDay& d) { return d.day == *day; });
    if (!delivery || offered == days.end()) {
        throw Conflict("slot_unavailable",
                       "that slot is not available: choose one of those offered");
    }
    const auto offers = offersOn(c, {*offered}, *delivery, dispatch);
    const auto chosen = std::find_if(offers.begin(), offers.end(), [&](const DeliverySlot& s) {
        return s.startSeconds == startSeconds;
    });
    if (chosen == offers.end()) {
        throw Conflict("slot_unavailable", "that slot is no longer available: choose another one");
    }
    if (!delivery->id.valid()) {
        store::createVisit(c,
                           {.order = order.id,
                            .resident = delivery->resident,
                            .depot = delivery->depot,
                            .dueDate = *day,
                            .slotStartSeconds = chosen->startSeconds,
                            .slotEndSeconds = chosen->endSeconds},
                           now);
    } else {
        store::setDeliveryVisitSlot(c, delivery->id, *day, chosen->startSeconds,
                                    chosen->endSeconds);
    }
    const std::string note = "delivery slot " + date + " " + clockTime(chosen->startSeconds) + "-" +
                             clockTime(chosen->endSeconds);
    const bool changed = order.status == OrderStatus::scheduled;
    if (changed) {
        store::audit(c, who, "order.slot", "order", reference, now, note);
    } else {
        store::markOrderScheduled(c, order.id, reference, order.status, who, now, note);
    }
    store::messageResident(
        c, order.id,
        {.kind = store::message_kind::slotBooked,
         .entity = "order",
         .entityId = reference,
         .fields = {{"date", date},
                    {"from", clockTime(chosen->startSeconds)},
                    {"to", clockTime(chosen->endSeconds)}},
         .flags = changed ? std::vector<std::string>{"changed"} : std::vector<std::string>{}},
        now);
    return *chosen;
}

std::optional<ClockWindow> arrivalWindowOf(const store::BookedDeliverySlot& slot,
                                           const SlotPolicy& policy) {
    if (!slot.plannedStartSeconds || slot.endSeconds < slot.startSeconds) return std::nullopt;
    const auto window = routing::arrivalWindowFor(
        routing::Time(*slot.plannedStartSeconds),
        routing::TimeWindow(routing::Time(slot.startSeconds), routing::Time(slot.endSeconds)),
        routing::Time(policy.arrivalWindowSeconds));
    return ClockWindow{static_cast<int>(std::lround(window.start().value())),
                       static_cast<int>(std::lround(window.end().value()))};
}

ClockWindow residentArrivalWindow(const store::VisitJob& visit, int plannedStartSeconds,
                                  int width) {
    const bool slot = visit.slotStartSeconds && visit.slotEndSeconds &&
                      *visit.slotStartSeconds < *visit.slotEndSeconds;
    const routing::TimeWindow bounds =
        slot ? routing::TimeWindow(routing::Time(*visit.slotStartSeconds),
                                   routing::Time(*visit.slotEndSeconds))
             : routing::TimeWindow(routing::Time(0), routing::Time(24 * 3600));
    const auto window =
        routing::arrivalWindowFor(routing::Time(plannedStartSeconds), bounds, routing::Time(width));
    return {static_cast<int>(std::lround(window.start().value())),
            static_cast<int>(std::lround(window.end().value()))};
}

std::optional<ClockWindow> arrivalWindowOf(const store::TrackingView& view) {
    if (view.slot) return arrivalWindowOf(*view.slot);
    if (!view.plannedStartSeconds) return std::nullopt;
    return residentArrivalWindow(store::VisitJob{}, *view.plannedStartSeconds);
}

}  // namespace ces::warehouse
