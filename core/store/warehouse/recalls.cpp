#include "core/store/warehouse/recalls.h"

#include <algorithm>

#include "core/errors.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kInsertRecall =
    "INSERT INTO recalls (reference, title, action, item_codes, made_from, made_to, batch, "
    "barcodes, deadline, raised_by, raised_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
const char* const kReferenceTaken = "SELECT COUNT(*) FROM recalls WHERE reference = $1";
const char* const kCandidates =
    "SELECT a.id, a.barcode, a.item_code, a.made_on, a.batch, a.state, a.depot_id, "
    "a.resident_id, o.reference, o.status, o.resident_id, o.id FROM assets a "
    "LEFT JOIN order_lines ol ON ol.id = a.order_line_id "
    "LEFT JOIN orders o ON o.id = ol.order_id "
    "WHERE a.item_code = $1 AND a.state <> 'scrapped' ORDER BY a.id";
const char* const kInsertUnit =
    "INSERT INTO recall_units (recall_id, asset_id, found_state, found_where, depot_id, "
    "resident_id, district, visit_id) VALUES ($1, $2, $3, $4, $5, $6, "
    "(SELECT district FROM residents WHERE id = $6), $7)";
const char* const kOrderHoldingStock =
    "SELECT o.reference FROM order_lines ol JOIN orders o ON o.id = ol.order_id "
    "WHERE ol.depot_id = $1 AND ol.item_code = $2 "
    "AND o.status IN ('allocated', 'awaiting_special', 'scheduled', 'failed_visit') "
    "AND ol.quantity > (SELECT COUNT(*) FROM assets a WHERE a.order_line_id = ol.id "
    "AND a.state = 'reserved') ORDER BY o.id DESC LIMIT 1";
const char* const kUnderOpenRecall =
    "SELECT COUNT(*) FROM recall_units WHERE asset_id = $1 AND resolved_at IS NULL";
const char* const kCarry =
    "UPDATE recall_units SET visit_id = $1 WHERE visit_id = $2 AND resolved_at IS NULL";
const char* const kResolveOfVisit =
    "UPDATE recall_units SET resolution = $1, resolved_at = $2 "
    "WHERE visit_id = $3 AND resolved_at IS NULL";
const char* const kResolve =
    "UPDATE recall_units SET resolution = $1, resolved_at = $2 "
    "WHERE asset_id = $3 AND resolved_at IS NULL";
// $1 = 0 lists every campaign, newest first; otherwise the one with id $1.
const char* const kRecalls =
    "SELECT r.id, r.reference, r.title, r.action, r.item_codes, r.made_from, r.made_to, r.batch, "
    "r.barcodes, r.deadline, u.username, r.raised_at, "
    "(SELECT COUNT(*) FROM recall_units x WHERE x.recall_id = r.id), "
    "(SELECT COUNT(*) FROM recall_units x JOIN visits v ON v.id = x.visit_id "
    "WHERE x.recall_id = r.id AND v.status = 'completed'), "
    "(SELECT COUNT(*) FROM recall_units x WHERE x.recall_id = r.id "
    "AND x.resolved_at IS NOT NULL), "
    "(SELECT COUNT(*) FROM recall_units x WHERE x.recall_id = r.id AND r.action = 'replace' "
    "AND x.found_where IN ('home', 'van') AND x.resolved_at IS NULL "
    "AND x.replacement_asset_id IS NULL) "
    "FROM recalls r JOIN users u ON u.id = r.raised_by WHERE ($1 = 0 OR r.id = $1) "
    "ORDER BY r.id DESC";
const char* const kByDistrict =
    "SELECT COALESCE(x.district, ''), COUNT(*), "
    "COALESCE(SUM(CASE WHEN v.status = 'completed' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN x.resolved_at IS NOT NULL THEN 1 ELSE 0 END), 0) "
    "FROM recall_units x LEFT JOIN visits v ON v.id = x.visit_id WHERE x.recall_id = $1 "
    "GROUP BY COALESCE(x.district, '') ORDER BY COALESCE(x.district, '')";
