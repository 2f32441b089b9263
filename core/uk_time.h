#pragma once
// UK civil time: GMT in winter, BST (UTC+1) from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October. Instants are stored and compared in UTC; the
// local time matters only for rules phrased in clock time ("by 14:00") and for display.
#include <chrono>

namespace ces {

/// A wall-clock reading in the UK.
struct UkLocalTime {
    std::chrono::year_month_day date;  ///< The local calendar date.
    std::chrono::seconds timeOfDay;    ///< Seconds since local midnight, 0 to 86399.
    bool summerTime = false;           ///< True when the reading is BST (UTC+1), else GMT.
};

/// The UTC instant at which BST starts in `year` (01:00 UTC, last Sunday of March).
std::chrono::sys_seconds britishSummerTimeStart(std::chrono::year year);

/// The UTC instant at which BST ends in `year` (01:00 UTC, last Sunday of October).
std::chrono::sys_seconds britishSummerTimeEnd(std::chrono::year year);

/// The UK's offset from UTC at `utc`: one hour during BST, zero otherwise.
std::chrono::seconds ukUtcOffset(std::chrono::sys_seconds utc);

/// The UK wall-clock reading at the UTC instant `utc`.
UkLocalTime toUkLocal(std::chrono::sys_seconds utc);

/// The UTC instant of the UK wall-clock reading `timeOfDay` on `date`. In the hour skipped
/// when BST starts (01:00-01:59 local) the reading is taken as GMT, so 01:30 gives 01:30 UTC
/// (02:30 BST): a deadline there moves an hour later, never earlier. In the hour repeated
/// when BST ends (01:00-01:59 local) the first, BST, occurrence is chosen.
std::chrono::sys_seconds fromUkLocal(std::chrono::year_month_day date,
                                     std::chrono::seconds timeOfDay);

}  // namespace ces
