#include "core/store/collections/collections.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/csv.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/order_access.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"
#include "core/uk_time.h"

namespace ces::store {

namespace {

namespace chr = std::chrono;

const char* const kNextCounter =
    "INSERT INTO counters (name, value) VALUES ($1, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";
// Open loans of an order with the depot they came from and the assets on loan under them.
const char* const kOpenLoansOfOrder =
    "SELECT l.id, l.item_code, l.quantity - l.returned_quantity, ol.depot_id, i.returnable, "
    "i.serialised FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
    "JOIN items i ON i.code = l.item_code "
    "WHERE ol.order_id = $1 AND l.ended_at IS NULL ORDER BY l.id";
const char* const kAssetsOnLoan =
    "SELECT id, barcode FROM assets WHERE loan_id = $1 AND state = 'on_loan' ORDER BY id";
const char* const kLoanDepotAndOrder =
    "SELECT ol.depot_id, o.id, o.reference FROM loans l "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "WHERE l.id = $1";
const char* const kAssetAlreadyRequested =
    "SELECT c.reference FROM collection_items ci JOIN collections c ON c.id = ci.collection_id "
    "WHERE ci.asset_id = $1 AND c.status = 'requested'";
const char* const kLoanAlreadyRequested =
    "SELECT c.reference FROM collection_items ci JOIN collections c ON c.id = ci.collection_id "
    "WHERE ci.loan_id = $1 AND ci.asset_id IS NULL AND c.status = 'requested'";
const char* const kPointByCode = "SELECT id FROM collection_points WHERE code = $1";
const char* const kInsertCollection =
    "INSERT INTO collections (reference, resident_id, order_id, district, requested_by_role, "
    "requested_by, reason, urgent, method, collection_point_id, status, requested_at, due_by, "
    "notes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'requested', $11, $12, $13) "
    "RETURNING id";
const char* const kInsertItem =
    "INSERT INTO collection_items (collection_id, loan_id, asset_id, item_code, quantity, "
    "visit_id) VALUES ($1, $2, $3, $4, $5, $6)";
const char* const kCollectionRow =
    "SELECT c.id, c.reference, c.resident_id, o.reference, c.district, c.requested_by_role, "
    "c.reason, c.urgent, c.method, p.code, c.status, c.requested_at, c.due_by, c.slot_date, "
    "c.slot_start_seconds, c.slot_end_seconds, c.completed_at, c.notes, c.requested_by "
    "FROM collections c LEFT JOIN orders o ON o.id = c.order_id "
    "LEFT JOIN collection_points p ON p.id = c.collection_point_id ";
const std::string kFindCollection = std::string(kCollectionRow) + "WHERE c.reference = $1";
// Keyset paging in due order: the rows after the cursor's (due_by, id).
const char* const kAfterCursor =
    " AND ($2 = 0 OR (c.due_by, c.id) > (SELECT x.due_by, x.id FROM collections x "
    "WHERE x.id = $2)) ";
const std::string kOpenCollections =
    std::string(kCollectionRow) + "WHERE c.status = 'requested' AND ($1 = '' OR c.due_by < $1)" +
    kAfterCursor +
    "AND ($3 = 0 OR EXISTS (SELECT 1 FROM resident_teams rt WHERE rt.resident_id = "
    "c.resident_id AND rt.team_id = $3)) ORDER BY c.due_by, c.id LIMIT $4";
const char* const kItemsOf =
    "SELECT ci.item_code, i.name, a.barcode, ci.quantity, o.reference, "
    "CASE WHEN ci.asset_id IS NOT NULL THEN (CASE WHEN a.state = 'on_loan' AND "
    "a.loan_id = ci.loan_id THEN 1 ELSE 0 END) ELSE (CASE WHEN l.ended_at IS NULL THEN 1 "
    "ELSE 0 END) END, ci.visit_id FROM collection_items ci JOIN items i ON i.code = ci.item_code "
    "JOIN loans l ON l.id = ci.loan_id JOIN order_lines ol ON ol.id = l.order_line_id "
    "JOIN orders o ON o.id = ol.order_id LEFT JOIN assets a ON a.id = ci.asset_id "
    "WHERE ci.collection_id = $1 ORDER BY ci.id";
const char* const kSetSlot =
    "UPDATE collections SET slot_date = $1, slot_start_seconds = $2, slot_end_seconds = $3 "
    "WHERE id = $4";
const char* const kSetVisitSlots =
    "UPDATE visits SET due_date = $1, slot_start_seconds = $2, slot_end_seconds = $3 "
    "WHERE status = 'pending' AND id IN (SELECT visit_id FROM collection_items "
    "WHERE collection_id = $4)";
const char* const kCancel =
    "UPDATE collections SET status = 'cancelled', completed_at = $1 "
    "WHERE id = $2 AND status = 'requested'";
const char* const kCancelVisits =
    "UPDATE visits SET status = 'cancelled' WHERE status = 'pending' AND id IN "
    "(SELECT visit_id FROM collection_items WHERE collection_id = $1)";
// An item is outstanding while its asset is still on the same loan, or (counted items) while
// the loan is open.
const char* const kOutstandingCondition =
    "((ci.asset_id IS NOT NULL AND a.state = 'on_loan' AND a.loan_id = ci.loan_id) OR "
    "(ci.asset_id IS NULL AND l.ended_at IS NULL))";
// The open collections holding an item of the loan that have nothing outstanding any more.
const std::string kCloseReturned =
    "UPDATE collections SET status = 'collected', completed_at = $1 WHERE status = 'requested' "
    "AND id IN (SELECT collection_id FROM collection_items WHERE loan_id = $2) AND NOT EXISTS "
    "(SELECT 1 FROM collection_items ci JOIN loans l ON l.id = ci.loan_id LEFT JOIN assets a ON "
    "a.id = ci.asset_id WHERE ci.collection_id = collections.id AND " +
    std::string(kOutstandingCondition) + ")";
// The visits still to make for collections of the loan that are now collected: nothing is left
// to fetch.
const char* const kCancelCollectedVisits =
    "UPDATE visits SET status = 'cancelled' WHERE status IN ('pending', 'planned') AND id IN "
    "(SELECT ci.visit_id FROM collection_items ci JOIN collections co ON co.id = "
    "ci.collection_id WHERE co.status = 'collected' AND co.id IN (SELECT collection_id FROM "
    "collection_items WHERE loan_id = $1))";
const std::string kOverdue =
    "SELECT c.reference, o.reference, c.district, r.postcode, c.reason, c.method, "
    "c.requested_at, c.due_by, c.id, (SELECT COUNT(*) FROM collection_items ci JOIN loans l ON "
    "l.id = "
    "ci.loan_id LEFT JOIN assets a ON a.id = ci.asset_id WHERE ci.collection_id = c.id AND " +
    std::string(kOutstandingCondition) +
    ") FROM collections c JOIN residents r ON r.id = c.resident_id LEFT JOIN orders o ON "
    "o.id = c.order_id WHERE c.status = 'requested' AND c.due_by < $1" +
    kAfterCursor + "ORDER BY c.due_by, c.id LIMIT $3";
const char* const kInsertPoint =
    "INSERT INTO collection_points (code, name, operator, district, address, postcode, lat, "
    "lon, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING";
const char* const kListPoints =
    "SELECT code, name, operator, district, address, postcode, lat, lon, source "
    "FROM collection_points ORDER BY district, name";
const char* const kStillNeededLoans =
    "FROM loans l "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "JOIN items i ON i.code = l.item_code JOIN residents r ON r.id = l.resident_id "
    "JOIN users u ON u.id = o.prescriber_id "
    "WHERE l.ended_at IS NULL AND l.started_at < $1 AND i.returnable = 1 "
    "AND NOT EXISTS (SELECT 1 FROM collection_items ci JOIN collections c ON "
    "c.id = ci.collection_id WHERE ci.loan_id = l.id AND c.status = 'requested') "
    "AND NOT EXISTS (SELECT 1 FROM outbox m WHERE m.entity = 'loan' AND "
    "m.entity_id = CAST(l.id AS TEXT) AND m.created_at >= $2) ";
const std::string kStillNeeded =
    std::string(
        "SELECT l.id, o.reference, l.item_code, i.name, l.quantity - l.returned_quantity, "
        "(l.quantity - l.returned_quantity) * i.price_pence AS value, l.started_at, "
        "r.district, o.prescriber_id, COALESCE(NULLIF(u.email, ''), u.display_name), o.id ") +
    kStillNeededLoans + "ORDER BY value DESC, l.id LIMIT $3";
const std::string kStillNeededCount = std::string("SELECT COUNT(*) ") + kStillNeededLoans;

struct PendingItem {
    LoanId loanId;
    std::optional<AssetId> assetId;
    std::string itemCode;
    std::int64_t quantity = 0;
    DepotId depot;
    OrderId order;
};

std::string newReference(Connection& c, Instant now) {
    const auto year = static_cast<int>(chr::year_month_day(chr::floor<chr::days>(now)).year());
    const std::int64_t number =
        c.query(kNextCounter, {"collection-" + std::to_string(year)}).integer(0, 0);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "COL-%d-%06lld", year, static_cast<long long>(number));
    return buffer;
}

// May `who` act for this resident (and, for a resident, this order)?
void requireAccess(Connection& c, const CollectionCaller& who, ResidentId resident,
                   const std::optional<std::string>& orderReference, const std::string& what) {
    switch (who.kind) {
        case CollectionRequester::prescriber:
            if (!who.actor || !who.actor->team ||
                !teamServesResident(c, *who.actor->team, resident)) {
                throw NotFound(what);
            }
            return;
        case CollectionRequester::warehouse:
            if (!who.actor) throw NotFound(what);
            return;
        case CollectionRequester::resident: {
            if (!who.residentOrder) throw NotFound(what);
            const OrderRow proved = findOrderRow(c, *who.residentOrder);
            if (proved.resident != resident) throw NotFound(what);
            if (orderReference && *orderReference != *who.residentOrder) throw NotFound(what);
            return;
        }
    }
}

std::vector<PendingItem> itemsOfOrder(Connection& c, const OrderRow& order) {
    std::vector<PendingItem> items;
    Rows loans = c.query(kOpenLoansOfOrder, {order.id.value()});
    for (std::size_t i = 0; i < loans.size(); ++i) {
        if (loans.integer(i, 4) == 0) continue;  // fitted or single-use: not collected
        const LoanId loanId(loans.integer(i, 0));
        const DepotId depot(loans.integer(i, 3));
        std::int64_t out = loans.integer(i, 2);
        Rows assets = c.query(kAssetsOnLoan, {loanId.value()});
        for (std::size_t a = 0; a < assets.size() && out > 0; ++a, --out) {
            items.push_back(
                {loanId, AssetId(assets.integer(a, 0)), loans.text(i, 1), 1, depot, order.id});
        }
        if (out > 0)
            items.push_back({loanId, std::nullopt, loans.text(i, 1), out, depot, order.id});
    }
    return items;
}

Collection load(Connection& c, const Rows& rows, std::size_t i) {
    Collection k;
    k.id = CollectionId(rows.integer(i, 0));
    k.reference = rows.text(i, 1);
    k.resident = ResidentId(rows.integer(i, 2));
    k.orderReference = rows.optionalText(i, 3);
    k.district = rows.text(i, 4);
    k.requestedBy = enumAt(rows, i, 5, "collection requester", parseCollectionRequester);
    k.reason = enumAt(rows, i, 6, "collection reason", parseCollectionReason);
    k.urgent = rows.integer(i, 7) != 0;
    k.method = enumAt(rows, i, 8, "collection method", parseCollectionMethod);
    k.collectionPoint = rows.optionalText(i, 9);
    k.status = enumAt(rows, i, 10, "collection status", parseCollectionStatus);
    k.requestedAt = instantAt(rows, i, 11, "collection request time");
    k.dueBy = instantAt(rows, i, 12, "collection due time");
    k.slotDate = optionalDateAt(rows, i, 13, "collection slot date");
    k.slotStartSeconds = optionalInt(rows, i, 14);
    k.slotEndSeconds = optionalInt(rows, i, 15);
    k.completedAt = optionalInstantAt(rows, i, 16, "collection completion time");
    k.notes = rows.text(i, 17);
    Rows items = c.query(kItemsOf, {k.id.value()});
    for (std::size_t j = 0; j < items.size(); ++j) {
        CollectionItem item;
        item.itemCode = items.text(j, 0);
        item.itemName = items.text(j, 1);
        item.barcode = items.optionalText(j, 2);
        item.quantity = items.integer(j, 3);
        item.orderReference = items.text(j, 4);
        item.outstanding = items.integer(j, 5) != 0;
        if (!items.isNull(j, 6)) item.visitId = VisitId(items.integer(j, 6));
        k.items.push_back(item);
    }
    return k;
}

Collection loadFor(Connection& c, const std::string& reference, const CollectionCaller& who) {
    Rows rows = c.query(kFindCollection, {reference});
    const std::string missing = "no collection has the reference " + reference;
    if (rows.empty()) throw NotFound(missing);
    Collection k = load(c, rows, 0);
    if (who.kind == CollectionRequester::resident) {
        // A resident sees the collections of the order they proved (or of its assets).
        bool theirs = k.orderReference == who.residentOrder;
        for (const auto& item : k.items) theirs |= item.orderReference == who.residentOrder;
        if (!theirs) throw NotFound(missing);
    }
    requireAccess(c, who, k.resident, std::nullopt, missing);
    return k;
}

// The open loans of the order the request names (NotFound for an order `who` may not see).
std::vector<PendingItem> itemsOfOrderRequest(Connection& c, const std::string& reference,
                                             const CollectionCaller& who, ResidentId& resident,
                                             std::optional<OrderId>& order) {
    const std::string missing = "no order has the reference " + reference;
    OrderRow row = [&] {
        try {
            return findOrderRow(c, reference);
        } catch (const NotFound&) {
            throw NotFound(missing);
        }
    }();
    requireAccess(c, who, row.resident, reference, missing);
    resident = row.resident;
    order = row.id;
    auto items = itemsOfOrder(c, row);
    if (items.empty()) {
        throw Conflict("nothing_on_loan",
                       "order " + row.reference + " has nothing on loan to collect");
    }
    return items;
}

// The assets the request names by barcode, each on loan to the same resident.
std::vector<PendingItem> itemsOfBarcodes(Connection& c, const std::vector<std::string>& barcodes,
                                         const CollectionCaller& who, ResidentId& resident) {
    std::vector<PendingItem> items;
    std::vector<RequestedAsset> checked;
    for (std::size_t i = 0; i < barcodes.size(); ++i) {
        const auto asset = findAsset(c, barcodes[i]);
        const std::string missing = "no asset has the barcode " + barcodes[i];
        if (!asset) throw NotFound(missing);
        const RequestedAsset requested{barcodes[i], AssetId(asset->id),
                                       asset->state == AssetState::on_loan && asset->loanId &&
                                           asset->resident && asset->itemCode,
                                       asset->resident};
        checkRequestedAsset(requested, i, checked);
        checked.push_back(requested);
        resident = *asset->resident;
        Rows where = c.query(kLoanDepotAndOrder, {asset->loanId->value()});
        requireAccess(c, who, resident, std::optional<std::string>(where.text(0, 2)), missing);
        items.push_back({LoanId(*asset->loanId), AssetId(asset->id), *asset->itemCode, 1,
                         DepotId(where.integer(0, 0)), OrderId(where.integer(0, 1))});
    }
    return items;
}

// The open collection an item is on already, if any.
std::optional<std::string> openCollectionOf(Connection& c, const PendingItem& item) {
    Rows open = item.assetId ? c.query(kAssetAlreadyRequested, {item.assetId->value()})
                             : c.query(kLoanAlreadyRequested, {item.loanId.value()});
    if (open.empty()) return std::nullopt;
    return open.text(0, 0);
}

// Conflict("already_requested") when an item is on an open collection already; or, leaving
// those out, when nothing else is left.
std::vector<PendingItem> notYetRequested(Connection& c, std::vector<PendingItem> items,
                                         bool leaveOut) {
    std::vector<PendingItem> left;
    std::optional<std::string> onCollection;
    for (auto& item : items) {
        if (const auto open = openCollectionOf(c, item)) {
            if (!leaveOut) {
                throw Conflict("already_requested",
                               item.itemCode + " is already on collection " + *open);
            }
            onCollection = open;
            continue;
        }
        left.push_back(std::move(item));
    }
    if (left.empty() && onCollection) {
        throw Conflict("already_requested",
                       "everything asked for is already on collection " + *onCollection);
    }
    return left;
}

// The collection point's row id for a drop-off (NULL from home).
SqlValue collectionPointId(Connection& c, const std::string& code) {
    if (code.empty()) return std::monostate{};
    Rows found = c.query(kPointByCode, {code});
    if (found.empty()) {
        throw ValidationError("collection_point", "no collection point has the code " + code);
    }
    return found.integer(0, 0);
}

// The collection visit of each item from home: one per asset, one per order and depot for
// counted items.
std::vector<SqlValue> bookCollectionVisits(Connection& c, const std::vector<PendingItem>& items,
                                           const NewVisit& common, Instant now) {
    std::vector<SqlValue> visits;
    std::map<std::pair<OrderId, DepotId>, VisitId> countedVisits;
    for (const auto& item : items) {
        NewVisit v = common;
        v.order = item.order;
        v.assetId = item.assetId;
        v.depot = item.depot;
        if (item.assetId) {
            visits.emplace_back(createVisit(c, v, now).value());
            continue;
        }
        const auto key = std::make_pair(item.order, item.depot);
        if (!countedVisits.count(key)) countedVisits[key] = createVisit(c, v, now);
        visits.emplace_back(countedVisits[key].value());
    }
    return visits;
}

}  // namespace

