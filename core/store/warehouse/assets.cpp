#include "core/store/warehouse/assets.h"

#include <cstdio>

#include "core/store/catalogue/catalogue.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kInsertAsset =
    "INSERT INTO assets (barcode, item_code, special_id, description, depot_id, state, "
    "order_line_id, loan_id, resident_id, inspection_interval_months, last_inspected_at, "
    "next_inspection_due, created_at, updated_at, made_on, batch) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) RETURNING id";
const char* const kBarcodeTaken = "SELECT id FROM assets WHERE barcode = $1";
const char* const kNextCounter =
    "INSERT INTO counters (name, value) VALUES ($1, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";
const char* const kFindAsset =
    "SELECT a.id, a.barcode, a.item_code, a.special_id, a.description, a.depot_id, d.code, "
    "a.state, a.order_line_id, a.loan_id, a.resident_id, a.inspection_interval_months, "
    "a.last_inspected_at, a.next_inspection_due, a.created_at, a.updated_at, a.made_on, a.batch "
    "FROM assets a JOIN depots d ON d.id = a.depot_id WHERE a.barcode = $1";
const char* const kMoveAsset =
    "UPDATE assets SET state = $1, depot_id = $2, resident_id = $3, order_line_id = $4, "
    "loan_id = $5, updated_at = $6 WHERE id = $7 AND state = $8";
const char* const kInsertEvent =
    "INSERT INTO asset_events (asset_id, step, from_state, to_state, at, user_id, depot_id, "
    "resident_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const char* const kInsertEventHere =
    "INSERT INTO asset_events (asset_id, step, from_state, to_state, at, user_id, depot_id, "
    "resident_id, note) SELECT id, $1, state, state, $2, $3, depot_id, resident_id, $4 "
    "FROM assets WHERE id = $5";
const char* const kSetInspection =
    "UPDATE assets SET last_inspected_at = $1, next_inspection_due = $2, updated_at = $1 "
    "WHERE id = $3";
const char* const kHistory =
    "SELECT e.step, e.from_state, e.to_state, e.at, COALESCE(u.username, ''), "
    "COALESCE(d.code, ''), e.resident_id, e.note FROM asset_events e "
    "LEFT JOIN users u ON u.id = e.user_id LEFT JOIN depots d ON d.id = e.depot_id "
    "WHERE e.asset_id = $1 ORDER BY e.id";
const char* const kTracksItem =
    "SELECT COUNT(*) FROM assets WHERE depot_id = $1 AND item_code = $2";
const char* const kEnsureStockRow =
    "INSERT INTO stock (depot_id, item_code, available, reserved, on_loan) "
    "VALUES ($1, $2, 0, 0, 0) ON CONFLICT (depot_id, item_code) DO NOTHING";
const char* const kApplyDelta =
    "UPDATE stock SET available = available + $1, reserved = reserved + $2, "
    "on_loan = on_loan + $3, returned = returned + $4, "
    "in_decontamination = in_decontamination + $5, "
    "awaiting_inspection = awaiting_inspection + $6, in_repair = in_repair + $7, "
    "scrapped = scrapped + $8, lost = lost + $9, quarantined = quarantined + $12 "
    "WHERE depot_id = $10 AND item_code = $11 AND available + $1 >= 0 AND reserved + $2 >= 0 "
    "AND on_loan + $3 >= 0 AND returned + $4 >= 0 AND in_decontamination + $5 >= 0 "
    "AND awaiting_inspection + $6 >= 0 AND in_repair + $7 >= 0 AND scrapped + $8 >= 0 "
    "AND lost + $9 >= 0 AND quarantined + $12 >= 0 RETURNING depot_id";
const char* const kLoanColumns =
    "SELECT l.id, l.order_line_id, l.resident_id, l.item_code, l.quantity, l.returned_quantity, "
    "l.ended_at, ol.depot_id, o.id, o.reference FROM loans l "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id ";
