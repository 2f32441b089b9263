#include "core/collection_rules.h"

#include "core/due_dates.h"
#include "core/errors.h"
#include "core/uk_time.h"

namespace ces {

std::int64_t daysOverdue(Instant dueBy, Instant now) {
    return std::chrono::floor<std::chrono::days>(now - dueBy).count();
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

void requireCollectionRequester(CollectionRequester kind, const std::optional<Actor>& actor) {
    if (kind == CollectionRequester::resident) return;
    if (!actor || (actor->role != Role::prescriber && actor->role != Role::warehouse)) {
        throw Forbidden("only prescribers, the warehouse and residents may ask for collections");
    }
}

void validateCollectionRequest(const CollectionRequest& request) {
    if (request.orderReference.has_value() == !request.barcodes.empty()) {
        throw ValidationError("order_reference",
                              "give either order_reference or barcodes (not both)");
    }
    if (request.barcodes.size() > 50) {
        throw ValidationError("barcodes", "at most 50 barcodes per collection");
    }
    if (request.notes.size() > 2000) {
        throw ValidationError("notes", "notes may be at most 2000 characters");
    }
}

CollectionMethod collectionMethodOf(const CollectionRequest& request) {
    return request.collectionPoint.empty() ? CollectionMethod::home : CollectionMethod::drop_off;
}

void validateStillNeededAges(int minAgeDays, int repeatAfterDays) {
    if (minAgeDays < 1 || minAgeDays > 3650) {
        throw ValidationError("min_age_days", "min_age_days must be between 1 and 3650");
    }
    if (repeatAfterDays < 1 || repeatAfterDays > 3650) {
        throw ValidationError("repeat_after_days", "repeat_after_days must be between 1 and 3650");
    }
}

void checkRequestedAsset(const RequestedAsset& asset, std::size_t index,
                         const std::vector<RequestedAsset>& earlier) {
    if (!asset.onLoanInHome) {
        throw Conflict("not_on_loan", asset.barcode + " is not on loan in a home");
    }
    const std::string field = "barcodes[" + std::to_string(index) + "]";
    for (const auto& before : earlier) {
        if (before.resident != asset.resident) {
            throw ValidationError(field, "all barcodes must be on loan to the same resident");
        }
    }
    for (const auto& before : earlier) {
        if (before.id == asset.id) throw ValidationError(field, asset.barcode + " is listed twice");
    }
}

}  // namespace ces