Collection requestCollection(Connection& c, const CollectionRequest& request,
                             const CollectionCaller& who, Instant now,
                             const WorkingDayCalendar& calendar, const CollectionRules& rules) {
    requireCollectionRequester(who.kind, who.actor);
    validateCollectionRequest(request);
    ResidentId resident;
    std::optional<OrderId> order;
    const std::vector<PendingItem> items =
        notYetRequested(c,
                        request.orderReference
                            ? itemsOfOrderRequest(c, *request.orderReference, who, resident, order)
                            : itemsOfBarcodes(c, request.barcodes, who, resident),
                        request.leaveOutRequested && request.orderReference);
    const SqlValue point = collectionPointId(c, request.collectionPoint);
    const auto person = findResident(c, resident);
    const Instant due = collectionDueBy(now, request.urgent, rules, calendar);
    const std::string reference = newReference(c, now);
    const CollectionMethod method = collectionMethodOf(request);
    const std::int64_t id = c.insert(
        kInsertCollection,
        {reference, resident.value(), order ? SqlValue(order->value()) : SqlValue(std::monostate{}),
         person ? person->district : std::string(), std::string(toString(who.kind)),
         who.actor ? SqlValue(who.actor->id.value()) : SqlValue(std::monostate{}),
         std::string(toString(request.reason)), std::int64_t{request.urgent ? 1 : 0},
         std::string(toString(method)), point, formatInstant(now), formatInstant(due),
         request.notes});
    std::vector<SqlValue> visits(items.size(), std::monostate{});
    if (method == CollectionMethod::home) {
        NewVisit common;
        common.kind = VisitKind::collection;
        common.resident = resident;
        common.dueDate = toUkLocal(due).date;
        common.notes = "collection " + reference + ": " + std::string(toString(request.reason));
        visits = bookCollectionVisits(c, items, common, now);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        c.execute(kInsertItem,
                  {id, item.loanId.value(),
                   item.assetId ? SqlValue(item.assetId->value()) : SqlValue(std::monostate{}),
                   item.itemCode, item.quantity, visits[i]});
    }
    if (!order && !items.empty()) order = items.front().order;
    if (order && method == CollectionMethod::home) {
        messageResident(c, *order,
                        {.kind = message_kind::collectionBooked,
                         .entity = "collection",
                         .entityId = reference,
                         .fields = {{"date", formatDate(toUkLocal(due).date)}}},
                        now);
    }
    audit(c, who.actor ? std::optional<UserId>(who.actor->id) : std::nullopt, "collection.request",
          "collection", reference, now,
          std::string(toString(request.reason)) + (request.urgent ? ", urgent" : "") +
              (method == CollectionMethod::home ? "" : ", drop-off at " + request.collectionPoint));
    return findCollection(c, reference, who);
}