const std::string kFindLoan = std::string(kLoanColumns) + "WHERE l.id = $1";
const std::string kOpenLoansFor = std::string(kLoanColumns) +
                                  "WHERE o.reference = $1 AND l.item_code = $2 "
                                  "AND l.ended_at IS NULL ORDER BY l.id";
const char* const kReturnUnits =
    "UPDATE loans SET returned_quantity = returned_quantity + $1, ended_at = CASE WHEN "
    "returned_quantity + $1 >= quantity THEN $2 ELSE ended_at END "
    "WHERE id = $3 AND ended_at IS NULL AND returned_quantity + $1 <= quantity RETURNING id";
const char* const kPickedForLine =
    "SELECT id, barcode FROM assets WHERE order_line_id = $1 AND state = 'reserved' ORDER BY id";
const char* const kIssuable =
    "SELECT id, barcode FROM assets WHERE depot_id = $1 AND item_code = $2 "
    "AND state = 'available' AND (next_inspection_due IS NULL OR next_inspection_due > $3) "
    "ORDER BY id LIMIT $4";
const char* const kOverdueAvailable =
    "SELECT COUNT(*) FROM assets WHERE depot_id = $1 AND item_code = $2 "
    "AND state = 'available' AND next_inspection_due <= $3";
// Keyset paging in due order: the rows after the cursor's (next_inspection_due, id).
const char* const kDueBy =
    "SELECT a.barcode, COALESCE(a.item_code, ''), a.description, a.state, d.code, "
    "a.last_inspected_at, a.next_inspection_due, a.resident_id, r.postcode, r.district, a.id "
    "FROM assets a JOIN depots d ON d.id = a.depot_id JOIN residents r ON r.id = a.resident_id "
    "WHERE a.state = 'on_loan' AND a.next_inspection_due <= $1 "
    "AND ($2 = 0 OR (a.next_inspection_due, a.id) > (SELECT x.next_inspection_due, x.id "
    "FROM assets x WHERE x.id = $2)) ORDER BY a.next_inspection_due, a.id LIMIT $3";
const char* const kCountDueBy =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN next_inspection_due < $2 THEN 1 ELSE 0 END), 0) "
    "FROM assets WHERE state = 'on_loan' AND next_inspection_due <= $1";
const char* const kStateLevels =
    "SELECT d.code, s.item_code, i.name, i.serialised, s.available, s.reserved, s.on_loan, "
    "s.returned, s.in_decontamination, s.awaiting_inspection, s.in_repair, s.scrapped, s.lost, "
    "s.reorder_level, s.quarantined FROM stock s JOIN depots d ON d.id = s.depot_id "
    "JOIN items i ON i.code = s.item_code WHERE ($1 = '' OR d.code = $1) "
    "ORDER BY d.code, s.item_code";
const char* const kAssetStateCounts =
    "SELECT state, COUNT(*) FROM assets WHERE depot_id = $1 AND item_code = $2 "
    "GROUP BY state ORDER BY state";
const char* const kReplenishment =
    "SELECT d.code, s.item_code, i.name, s.available, s.reorder_level, "
    "COALESCE(p.supplier, 'catalogue supplier'), COALESCE(p.lead_time_days, 14) "
    "FROM stock s JOIN depots d ON d.id = s.depot_id JOIN items i ON i.code = s.item_code "
    "LEFT JOIN item_suppliers p ON p.item_code = s.item_code "
    "WHERE s.available < s.reorder_level ORDER BY d.code, s.item_code";
const char* const kSetSupplier =
    "INSERT INTO item_suppliers (item_code, supplier, lead_time_days) VALUES ($1, $2, $3) "
    "ON CONFLICT (item_code) DO UPDATE SET supplier = excluded.supplier, "
    "lead_time_days = excluded.lead_time_days";

const char* const kLineToPick =
    "SELECT ol.id, ol.quantity, (SELECT COUNT(*) FROM assets a WHERE a.order_line_id = ol.id "
    "AND a.state = 'reserved'), o.status FROM order_lines ol JOIN orders o ON o.id = ol.order_id "
    "WHERE o.reference = $1 AND ol.item_code = $2 AND ol.depot_id = $3";

