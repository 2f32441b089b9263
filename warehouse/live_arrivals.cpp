#include "warehouse/live_arrivals.h"

#include <algorithm>
#include <cstdlib>

#include "core/store/dispatch/dispatch.h"
#include "core/store/messages/resident_messages.h"
#include "core/uk_time.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/visit_reminders.h"

namespace ces::warehouse {

namespace {

bool waiting(const store::RunningStop& stop) { return stop.status == VisitStatus::planned; }

int localSeconds(Instant at) { return static_cast<int>(toUkLocal(at).timeOfDay.count()); }

void tell(store::Connection& c, const store::VisitJob& visit, const char* kind, int start,
          Instant now) {
    const auto order = store::orderOfVisit(c, visit);
    if (!order) return;
    const ClockWindow window = residentArrivalWindow(visit, start);
    store::messageResident(
        c, *order,
        {.kind = kind,
         .entity = "visit",
         .entityId = std::to_string(visit.id.value()),
         .fields = {{"from", clockTime(window.startSeconds)}, {"to", clockTime(window.endSeconds)}},
         .flags = {"is_" + std::string(toString(visit.kind))}},
        now);
}

}  // namespace

std::vector<std::optional<int>> laterStarts(const std::vector<store::RunningStop>& stops,
                                            VisitId recorded, int finishedAtSeconds) {
    std::vector<std::optional<int>> starts(stops.size());
    const auto at = std::find_if(stops.begin(), stops.end(),
                                 [&](const store::RunningStop& s) { return s.visit == recorded; });
    if (at == stops.end()) return starts;
    int departure = finishedAtSeconds;
    int plannedDeparture = at->plannedDeparture;
    for (auto i = static_cast<std::size_t>(at - stops.begin()) + 1; i < stops.size(); ++i) {
        const auto& stop = stops[i];
        const int travel = stop.plannedArrival - plannedDeparture;
        plannedDeparture = stop.plannedDeparture;
        if (!waiting(stop)) continue;
        const int arrival = departure + travel;
        // A planned wait means the stop's window opens then: the crew cannot start earlier.
        const int start = stop.plannedStart > stop.plannedArrival
                              ? std::max(arrival, stop.plannedStart)
                              : arrival;
        starts[i] = start;
        departure = start + (stop.plannedDeparture - stop.plannedStart);
    }
    return starts;
}

void updateLaterArrivals(store::Connection& c, VisitId recorded, Instant now) {
    const auto day = store::vanDayOf(c, recorded);
    if (!day || day->date != toUkLocal(now).date) return;
    const auto starts = laterStarts(day->stops, recorded, localSeconds(now));
    bool next = true;
    for (std::size_t i = 0; i < day->stops.size(); ++i) {
        if (!starts[i]) continue;
        const auto& stop = day->stops[i];
        const int start = *starts[i];
        const int told = stop.toldStart.value_or(stop.plannedStart);
        const auto visit = store::findVisit(c, stop.visit);
        std::optional<int> nowTold;
        if (visit && next &&
            !store::messageWritten(c, "visit", std::to_string(stop.visit.value()),
                                   store::message_kind::vanNext)) {
            tell(c, *visit, store::message_kind::vanNext, start, now);
            nowTold = start;
        } else if (visit && std::abs(start - told) > kWindowMoveToTellSeconds) {
            tell(c, *visit, store::message_kind::windowMoved, start, now);
            nowTold = start;
        }
        next = false;
        store::setStopEstimate(c, day->date, stop.visit, start, nowTold);
    }
}

void retellChangedRoute(store::Connection& c, std::chrono::year_month_day date,
                        const store::PlannedRoute& route,
                        const std::vector<store::RunningStop>& before, Instant now) {
    for (const auto& stop : route.stops) {
        const auto old = std::find_if(before.begin(), before.end(),
                                      [&](const auto& s) { return s.visit == stop.visitId; });
        if (old == before.end() || !waiting(*old)) continue;  // the new visit, or one done
        const auto visit = store::findVisit(c, stop.visitId);
        if (!visit) continue;
        const std::string id = std::to_string(stop.visitId.value());
        const int start = stop.startSeconds;
        const int told = old->toldStart.value_or(old->plannedStart);
        if (const auto due =
                store::waitingMessageDue(c, "visit", id, store::message_kind::visitToday)) {
            store::cancelWaitingMessages(c, "visit", id, {store::message_kind::visitToday}, now);
            queueVisitToday(c, *visit, date, start, *due, now);
            continue;  // not told any window yet
        }
        int nowTold = told;  // the new route's rows start afresh: keep what they were told
        if (std::abs(start - told) > kWindowMoveToTellSeconds) {
            tell(c, *visit, store::message_kind::windowMoved, start, now);
            nowTold = start;
        }
        store::setStopEstimate(c, date, stop.visitId, start, nowTold);
    }
}

std::optional<VanRunning> vanRunning(const std::vector<store::RunningStop>& stops) {
    std::optional<VanRunning> running;
    for (std::size_t i = 0; i < stops.size(); ++i) {
        if (!stops[i].completedAt) continue;
        const int late = localSeconds(*stops[i].completedAt) - stops[i].plannedDeparture;
        running = VanRunning{static_cast<int>(i) + 1, static_cast<int>(stops.size()), late / 60};
    }
    return running;
}

}  // namespace ces::warehouse
