#include "core/collection_rules.h"

#include "core/due_dates.h"
#include "core/errors.h"
#include "core/uk_time.h"

namespace ces {

std::string_view toString(CollectionReason reason) {
    switch (reason) {
        case CollectionReason::no_longer_needed:
            return "no_longer_needed";
        case CollectionReason::moved:
            return "moved";
        case CollectionReason::deceased:
            return "deceased";
        case CollectionReason::faulty:
            return "faulty";
        case CollectionReason::care_home:
            return "care_home";
        case CollectionReason::end_of_loan:
            return "end_of_loan";
    }
    return "unknown";
}

std::optional<CollectionReason> parseCollectionReason(std::string_view text) {
    for (CollectionReason reason : allCollectionReasons) {
        if (toString(reason) == text) return reason;
    }
    return std::nullopt;
}

std::string_view toString(CollectionRequester requester) {
    switch (requester) {
        case CollectionRequester::prescriber:
            return "prescriber";
        case CollectionRequester::resident:
            return "resident";
        case CollectionRequester::warehouse:
            return "warehouse";
    }
    return "unknown";
}

Instant collectionDueBy(Instant requestedAt, bool urgent, const CollectionRules& rules,
                        const WorkingDayCalendar& calendar) {
    const int days = urgent ? rules.urgentWorkingDays : rules.workingDays;
    if (days < 1 || days > 60) {
        throw ValidationError("working_days", "a collection target must be 1 to 60 working days");
    }
    const UkLocalTime requested = toUkLocal(requestedAt);
    return fromUkLocal(calendar.addWorkingDays(requested.date, days), kEndOfWorkingDay);
}

}  // namespace ces
