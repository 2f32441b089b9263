#pragma once
// Collections: a request (from a prescriber, the resident or the warehouse) for a whole order's
// loans or chosen assets, with a reason and a due date in working days; a home collection books
// collection visits for dispatch, a drop-off names a collection point. A collection is collected
// once every item on it is back (returned at a depot by the warehouse); the "still needed?"
// check-ins ask about old loans, most valuable first.
#include <chrono>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/collection_rules.h"
#include "core/iso_time.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

/// Who is asking: a signed-in prescriber or warehouse user, or a resident proven by their
/// tracking link or order reference + postcode + date of birth (the web layer checks that and
/// passes the order they proved).
struct CollectionCaller {
    ces::CollectionRequester kind = ces::CollectionRequester::prescriber;
    std::optional<Actor> actor;                ///< Prescriber or warehouse.
    std::optional<std::string> residentOrder;  ///< The order reference a resident proved.
};

using ces::CollectionRequest;

/// One item a collection brings back.
struct CollectionItem {
    std::string itemCode;
    std::string itemName;
    std::optional<std::string> barcode;
    std::int64_t quantity = 0;
    std::string orderReference;
    bool outstanding = true;  ///< Still in the home.
    std::optional<VisitId> visitId;
};

/// A collection as staff and residents see it.
struct Collection {
    CollectionId id;
    std::string reference;  ///< "COL-2026-000012".
    ResidentId resident;
    std::optional<std::string> orderReference;
    std::string district;
    CollectionRequester requestedBy = CollectionRequester::prescriber;
    CollectionReason reason = CollectionReason::no_longer_needed;
    bool urgent = false;
    CollectionMethod method = CollectionMethod::home;
    std::optional<std::string> collectionPoint;
    CollectionStatus status = CollectionStatus::requested;
    Instant requestedAt;
    Instant dueBy;
    std::optional<std::chrono::year_month_day> slotDate;
    std::optional<int> slotStartSeconds;
    std::optional<int> slotEndSeconds;
    std::optional<Instant> completedAt;  ///< When the last item came back, or it was cancelled.
    std::string notes;
    std::vector<CollectionItem> items;
};

/// Validates and records a request; due by collectionDueBy. Throws ValidationError (neither or
/// both of order and barcodes, unknown collection point), NotFound (an order or asset the
/// requester may not see), Conflict("nothing_on_loan", "not_on_loan", "already_requested").
Collection requestCollection(Connection& c, const CollectionRequest& request,
                             const CollectionCaller& who, Instant now,
                             const WorkingDayCalendar& calendar, const CollectionRules& rules);

/// The collection, if `who` may see it (NotFound otherwise; a resident sees only collections
/// of the order they proved).
Collection findCollection(Connection& c, const std::string& reference, const CollectionCaller& who);

/// Two-hour windows (start seconds after local midnight) offered for a home collection.
inline constexpr int kCollectionWindows[] = {8 * 3600, 10 * 3600, 12 * 3600, 14 * 3600};
/// A day and window a collection may be booked into.
struct CollectionSlot {
    std::chrono::year_month_day date;
    int startSeconds = 0;
    int endSeconds = 0;
};
/// The windows on working days from the next working day to the due date (at least three
/// working days are offered, so a resident can choose).
std::vector<CollectionSlot> collectionSlots(Connection& c, const std::string& reference,
                                            const CollectionCaller& who, Instant now,
                                            const WorkingDayCalendar& calendar);
/// Books a window: the collection's visits still pending get it. ValidationError for a window
/// not offered; Conflict("not_open") unless requested and from home.
Collection bookCollectionSlot(Connection& c, const std::string& reference,
                              const CollectionSlot& slot, const CollectionCaller& who, Instant now,
                              const WorkingDayCalendar& calendar);

/// Cancels an open collection and its pending visits (prescriber or warehouse).
Collection cancelCollection(Connection& c, const std::string& reference,
                            const CollectionCaller& who, const std::string& reason, Instant now);

/// Closes the open collections holding `loan` (or one of its assets) whose items are now all
/// back, as collected at `at`, the time the last one came back: called in the write that brings
/// an item back; their visits still to make are cancelled. Answers how many were closed.
std::size_t closeReturnedCollections(Connection& c, LoanId loan, Instant at);

/// An open collection past its due time.
struct OverdueCollection {
    CollectionId id;
    std::string reference;
    std::optional<std::string> orderReference;
    std::string district;
    std::string postcode;
    CollectionReason reason = CollectionReason::no_longer_needed;
    CollectionMethod method = CollectionMethod::home;
    Instant requestedAt;
    Instant dueBy;
    std::int64_t daysOverdue = 0;
    std::int64_t itemsOutstanding = 0;
};
/// A page of the open collections due before `now`, most overdue first.
Page<OverdueCollection> overdueCollections(Connection& c, Instant now, const PageRequest& page);

/// Which open collections a staff list shows.
struct OpenCollections {
    std::optional<TeamId> team;        ///< Only residents this team serves (a prescriber's list).
    std::optional<Instant> dueBefore;  ///< Only those due before this (overdue ones).
};
/// A page of the open collections (status requested), earliest due first: the overdue ones,
/// most overdue first, then the rest by due time.
Page<Collection> openCollections(Connection& c, const OpenCollections& which,
                                 const PageRequest& page);

/// A community collection point (household waste recycling centre) for drop-offs.
struct CollectionPoint {
    std::string code;
    std::string name;
    std::string operatorName;
    std::string district;
    std::string address;
    std::optional<std::string> postcode;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string source;
};
/// Loads data/collection_points.csv (columns code,name,operator,district,address,postcode,lat,
/// lon,source); existing codes are kept. Answers rows read.
std::size_t importCollectionPoints(Connection& c, std::istream& csv);
std::vector<CollectionPoint> listCollectionPoints(Connection& c);

/// A loan for the "still needed?" check-in.
struct StillNeededCheck {
    LoanId loanId;
    std::string orderReference;
    std::string itemCode;
    std::string itemName;
    std::int64_t quantityOut = 0;
    Pence value = 0;  ///< Units out x catalogue price.
    Instant startedAt;
    std::string district;
    std::optional<MessageId> prescriberMessageId;
    std::optional<MessageId> residentMessageId;
};
/// Open loans of returnable items older than `minAgeDays`, with no open collection and no
/// check-in in the last `repeatAfterDays`, most valuable first (up to `limit`). With `queue`,
/// puts a check-in for the prescriber and one for the resident into the outbox.
std::vector<StillNeededCheck> stillNeededChecks(Connection& c, Instant now, int minAgeDays,
                                                int repeatAfterDays, std::size_t limit, bool queue);
/// How many loans a check-in would take now, before any `limit`: the rest of a capped run
/// wait for the next.
std::int64_t stillNeededCount(Connection& c, Instant now, int minAgeDays, int repeatAfterDays);

}  // namespace ces::store