SqlValue optional(const std::optional<std::string>& value) {
    return value ? SqlValue(*value) : SqlValue(std::monostate{});
}
SqlValue optional(const std::optional<Instant>& value) {
    return value ? SqlValue(formatInstant(*value)) : SqlValue(std::monostate{});
}
std::string word(AssetState state) { return std::string(toString(state)); }
std::string word(AssetStep step) { return std::string(toString(step)); }

AssetState stateColumn(const Rows& rows, std::size_t row, std::size_t col) {
    return enumAt(rows, row, col, "asset state", parseAssetState);
}

LoanRow loanFrom(const Rows& rows, std::size_t i) {
    return {LoanId(rows.integer(i, 0)),
            OrderLineId(rows.integer(i, 1)),
            ResidentId(rows.integer(i, 2)),
            rows.text(i, 3),
            rows.integer(i, 4),
            rows.integer(i, 5),
            optionalInstantAt(rows, i, 6, "time"),
            DepotId(rows.integer(i, 7)),
            OrderId(rows.integer(i, 8)),
            rows.text(i, 9)};
}

}  // namespace

AssetId insertAsset(Connection& c, const NewAsset& asset, std::optional<UserId> who, Instant now,
                    const std::string& note) {
    if (!c.query(kBarcodeTaken, {asset.barcode}).empty()) {
        throw Conflict("duplicate_barcode", "barcode " + asset.barcode + " is already registered");
    }
    const AssetId id(c.insert(
        kInsertAsset,
        {asset.barcode, optional(asset.itemCode), idOrNull(asset.specialId), asset.description,
         asset.depot.value(), word(asset.state), idOrNull(asset.orderLineId),
         idOrNull(asset.loanId), idOrNull(asset.resident),
         static_cast<std::int64_t>(asset.inspectionIntervalMonths), optional(asset.lastInspectedAt),
         optional(asset.nextInspectionDue), formatInstant(now),
         asset.madeOn ? SqlValue(formatDate(*asset.madeOn)) : SqlValue(std::monostate{}),
         optional(asset.batch)}));
    c.execute(kInsertEvent, {id.value(), word(AssetStep::register_asset), std::monostate{},
                             word(asset.state), formatInstant(now), idOrNull(who),
                             asset.depot.value(), idOrNull(asset.resident), note});
    return id;
}

std::string nextBarcode(Connection& c, const std::string& prefix) {
    const std::int64_t number = c.query(kNextCounter, {"barcode-" + prefix}).integer(0, 0);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s-%06lld", prefix.c_str(),
                  static_cast<long long>(number));
    return buffer;
}

std::optional<AssetRecord> findAsset(Connection& c, const std::string& barcode) {
    Rows rows = c.query(kFindAsset, {barcode});
    if (rows.empty()) return std::nullopt;
    AssetRecord a;
    a.id = AssetId(rows.integer(0, 0));
    a.barcode = rows.text(0, 1);
    a.itemCode = rows.optionalText(0, 2);
    a.specialId = optionalId<SpecialId>(rows, 0, 3);
    a.description = rows.text(0, 4);
    a.depot = DepotId(rows.integer(0, 5));
    a.depotCode = rows.text(0, 6);
    a.state = stateColumn(rows, 0, 7);
    a.orderLineId = optionalId<OrderLineId>(rows, 0, 8);
    a.loanId = optionalId<LoanId>(rows, 0, 9);
    a.resident = optionalId<ResidentId>(rows, 0, 10);
    a.inspectionIntervalMonths = static_cast<int>(rows.integer(0, 11));
    a.lastInspectedAt = optionalInstantAt(rows, 0, 12, "time");
    a.nextInspectionDue = optionalInstantAt(rows, 0, 13, "time");
    a.createdAt = instantAt(rows, 0, 14, "time");
    a.updatedAt = instantAt(rows, 0, 15, "time");
    a.madeOn = optionalDateAt(rows, 0, 16, "assets.made_on");
    a.batch = rows.optionalText(0, 17);
    return a;
}