Collection findCollection(Connection& c, const std::string& reference,
                          const CollectionCaller& who) {
    return loadFor(c, reference, who);
}

std::vector<CollectionSlot> collectionSlots(Connection& c, const std::string& reference,
                                            const CollectionCaller& who, Instant now,
                                            const WorkingDayCalendar& calendar) {
    const Collection k = loadFor(c, reference, who);
    std::vector<CollectionSlot> slots;
    if (k.status != CollectionStatus::requested || k.method != CollectionMethod::home) return slots;
    const auto lastDay = toUkLocal(k.dueBy).date;
    auto day = calendar.nextWorkingDay(toUkLocal(now).date);
    for (int offered = 0; offered < 3 || day <= lastDay; ++offered) {
        if (offered >= 15) break;
        for (int start : kCollectionWindows) {
            slots.push_back({day, start, start + 2 * 3600});
        }
        day = calendar.nextWorkingDay(day);
    }
    return slots;
}

Collection bookCollectionSlot(Connection& c, const std::string& reference,
                              const CollectionSlot& slot, const CollectionCaller& who, Instant now,
                              const WorkingDayCalendar& calendar) {
    const Collection k = loadFor(c, reference, who);
    if (k.status != CollectionStatus::requested || k.method != CollectionMethod::home) {
        throw Conflict("not_open", "collection " + reference + " is not an open home collection");
    }
    bool offered = false;
    for (const auto& s : collectionSlots(c, reference, who, now, calendar)) {
        offered |= s.date == slot.date && s.startSeconds == slot.startSeconds;
    }
    if (!offered) {
        throw ValidationError("start", "that window is not offered for this collection");
    }
    const std::int64_t start = slot.startSeconds;
    const std::int64_t end = slot.startSeconds + 2 * 3600;
    const std::string date = formatDate(slot.date);
    c.execute(kSetSlot, {date, start, end, k.id.value()});
    c.execute(kSetVisitSlots, {date, start, end, k.id.value()});
    audit(c, who.actor ? std::optional<UserId>(who.actor->id) : std::nullopt, "collection.slot",
          "collection", reference, now, date + " " + std::to_string(start));
    return loadFor(c, reference, who);
}

