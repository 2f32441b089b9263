#include "core/due_dates.h"

#include "core/uk_time.h"

namespace ces {

namespace chr = std::chrono;

std::optional<Speed> parseSpeed(std::string_view text) {
    for (Speed speed : allSpeeds) {
        if (toString(speed) == text) return speed;
    }
    return std::nullopt;
}

std::string_view toString(Speed speed) {
    switch (speed) {
        case Speed::emergency:
            return "emergency";
        case Speed::next_day:
            return "next_day";
        case Speed::three_day:
            return "3_day";
        case Speed::five_day:
            return "5_day";
    }
    return "unknown";
}

namespace {

chr::sys_seconds endOfWorkingDays(const WorkingDayCalendar& calendar, chr::year_month_day from,
                                  int workingDays) {
    return fromUkLocal(calendar.addWorkingDays(from, workingDays), kEndOfWorkingDay);
}

}  // namespace

chr::sys_seconds dueBy(Speed speed, chr::sys_seconds approvedAt, const WorkingDayCalendar& calendar,
                       const EmergencyPolicy& emergency) {
    const UkLocalTime approved = toUkLocal(approvedAt);
    switch (speed) {
        case Speed::emergency:
            if (calendar.isWorkingDay(approved.date) && approved.timeOfDay <= emergency.cutOff) {
                return approvedAt + emergency.window;
            }
            return fromUkLocal(calendar.nextWorkingDay(approved.date), emergency.lateDueAt);
        case Speed::next_day:
            return endOfWorkingDays(calendar, approved.date, 1);
        case Speed::three_day:
            return endOfWorkingDays(calendar, approved.date, 3);
        case Speed::five_day:
            return endOfWorkingDays(calendar, approved.date, 5);
    }
    return endOfWorkingDays(calendar, approved.date, 5);
}

}  // namespace ces
