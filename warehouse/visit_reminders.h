#pragma once
// Reminders of a planned visit for the resident: the evening before, and on the morning with
// the one-hour arrival window. Queued when a day's plan is stored; a new plan replaces them.
#include <chrono>
#include <vector>

#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"

namespace ces::warehouse {

/// When the evening-before reminder goes out (local time) and the morning one.
inline constexpr int kEveningBeforeSeconds = 17 * 3600;
inline constexpr int kMorningOfSeconds = 7 * 3600;

/// Queues, for each visit in `routes` on `date`, "we come tomorrow" (at 17:00 the day before,
/// or at once if later; none when the visit is today) and "we come today between X and Y"
/// (at 07:00 on the day, or at once), after cancelling those an earlier plan queued for it.
/// Residents who chose no written messages get none (store::messageResident decides).
void queueVisitReminders(store::Connection& c, const std::vector<store::PlannedRoute>& routes,
                         std::chrono::year_month_day date, Instant now);

/// Queues "we come today between X and Y" for a visit starting at `startSeconds` on `date`.
void queueVisitToday(store::Connection& c, const store::VisitJob& visit,
                     std::chrono::year_month_day date, int startSeconds, Instant sendAfter,
                     Instant now);

/// Cancels the waiting reminders of visits a new plan left out.
void cancelVisitReminders(store::Connection& c, const std::vector<VisitId>& visits, Instant now);

}  // namespace ces::warehouse