Collection cancelCollection(Connection& c, const std::string& reference,
                            const CollectionCaller& who, const std::string& reason, Instant now) {
    const Collection k = loadFor(c, reference, who);
    if (c.executeCounting(kCancel, {formatInstant(now), k.id.value()}) != 1) {
        throw Conflict("not_open",
                       "collection " + reference + " is " + std::string(toString(k.status)));
    }
    c.execute(kCancelVisits, {k.id.value()});
    audit(c, who.actor ? std::optional<UserId>(who.actor->id) : std::nullopt, "collection.cancel",
          "collection", reference, now, reason);
    return loadFor(c, reference, who);
}

std::size_t closeReturnedCollections(Connection& c, LoanId loan, Instant at) {
    const std::size_t closed = c.executeCounting(kCloseReturned, {formatInstant(at), loan.value()});
    if (closed > 0) c.execute(kCancelCollectedVisits, {loan.value()});
    return closed;
}

Page<OverdueCollection> overdueCollections(Connection& c, Instant now, const PageRequest& page) {
    Rows rows = c.query(kOverdue, {formatInstant(now), cursorParam(page), fetchLimit(page)});
    std::vector<OverdueCollection> overdue;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        OverdueCollection o;
        o.reference = rows.text(i, 0);
        o.orderReference = rows.optionalText(i, 1);
        o.district = rows.text(i, 2);
        o.postcode = rows.text(i, 3);
        o.reason = enumAt(rows, i, 4, "collection reason", parseCollectionReason);
        o.method = enumAt(rows, i, 5, "collection method", parseCollectionMethod);
        o.requestedAt = instantAt(rows, i, 6, "collection request time");
        o.dueBy = instantAt(rows, i, 7, "collection due time");
        o.id = CollectionId(rows.integer(i, 8));
        o.daysOverdue = daysOverdue(o.dueBy, now);
        o.itemsOutstanding = rows.integer(i, 9);
        overdue.push_back(o);
    }
    return pageOf(std::move(overdue), page,
                  [](const OverdueCollection& o) { return o.id.value(); });
}

