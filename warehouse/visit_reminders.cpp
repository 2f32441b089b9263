#include "warehouse/visit_reminders.h"

#include <algorithm>

#include "core/store/messages/resident_messages.h"
#include "core/uk_time.h"
#include "warehouse/delivery_slots.h"

namespace ces::warehouse {

namespace {

using std::chrono::year_month_day;

const std::vector<std::string> kReminderKinds = {store::message_kind::visitTomorrow,
                                                 store::message_kind::visitToday};

Instant localInstant(year_month_day date, int seconds) {
    return fromUkLocal(date, std::chrono::seconds(seconds));
}

}  // namespace

void cancelVisitReminders(store::Connection& c, const std::vector<VisitId>& visits, Instant now) {
    for (const auto& visit : visits) {
        store::cancelWaitingMessages(c, "visit", std::to_string(visit.value()), kReminderKinds,
                                     now);
    }
}

void queueVisitReminders(store::Connection& c, const std::vector<store::PlannedRoute>& routes,
                         year_month_day date, Instant now) {
    const Instant evening = localInstant(
        year_month_day(std::chrono::sys_days(date) - std::chrono::days(1)), kEveningBeforeSeconds);
    const Instant morning = localInstant(date, kMorningOfSeconds);
    const Instant endOfDay = localInstant(date, 24 * 3600 - 1);
    for (const auto& route : routes) {
        for (const auto& stop : route.stops) {
            const std::string id = std::to_string(stop.visitId.value());
            store::cancelWaitingMessages(c, "visit", id, kReminderKinds, now);
            if (now > endOfDay) continue;
            const auto visit = store::findVisit(c, stop.visitId);
            if (!visit || visit->status != VisitStatus::planned) continue;
            const auto order = store::orderOfVisit(c, *visit);
            if (!order) continue;
            const std::string kindFlag = "is_" + std::string(toString(visit->kind));
            const std::string day = formatDate(date);
            if (now < morning && toUkLocal(now).date != date) {
                std::vector<std::pair<std::string, std::string>> fields = {{"date", day}};
                if (visit->slotStartSeconds && visit->slotEndSeconds) {
                    fields.emplace_back("from", clockTime(*visit->slotStartSeconds));
                    fields.emplace_back("to", clockTime(*visit->slotEndSeconds));
                }
                store::messageResident(c, *order,
                                       {.kind = store::message_kind::visitTomorrow,
                                        .entity = "visit",
                                        .entityId = id,
                                        .fields = fields,
                                        .flags = {kindFlag},
                                        .sendAfter = std::max(now, evening)},
                                       now);
            }
            queueVisitToday(c, *visit, date, stop.startSeconds, std::max(now, morning), now);
        }
    }
}

void queueVisitToday(store::Connection& c, const store::VisitJob& visit, year_month_day date,
                     int startSeconds, Instant sendAfter, Instant now) {
    const auto order = store::orderOfVisit(c, visit);
    if (!order) return;
    const ClockWindow window = residentArrivalWindow(visit, startSeconds);
    store::messageResident(c, *order,
                           {.kind = store::message_kind::visitToday,
                            .entity = "visit",
                            .entityId = std::to_string(visit.id.value()),
                            .fields = {{"date", formatDate(date)},
                                       {"from", clockTime(window.startSeconds)},
                                       {"to", clockTime(window.endSeconds)}},
                            .flags = {"is_" + std::string(toString(visit.kind))},
                            .sendAfter = sendAfter},
                           now);
}

}  // namespace ces::warehouse