const char* const kUnits =
    "SELECT a.barcode, a.item_code, a.made_on, a.batch, x.found_where, x.found_state, d.code, "
    "COALESCE(x.district, ''), x.visit_id, COALESCE(v.status, ''), v.due_date, "
    "COALESCE(x.resolution, ''), x.resolved_at, COALESCE(b.barcode, '') FROM recall_units x "
    "JOIN assets a ON a.id = x.asset_id JOIN depots d ON d.id = x.depot_id "
    "LEFT JOIN assets b ON b.id = x.replacement_asset_id "
    "LEFT JOIN visits v ON v.id = x.visit_id WHERE x.recall_id = $1 "
    "ORDER BY COALESCE(x.district, ''), a.barcode";

SqlValue dateOrNull(const std::optional<std::chrono::year_month_day>& date) {
    return date ? SqlValue(formatDate(*date)) : SqlValue(std::monostate{});
}

std::string joined(const std::vector<std::string>& values) {
    std::string text;
    for (const auto& value : values) text.append(text.empty() ? "" : ",").append(value);
    return text;
}

std::vector<RecallSummary> recalls(Connection& c, std::int64_t id,
                                   std::chrono::year_month_day today) {
    const Rows rows = c.query(kRecalls, {id});
    std::vector<RecallSummary> found;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RecallSummary& r = found.emplace_back();
        r.id = RecallId(rows.integer(i, 0));
        r.reference = rows.text(i, 1);
        r.title = rows.text(i, 2);
        r.action = enumAt(rows, i, 3, "recall action", parseRecallAction);
        r.itemCodes = rows.text(i, 4);
        r.madeFrom = optionalDateAt(rows, i, 5, "recalls.made_from");
        r.madeTo = optionalDateAt(rows, i, 6, "recalls.made_to");
        r.batch = rows.optionalText(i, 7);
        const std::string barcodes = rows.text(i, 8);
        r.barcodesNamed =
            barcodes.empty() ? 0 : 1 + std::count(barcodes.begin(), barcodes.end(), ',');
        r.deadline = dateAt(rows, i, 9, "recalls.deadline");
        r.raisedBy = rows.text(i, 10);
        r.raisedAt = instantAt(rows, i, 11, "recalls.raised_at");
        r.found = rows.integer(i, 12);
        r.visited = rows.integer(i, 13);
        r.resolved = rows.integer(i, 14);
        r.remaining = r.found - r.resolved;
        const bool late = std::chrono::sys_days(today) > std::chrono::sys_days(r.deadline);
        r.overdue = late ? r.remaining : 0;
        r.awaitingReplacement = rows.integer(i, 15);
    }
    return found;
}

}  // namespace

RecallId insertRecall(Connection& c, const NewRecall& recall, UserId raisedBy, Instant now) {
    const auto& f = recall.filter;
    return RecallId(
        c.insert(kInsertRecall,
                 {recall.reference, recall.title, std::string(toString(recall.action)),
                  joined(f.itemCodes), dateOrNull(f.madeFrom), dateOrNull(f.madeTo),
                  f.batch ? SqlValue(*f.batch) : SqlValue(std::monostate{}), joined(f.barcodes),
                  formatDate(recall.deadline), raisedBy.value(), formatInstant(now)}));
}

bool recallReferenceTaken(Connection& c, const std::string& reference) {
    return c.query(kReferenceTaken, {reference}).integer(0, 0) > 0;
}

std::vector<RecallCandidate> recallCandidates(Connection& c, const std::string& itemCode) {
    const Rows rows = c.query(kCandidates, {itemCode});
    std::vector<RecallCandidate> found;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RecallCandidate& u = found.emplace_back();
        u.asset = AssetId(rows.integer(i, 0));
        u.facts.barcode = rows.text(i, 1);
        u.facts.itemCode = rows.text(i, 2);
        u.facts.madeOn = optionalDateAt(rows, i, 3, "assets.made_on");
        u.facts.batch = rows.optionalText(i, 4);
        u.facts.state = enumAt(rows, i, 5, "asset state", parseAssetState);
        u.depot = DepotId(rows.integer(i, 6));
        u.resident = optionalId<ResidentId>(rows, i, 7);
        u.orderReference = rows.optionalText(i, 8);
        if (!rows.isNull(i, 9))
            u.orderStatus = enumAt(rows, i, 9, "order status", parseOrderStatus);
        u.orderResident = optionalId<ResidentId>(rows, i, 10);
        u.order = optionalId<OrderId>(rows, i, 11);
    }
    return found;
}