Page<Collection> openCollections(Connection& c, const OpenCollections& which,
                                 const PageRequest& page) {
    Rows rows = c.query(
        kOpenCollections,
        {which.dueBefore ? formatInstant(*which.dueBefore) : std::string(), cursorParam(page),
         which.team ? which.team->value() : std::int64_t{0}, fetchLimit(page)});
    std::vector<Collection> list;
    for (std::size_t i = 0; i < rows.size(); ++i) list.push_back(load(c, rows, i));
    return pageOf(std::move(list), page, [](const Collection& k) { return k.id.value(); });
}

std::size_t importCollectionPoints(Connection& c, std::istream& csv) {
    CsvTable table(csv);
    std::size_t rows = 0;
    while (table.next()) {
        auto optionalText = [&](const char* column) {
            const auto& value = table.field(column);
            return value.empty() ? SqlValue(std::monostate{}) : SqlValue(value);
        };
        auto optionalReal = [&](const char* column) {
            const auto& value = table.field(column);
            return value.empty() ? SqlValue(std::monostate{}) : SqlValue(std::stod(value));
        };
        c.execute(kInsertPoint,
                  {table.field("code"), table.field("name"), table.field("operator"),
                   table.field("district"), table.field("address"), optionalText("postcode"),
                   optionalReal("lat"), optionalReal("lon"), table.field("source")});
        ++rows;
    }
    return rows;
}