void moveAsset(Connection& c, AssetId asset, const AssetMove& move, UserId who, Instant now) {
    const std::size_t changed =
        c.executeCounting(kMoveAsset, {word(move.to), move.depot.value(), idOrNull(move.resident),
                                       idOrNull(move.orderLineId), idOrNull(move.loanId),
                                       formatInstant(now), asset.value(), word(move.from)});
    if (changed != 1) {
        throw Conflict("concurrent_change", "the asset is no longer " + word(move.from));
    }
    c.execute(kInsertEvent,
              {asset.value(), word(move.step), word(move.from), word(move.to), formatInstant(now),
               who.value(), move.depot.value(), idOrNull(move.resident), move.note});
}

void recordAssetEvent(Connection& c, AssetId asset, AssetStep step, UserId who, Instant now,
                      const std::string& note) {
    c.execute(kInsertEventHere, {word(step), formatInstant(now), who.value(), note, asset.value()});
}

void setAssetInspection(Connection& c, AssetId asset, Instant at, std::optional<Instant> nextDue) {
    c.execute(kSetInspection, {formatInstant(at), optional(nextDue), asset.value()});
}

std::vector<AssetEvent> assetHistory(Connection& c, AssetId asset) {
    Rows rows = c.query(kHistory, {asset.value()});
    std::vector<AssetEvent> events;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        AssetEvent& e = events.emplace_back();
        e.step = enumAt(rows, i, 0, "asset step", parseAssetStep);
        if (!rows.isNull(i, 1)) e.from = stateColumn(rows, i, 1);
        e.to = stateColumn(rows, i, 2);
        e.at = instantAt(rows, i, 3, "time");
        e.by = rows.text(i, 4);
        e.depotCode = rows.text(i, 5);
        e.resident = optionalId<ResidentId>(rows, i, 6);
        e.note = rows.text(i, 7);
    }
    return events;
}

bool depotTracksItem(Connection& c, DepotId depot, const std::string& itemCode) {
    return c.query(kTracksItem, {depot.value(), itemCode}).integer(0, 0) > 0;
}

StateCounts& StateCounts::add(AssetState state, std::int64_t n) {
    switch (state) {
        case AssetState::available:
            available += n;
            break;
        case AssetState::reserved:
            reserved += n;
            break;
        case AssetState::on_loan:
            onLoan += n;
            break;
        case AssetState::returned:
            returned += n;
            break;
        case AssetState::in_decontamination:
            inDecontamination += n;
            break;
        case AssetState::awaiting_inspection:
            awaitingInspection += n;
            break;
        case AssetState::in_repair:
            inRepair += n;
            break;
        case AssetState::scrapped:
            scrapped += n;
            break;
        case AssetState::lost:
            lost += n;
            break;
        case AssetState::quarantined:
            quarantined += n;
            break;
    }
    return *this;
}

bool applyCountDelta(Connection& c, DepotId depot, const std::string& itemCode,
                     const CountDelta& d) {
    c.execute(kEnsureStockRow, {depot.value(), itemCode});
    return !c.query(kApplyDelta, {d.available, d.reserved, d.onLoan, d.returned,
                                  d.inDecontamination, d.awaitingInspection, d.inRepair, d.scrapped,
                                  d.lost, depot.value(), itemCode, d.quarantined})
                .empty();
}

std::optional<LoanRow> findLoan(Connection& c, LoanId id) {
    Rows rows = c.query(kFindLoan, {id.value()});
    if (rows.empty()) return std::nullopt;
    return loanFrom(rows, 0);
}

std::vector<LoanRow> openLoansFor(Connection& c, const std::string& orderReference,
                                  const std::string& itemCode) {
    Rows rows = c.query(kOpenLoansFor, {orderReference, itemCode});
    std::vector<LoanRow> loans;
    for (std::size_t i = 0; i < rows.size(); ++i) loans.push_back(loanFrom(rows, i));
    return loans;
}

void returnLoanUnits(Connection& c, LoanId loan, std::int64_t quantity, Instant now) {
    if (c.query(kReturnUnits, {quantity, formatInstant(now), loan.value()}).empty()) {
        throw Conflict("already_returned",
                       "the loan has fewer than " + std::to_string(quantity) + " units still out");
    }
}

