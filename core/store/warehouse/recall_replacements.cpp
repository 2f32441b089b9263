#include "core/store/warehouse/recall_replacements.h"

#include <algorithm>

#include "core/errors.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

// "A,B,C" as stored (codes and barcodes never hold a comma).
std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        values.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return values;
}

const char* const kAwaiting =
    "SELECT x.recall_id, a.id, a.barcode, a.item_code, COALESCE(v.depot_id, x.depot_id), "
    "a.order_line_id, x.visit_id, COALESCE(v.status, 'pending') "
    "FROM recall_units x JOIN recalls r ON r.id = x.recall_id JOIN assets a ON a.id = x.asset_id "
    "LEFT JOIN visits v ON v.id = x.visit_id "
    "WHERE r.action = 'replace' AND x.found_where IN ('home', 'van') AND x.resolved_at IS NULL "
    "AND x.replacement_asset_id IS NULL AND ($1 = 0 OR x.recall_id = $1) "
    "ORDER BY x.recall_id, a.barcode";
const char* const kFreeUnits =
    "SELECT a.id, a.depot_id, a.barcode, a.made_on, a.batch FROM assets a JOIN stock s "
    "ON s.depot_id = a.depot_id AND s.item_code = a.item_code "
    "WHERE a.item_code = $1 AND a.state = 'available' AND s.available > 0 "
    "AND (a.depot_id = $2 OR $3 = 1) "
    "ORDER BY CASE WHEN a.depot_id = $2 THEN 0 ELSE 1 END, s.available DESC, a.id LIMIT 50";
const char* const kFilter =
    "SELECT item_codes, made_from, made_to, batch, barcodes FROM recalls WHERE id = $1";
const char* const kMoveVisit =
    "UPDATE visits SET depot_id = $1 WHERE id = $2 AND status = 'pending'";
const char* const kSetReplacement =
    "UPDATE recall_units SET replacement_asset_id = $1 WHERE recall_id = $2 AND asset_id = $3";
const char* const kAppendNote =
    "UPDATE visits SET notes = CASE WHEN COALESCE(notes, '') = '' THEN $1 "
    "ELSE notes || '; ' || $1 END WHERE id = $2";
const char* const kExchanges =
    "SELECT a.barcode, b.barcode FROM recall_units x JOIN recalls r ON r.id = x.recall_id "
    "JOIN assets a ON a.id = x.asset_id LEFT JOIN assets b ON b.id = x.replacement_asset_id "
    "WHERE x.visit_id = $1 AND r.action = 'replace' AND x.resolved_at IS NULL ORDER BY a.barcode";

}  // namespace

std::vector<UnitAwaitingReplacement> unitsAwaitingReplacement(Connection& c,
                                                              std::optional<RecallId> recall) {
    const Rows rows = c.query(kAwaiting, {recall ? recall->value() : 0});
    std::vector<UnitAwaitingReplacement> units;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        units.push_back({RecallId(rows.integer(i, 0)), AssetId(rows.integer(i, 1)), rows.text(i, 2),
                         rows.text(i, 3), DepotId(rows.integer(i, 4)),
                         optionalId<OrderLineId>(rows, i, 5), optionalId<VisitId>(rows, i, 6),
                         rows.text(i, 7) != "pending"});
    }
    return units;
}

RecallFilter recallFilterOf(Connection& c, RecallId recall) {
    const Rows rows = c.query(kFilter, {recall.value()});
    if (rows.empty()) throw NotFound("no recall has the id " + std::to_string(recall.value()));
    RecallFilter filter;
    filter.itemCodes = splitList(rows.text(0, 0));
    filter.madeFrom = optionalDateAt(rows, 0, 1, "recalls.made_from");
    filter.madeTo = optionalDateAt(rows, 0, 2, "recalls.made_to");
    filter.batch = rows.optionalText(0, 3);
    filter.barcodes = splitList(rows.text(0, 4));
    return filter;
}

std::vector<FreeUnit> freeUnitsOf(Connection& c, const std::string& itemCode, DepotId depot,
                                  bool anyDepot) {
    const Rows rows = c.query(kFreeUnits, {itemCode, depot.value(), anyDepot ? 1 : 0});
    std::vector<FreeUnit> units;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        FreeUnit& u = units.emplace_back();
        u.asset = AssetId(rows.integer(i, 0));
        u.depot = DepotId(rows.integer(i, 1));
        u.facts.itemCode = itemCode;
        u.facts.barcode = rows.text(i, 2);
        u.facts.madeOn = optionalDateAt(rows, i, 3, "assets.made_on");
        u.facts.batch = rows.optionalText(i, 4);
        u.facts.state = AssetState::available;
    }
    return units;
}

void moveUnplannedVisitToDepot(Connection& c, VisitId visit, DepotId depot) {
    c.execute(kMoveVisit, {depot.value(), visit.value()});
}

void setRecallReplacement(Connection& c, RecallId recall, AssetId asset, AssetId replacement) {
    c.execute(kSetReplacement, {replacement.value(), recall.value(), asset.value()});
}

void appendVisitNote(Connection& c, VisitId visit, const std::string& text) {
    c.execute(kAppendNote, {text, visit.value()});
}

std::vector<RecallExchange> exchangesOfVisit(Connection& c, VisitId visit) {
    const Rows rows = c.query(kExchanges, {visit.value()});
    std::vector<RecallExchange> exchanges;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        exchanges.push_back({rows.text(i, 0), rows.optionalText(i, 1)});
    }
    return exchanges;
}

}  // namespace ces::store