void insertRecallUnit(Connection& c, const NewRecallUnit& unit) {
    c.execute(kInsertUnit,
              {unit.recall.value(), unit.asset.value(), std::string(toString(unit.foundState)),
               std::string(toString(unit.place)), unit.depot.value(), idOrNull(unit.resident),
               idOrNull(unit.visit)});
}

std::optional<std::string> orderHoldingUnpickedStock(Connection& c, DepotId depot,
                                                     const std::string& itemCode) {
    const Rows rows = c.query(kOrderHoldingStock, {depot.value(), itemCode});
    if (rows.empty()) return std::nullopt;
    return rows.text(0, 0);
}

bool underOpenRecall(Connection& c, AssetId asset) {
    return c.query(kUnderOpenRecall, {asset.value()}).integer(0, 0) > 0;
}

std::int64_t resolveRecallUnits(Connection& c, AssetId asset, const std::string& how, Instant now) {
    return static_cast<std::int64_t>(
        c.executeCounting(kResolve, {how, formatInstant(now), asset.value()}));
}

void carryRecallUnits(Connection& c, VisitId from, VisitId to) {
    c.execute(kCarry, {to.value(), from.value()});
}

std::int64_t resolveRecallUnitsOfVisit(Connection& c, VisitId visit, const std::string& how,
                                       Instant now) {
    return static_cast<std::int64_t>(
        c.executeCounting(kResolveOfVisit, {how, formatInstant(now), visit.value()}));
}

std::vector<RecallSummary> listRecalls(Connection& c, std::chrono::year_month_day today) {
    return recalls(c, 0, today);
}

std::optional<RecallSummary> findRecall(Connection& c, RecallId id,
                                        std::chrono::year_month_day today) {
    auto found = recalls(c, id.value(), today);
    if (found.empty()) return std::nullopt;
    return found.front();
}

RecallSummary requireRecall(Connection& c, RecallId id, std::chrono::year_month_day today) {
    auto recall = findRecall(c, id, today);
    if (!recall) throw NotFound("no recall has the id " + std::to_string(id.value()));
    return std::move(*recall);
}

std::vector<RecallDistrictProgress> recallProgressByDistrict(Connection& c, RecallId id) {
    const Rows rows = c.query(kByDistrict, {id.value()});
    std::vector<RecallDistrictProgress> progress;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RecallDistrictProgress p{rows.text(i, 0), rows.integer(i, 1), rows.integer(i, 2),
                                 rows.integer(i, 3), 0};
        p.remaining = p.found - p.resolved;
        progress.push_back(std::move(p));
    }
    return progress;
}

std::vector<RecallUnitRow> recallUnits(Connection& c, RecallId id) {
    const Rows rows = c.query(kUnits, {id.value()});
    std::vector<RecallUnitRow> units;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RecallUnitRow& u = units.emplace_back();
        u.barcode = rows.text(i, 0);
        u.itemCode = rows.text(i, 1);
        u.madeOn = optionalDateAt(rows, i, 2, "assets.made_on");
        u.batch = rows.optionalText(i, 3);
        u.place = rows.text(i, 4);
        u.foundState = rows.text(i, 5);
        u.depotCode = rows.text(i, 6);
        u.district = rows.text(i, 7);
        u.visit = optionalId<VisitId>(rows, i, 8);
        u.visitStatus = rows.text(i, 9);
        u.visitDue = optionalDateAt(rows, i, 10, "visits.due_date");
        u.resolution = rows.text(i, 11);
        u.resolvedAt = optionalInstantAt(rows, i, 12, "recall_units.resolved_at");
        u.replacement = rows.text(i, 13);
    }
    return units;
}

}  // namespace ces::store
