#pragma once
// Collections (domain.md): requested by a prescriber, the resident or the warehouse, for a whole
// order or chosen assets, with a reason; due in working days from the request (5 by default,
// 1 when urgent), at the end of the working day, like the day-counted delivery speeds.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/collections.h"
#include "core/ids.h"
#include "core/iso_time.h"
#include "core/types.h"

namespace ces {

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

/// Whole days a collection due at `dueBy` is overdue at `now` (0 on its first overdue day).
std::int64_t daysOverdue(Instant dueBy, Instant now);

/// What is to be collected and why.
struct CollectionRequest {
    std::optional<std::string> orderReference;  ///< Every open loan of this order...
    std::vector<std::string> barcodes;          ///< ...or these assets (one resident's).
    CollectionReason reason = CollectionReason::no_longer_needed;
    bool urgent = false;
    std::string collectionPoint;  ///< A collection point code for a drop-off; "" = from home.
    std::string notes;
    /// For a whole order: leave out what is on an open collection already, instead of refusing
    /// (a death asks back everything not yet asked for).
    bool leaveOutRequested = false;
};

/// Only prescribers and the warehouse (signed in) and residents (proven by the web layer) ask
/// for collections; Forbidden otherwise.
void requireCollectionRequester(CollectionRequester kind, const std::optional<Actor>& actor);

/// The request on its own: an order or barcodes (not both, not neither), at most 50 barcodes,
/// notes of at most 2000 characters; ValidationError otherwise.
void validateCollectionRequest(const CollectionRequest& request);

/// A drop-off when a collection point is named, else from home.
CollectionMethod collectionMethodOf(const CollectionRequest& request);

/// The "still needed?" check-in asks about loans older than `minAgeDays` and asks again after
/// `repeatAfterDays`: each 1 to 3650 days (ValidationError otherwise).
void validateStillNeededAges(int minAgeDays, int repeatAfterDays);

/// An asset a request names by barcode, as the store found it.
struct RequestedAsset {
    std::string barcode;
    AssetId id;
    bool onLoanInHome = false;  ///< On loan, with its loan, resident and catalogue item known.
    std::optional<ResidentId> resident;
};

/// The rules for the `index`th barcode given those before it: on loan in a home (Conflict
/// "not_on_loan"), lent to the same resident as the others and not listed twice
/// (ValidationError on "barcodes[index]").
void checkRequestedAsset(const RequestedAsset& asset, std::size_t index,
                         const std::vector<RequestedAsset>& earlier);

}  // namespace ces