std::vector<CollectionPoint> listCollectionPoints(Connection& c) {
    Rows rows = c.query(kListPoints);
    std::vector<CollectionPoint> points;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CollectionPoint p{rows.text(i, 0), rows.text(i, 1), rows.text(i, 2),
                          rows.text(i, 3), rows.text(i, 4), rows.optionalText(i, 5),
                          std::nullopt,    std::nullopt,    rows.text(i, 8)};
        if (!rows.isNull(i, 6)) p.lat = rows.real(i, 6);
        if (!rows.isNull(i, 7)) p.lon = rows.real(i, 7);
        points.push_back(p);
    }
    return points;
}

std::int64_t stillNeededCount(Connection& c, Instant now, int minAgeDays, int repeatAfterDays) {
    validateStillNeededAges(minAgeDays, repeatAfterDays);
    return c
        .query(kStillNeededCount, {formatInstant(now - chr::days(minAgeDays)),
                                   formatInstant(now - chr::days(repeatAfterDays))})
        .integer(0, 0);
}

std::vector<StillNeededCheck> stillNeededChecks(Connection& c, Instant now, int minAgeDays,
                                                int repeatAfterDays, std::size_t limit,
                                                bool queue) {
    validateStillNeededAges(minAgeDays, repeatAfterDays);
    const Instant olderThan = now - chr::days(minAgeDays);
    const Instant notSince = now - chr::days(repeatAfterDays);
    Rows rows = c.query(kStillNeeded, {formatInstant(olderThan), formatInstant(notSince),
                                       static_cast<std::int64_t>(limit)});
    std::vector<StillNeededCheck> checks;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        StillNeededCheck check;
        check.loanId = LoanId(rows.integer(i, 0));
        check.orderReference = rows.text(i, 1);
        check.itemCode = rows.text(i, 2);
        check.itemName = rows.text(i, 3);
        check.quantityOut = rows.integer(i, 4);
        check.value = rows.integer(i, 5);
        check.startedAt = instantAt(rows, i, 6, "loan start time");
        check.district = rows.text(i, 7);
        if (queue) {
            const std::string subject =
                "Still needed? " + check.itemName + " on " + check.orderReference;
            OutboxMessage toPrescriber;
            toPrescriber.recipientUser = UserId(rows.integer(i, 8));
            toPrescriber.recipient = rows.text(i, 9);
            toPrescriber.subject = subject;
            toPrescriber.body = "The " + check.itemName + " lent on " + check.orderReference +
                                " since " + formatDate(utcDate(check.startedAt)) +
                                " is still out. If it is no longer needed, please request a "
                                "collection so it can be cleaned and reused.";
            toPrescriber.entity = "loan";
            toPrescriber.entityId = std::to_string(check.loanId.value());
            check.prescriberMessageId = queueMessage(c, toPrescriber, now);
            check.residentMessageId = messageResident(c, OrderId(rows.integer(i, 10)),
                                                      {.kind = message_kind::stillNeeded,
                                                       .entity = "loan",
                                                       .entityId = toPrescriber.entityId,
                                                       .fields = {{"item", check.itemName}}},
                                                      now);
        }
        checks.push_back(check);
    }
    return checks;
}

}  // namespace ces::store
