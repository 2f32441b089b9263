#pragma once
// Collections (domain.md): requested by a prescriber, the resident or the warehouse, for a whole
// order or chosen assets, with a reason; due in working days from the request (5 by default,
// 1 when urgent), at the end of the working day, like the day-counted delivery speeds.
#include <array>
#include <optional>
#include <string_view>

#include "core/calendar.h"
#include "core/iso_time.h"

namespace ces {

/// Why the equipment is coming back.
enum class CollectionReason { no_longer_needed, moved, deceased, faulty, care_home, end_of_loan };

inline constexpr std::array allCollectionReasons{
    CollectionReason::no_longer_needed, CollectionReason::moved,     CollectionReason::deceased,
    CollectionReason::faulty,           CollectionReason::care_home, CollectionReason::end_of_loan};

std::string_view toString(CollectionReason reason);  ///< "no_longer_needed", "moved", ...
std::optional<CollectionReason> parseCollectionReason(std::string_view text);

/// Who asked for a collection.
enum class CollectionRequester { prescriber, resident, warehouse };
std::string_view toString(CollectionRequester requester);

/// How long a collection may take; configurable per contract.
struct CollectionRules {
    int workingDays = 5;        ///< The council's target, cut from 10 to 5 working days.
    int urgentWorkingDays = 1;  ///< Urgent (e.g. faulty equipment, a hospital bed needed back).
};

/// When a collection requested at `requestedAt` is due: 17:00 UK time on the Nth working day
/// after the request's local date (N = rules.workingDays, or urgentWorkingDays when urgent).
/// A request on a non-working day counts from that day.
Instant collectionDueBy(Instant requestedAt, bool urgent, const CollectionRules& rules,
                        const WorkingDayCalendar& calendar);

}  // namespace ces