void issueLineAssets(Connection& c, OrderLineId line, LoanId loan, ResidentId resident,
                     DepotId depot, const std::string& itemCode, std::int64_t quantity,
                     Instant now) {
    const auto item = findItem(c, itemCode);
    if (!item || !item->serialised || !depotTracksItem(c, depot, itemCode)) return;
    std::vector<std::pair<AssetId, AssetState>> chosen;
    Rows picked = c.query(kPickedForLine, {line.value()});
    for (std::size_t i = 0;
         i < picked.size() && static_cast<std::int64_t>(chosen.size()) < quantity; ++i) {
        chosen.emplace_back(AssetId(picked.integer(i, 0)), AssetState::reserved);
    }
    const std::int64_t missing = quantity - static_cast<std::int64_t>(chosen.size());
    if (missing > 0) {
        Rows free = c.query(kIssuable, {depot.value(), itemCode, formatInstant(now), missing});
        for (std::size_t i = 0; i < free.size(); ++i) {
            chosen.emplace_back(AssetId(free.integer(i, 0)), AssetState::available);
        }
    }
    if (static_cast<std::int64_t>(chosen.size()) < quantity) {
        const bool overdue =
            c.query(kOverdueAvailable, {depot.value(), itemCode, formatInstant(now)})
                .integer(0, 0) > 0;
        if (overdue) {
            throw Conflict("inspection_overdue",
                           "the only " + itemCode +
                               " left at the depot are overdue for inspection and may not be "
                               "issued until inspected");
        }
        throw Conflict("no_asset", "no barcoded " + itemCode + " is on the shelf to issue");
    }
    for (const auto& [id, from] : chosen) {
        c.execute(kMoveAsset,
                  {word(AssetState::on_loan), depot.value(), resident.value(), line.value(),
                   loan.value(), formatInstant(now), id.value(), word(from)});
        c.execute(kInsertEvent, {id.value(), word(AssetStep::issue), word(from),
                                 word(AssetState::on_loan), formatInstant(now), std::monostate{},
                                 depot.value(), resident.value(), std::string("delivered")});
    }
}

std::optional<LineToPick> lineToPick(Connection& c, const std::string& orderReference,
                                     const std::string& itemCode, DepotId depot) {
    Rows rows = c.query(kLineToPick, {orderReference, itemCode, depot.value()});
    if (rows.empty()) return std::nullopt;
    return LineToPick{OrderLineId(rows.integer(0, 0)), rows.integer(0, 1), rows.integer(0, 2),
                      enumAt(rows, 0, 3, "order status", parseOrderStatus)};
}

Page<DueInspection> inspectionsDueBy(Connection& c, Instant until, const PageRequest& page) {
    Rows rows = c.query(kDueBy, {formatInstant(until), cursorParam(page), fetchLimit(page)});
    std::vector<DueInspection> due;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        due.push_back({AssetId(rows.integer(i, 10)), rows.text(i, 0), rows.text(i, 1),
                       rows.text(i, 2), stateColumn(rows, i, 3), rows.text(i, 4),
                       optionalInstantAt(rows, i, 5, "time"), instantAt(rows, i, 6, "time"),
                       ResidentId(rows.integer(i, 7)), rows.text(i, 8), rows.text(i, 9)});
    }
    return pageOf(std::move(due), page, [](const DueInspection& d) { return d.id.value(); });
}

DueInspectionCounts countInspectionsDue(Connection& c, Instant until, Instant now) {
    Rows rows = c.query(kCountDueBy, {formatInstant(until), formatInstant(now)});
    return {rows.integer(0, 0), rows.integer(0, 1)};
}

