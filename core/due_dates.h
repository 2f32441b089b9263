#pragma once
// Delivery speeds and when an order at each speed is due. The clock starts at approval and
// counts working days (see WorkingDayCalendar); clock times are UK local time.
#include <array>
#include <chrono>
#include <optional>
#include <string_view>

#include "core/calendar.h"

namespace ces {

/// How fast an order must be delivered, as chosen by the prescriber.
enum class Speed { emergency, next_day, three_day, five_day };

/// Every speed, fastest first.
inline constexpr std::array allSpeeds{Speed::emergency, Speed::next_day, Speed::three_day,
                                      Speed::five_day};

/// When an emergency is due and how soon a van can be sent (domain.md's defaults).
struct EmergencyPolicy {
    /// Approved by this local time on a working day, an emergency is due within `window`.
    std::chrono::minutes cutOff{std::chrono::hours(14)};
    std::chrono::minutes window{std::chrono::hours(4)};
    /// Approved later, it is due by this local time on the next working day.
    std::chrono::minutes lateDueAt{std::chrono::hours(12)};
    /// Picking, loading and driving out: no same-day slot starts sooner than this after now.
    std::chrono::minutes preparationLead{std::chrono::hours(1)};
};

/// Local time at which a working day ends; day-counted speeds are due then.
inline constexpr std::chrono::hours kEndOfWorkingDay{17};

/// Reads "emergency", "next_day", "3_day" or "5_day" (exactly); nullopt for anything else.
std::optional<Speed> parseSpeed(std::string_view text);

/// The API name of a speed: "emergency", "next_day", "3_day" or "5_day".
std::string_view toString(Speed speed);

/// When an order of `speed` approved at `approvedAt` is due:
/// - emergency: approvedAt + window (4 hours) if approved at or before the cut-off (14:00) on a
///   working day, else lateDueAt (12:00) on the next working day;
/// - next_day: 17:00 on the next working day after the approval day;
/// - 3_day / 5_day: 17:00 on the 3rd / 5th working day after the approval day.
/// Approval on a non-working day counts from that day, so the first working day after it is
/// the "next working day".
std::chrono::sys_seconds dueBy(Speed speed, std::chrono::sys_seconds approvedAt,
                               const WorkingDayCalendar& calendar,
                               const EmergencyPolicy& emergency = {});

}  // namespace ces