std::vector<StateLevels> stateLevels(Connection& c, const std::string& depotCode) {
    Rows rows = c.query(kStateLevels, {depotCode});
    std::vector<StateLevels> levels;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        StateLevels& level = levels.emplace_back();
        level.depotCode = rows.text(i, 0);
        level.itemCode = rows.text(i, 1);
        level.itemName = rows.text(i, 2);
        level.serialised = rows.integer(i, 3) != 0;
        level.available = rows.integer(i, 4);
        level.reserved = rows.integer(i, 5);
        level.onLoan = rows.integer(i, 6);
        level.returned = rows.integer(i, 7);
        level.inDecontamination = rows.integer(i, 8);
        level.awaitingInspection = rows.integer(i, 9);
        level.inRepair = rows.integer(i, 10);
        level.scrapped = rows.integer(i, 11);
        level.lost = rows.integer(i, 12);
        level.reorderLevel = rows.integer(i, 13);
        level.quarantined = rows.integer(i, 14);
    }
    return levels;
}

std::vector<std::pair<AssetState, std::int64_t>> assetStateCounts(Connection& c, DepotId depot,
                                                                  const std::string& itemCode) {
    Rows rows = c.query(kAssetStateCounts, {depot.value(), itemCode});
    std::vector<std::pair<AssetState, std::int64_t>> counts;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        counts.emplace_back(stateColumn(rows, i, 0), rows.integer(i, 1));
    }
    return counts;
}

std::vector<ReplenishmentSuggestion> replenishmentSuggestions(Connection& c) {
    Rows rows = c.query(kReplenishment);
    std::vector<ReplenishmentSuggestion> suggestions;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::int64_t available = rows.integer(i, 3);
        const std::int64_t level = rows.integer(i, 4);
        suggestions.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), available, level,
                               2 * level - available, rows.text(i, 5),
                               static_cast<int>(rows.integer(i, 6))});
    }
    return suggestions;
}

void setSupplier(Connection& c, const std::string& itemCode, const std::string& supplier,
                 int leadTimeDays) {
    c.execute(kSetSupplier, {itemCode, supplier, static_cast<std::int64_t>(leadTimeDays)});
}

namespace {

const char* const kOpenSerialisedLoans =
    "SELECT l.id, l.order_line_id, l.resident_id, l.item_code, l.quantity, ol.depot_id "
    "FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
    "JOIN items i ON i.code = l.item_code WHERE l.ended_at IS NULL AND i.serialised = 1 "
    "ORDER BY l.id";
const char* const kPickableShelfAssets =
    "SELECT o.reference, a.barcode FROM orders o JOIN order_lines ol ON ol.order_id = o.id "
    "JOIN assets a ON a.item_code = ol.item_code AND a.depot_id = ol.depot_id "
    "AND a.state = 'available' WHERE o.status = 'allocated' ORDER BY o.id, a.id";

}  // namespace

std::vector<UnregisteredLoan> openSerialisedLoans(Connection& c) {
    Rows rows = c.query(kOpenSerialisedLoans);
    std::vector<UnregisteredLoan> loans;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        loans.push_back({LoanId(rows.integer(i, 0)), OrderLineId(rows.integer(i, 1)),
                         ResidentId(rows.integer(i, 2)), rows.text(i, 3), rows.integer(i, 4),
                         DepotId(rows.integer(i, 5))});
    }
    return loans;
}

void unpickLineAssets(Connection& c, OrderLineId line, UserId who, Instant now,
                      const std::string& note) {
    Rows picked = c.query(kPickedForLine, {line.value()});
    for (std::size_t i = 0; i < picked.size(); ++i) {
        const auto asset = findAsset(c, picked.text(i, 1));
        AssetMove move;
        move.step = AssetStep::unpick;
        move.from = AssetState::reserved;
        move.to = AssetState::available;
        move.depot = asset->depot;
        move.note = note;
        moveAsset(c, asset->id, move, who, now);
    }
}

std::vector<std::pair<std::string, std::string>> pickableShelfAssets(Connection& c) {
    Rows rows = c.query(kPickableShelfAssets);
    std::vector<std::pair<std::string, std::string>> result;
    for (std::size_t i = 0; i < rows.size(); ++i)
        result.emplace_back(rows.text(i, 0), rows.text(i, 1));
    return result;
}

}  // namespace ces::store
