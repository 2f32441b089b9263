#include "core/store/warehouse/asset_queues.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

// The loan a return ended is no longer on the asset: it is the loan its last "issue" before
// the return started (issueLineAssets writes both at the same instant for the same resident).
const std::string kQueuedColumns =
    "SELECT a.barcode, COALESCE(a.item_code, ''), COALESCE(i.name, a.description), d.code, "
    "a.state, a.updated_at, r.at, COALESCE(r.note, ''), COALESCE(u.username, ''), "
    "COALESCE(o.reference, ''), COALESCE(res.name, ''), COALESCE(col.reference, ''), a.id, "
    "COALESCE(r.id, 0) "
    "FROM assets a JOIN depots d ON d.id = a.depot_id LEFT JOIN items i ON i.code = a.item_code "
    "LEFT JOIN asset_events r ON r.id = (SELECT MAX(x.id) FROM asset_events x "
    "  WHERE x.asset_id = a.id AND x.step = 'return') "
    "LEFT JOIN users u ON u.id = r.user_id "
    "LEFT JOIN asset_events iss ON iss.id = (SELECT MAX(y.id) FROM asset_events y "
    "  WHERE y.asset_id = a.id AND y.step = 'issue' AND y.id < r.id) "
    "LEFT JOIN loans l ON l.id = (SELECT MAX(z.id) FROM loans z "
    "  WHERE z.resident_id = iss.resident_id AND z.item_code = a.item_code "
    "  AND z.started_at = iss.at) "
    "LEFT JOIN order_lines ol ON ol.id = l.order_line_id "
    "LEFT JOIN specials sp ON sp.id = a.special_id "
    "LEFT JOIN orders o ON o.id = COALESCE(ol.order_id, sp.order_id) "
    "LEFT JOIN residents res ON res.id = COALESCE(l.resident_id, iss.resident_id) "
    "LEFT JOIN collections col ON col.id = (SELECT MAX(ci.collection_id) FROM collection_items ci "
    "  JOIN collections cc ON cc.id = ci.collection_id WHERE ci.loan_id = l.id "
    "  AND cc.status <> 'cancelled' AND (ci.asset_id IS NULL OR ci.asset_id = a.id)) ";
// A queue holds one or two states ($1, $2). The cursor asset's place is its updated_at while
// it waits; once it has moved on, the time it entered the queue, which its events keep.
const char* const kInQueue = "WHERE a.state IN ($1, $2) AND ($3 = '' OR d.code = $3) ";
const std::string kQueuePage =
    kQueuedColumns + kInQueue +
    "AND ($4 = 0 OR (a.updated_at, a.id) > (SELECT CASE WHEN x.state IN ($1, $2) THEN "
    "x.updated_at ELSE COALESCE((SELECT MAX(e.at) FROM asset_events e WHERE e.asset_id = x.id "
    "AND e.to_state IN ($1, $2)), x.updated_at) END, x.id FROM assets x WHERE x.id = $4)) "
    "ORDER BY a.updated_at, a.id LIMIT $5";
const std::string kQueueLength =
    std::string("SELECT COUNT(*) FROM assets a JOIN depots d ON d.id = a.depot_id ") + kInQueue;
// An asset returned since `from` has moved since then: updated_at rules most out cheaply.
// The cursor is the return event of the page's last row.
const std::string kReturnedSince =
    kQueuedColumns +
    "WHERE a.updated_at >= $1 AND r.at >= $1 AND ($2 = 0 OR (r.at, r.id) < (SELECT e.at, e.id "
    "FROM asset_events e WHERE e.id = $2)) ORDER BY r.at DESC, r.id DESC LIMIT $3";
const char* const kReturnsCountSince =
    "SELECT COUNT(*) FROM assets a JOIN asset_events r ON r.id = (SELECT MAX(x.id) FROM "
    "asset_events x WHERE x.asset_id = a.id AND x.step = 'return') "
    "WHERE a.updated_at >= $1 AND r.at >= $1";
const std::string kOneAsset = kQueuedColumns + "WHERE a.barcode = $1";

std::vector<QueuedAsset> queued(const Rows& rows) {
    std::vector<QueuedAsset> assets;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        assets.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3),
                          enumAt(rows, i, 4, "asset state", parseAssetState),
                          instantAt(rows, i, 5, "time"), optionalInstantAt(rows, i, 6, "time"),
                          rows.text(i, 7), rows.text(i, 8), rows.text(i, 9), rows.text(i, 10),
                          rows.text(i, 11), AssetId(rows.integer(i, 12)), rows.integer(i, 13)});
    }
    return assets;
}

std::pair<AssetState, AssetState> statesOf(WarehouseQueue queue) {
    switch (queue) {
        case WarehouseQueue::decontamination:
            return {AssetState::returned, AssetState::in_decontamination};
        case WarehouseQueue::inspection:
            return {AssetState::awaiting_inspection, AssetState::awaiting_inspection};
        case WarehouseQueue::repair:
            break;
    }
    return {AssetState::in_repair, AssetState::in_repair};
}

}  // namespace

Page<QueuedAsset> queuePage(Connection& c, WarehouseQueue queue, const std::string& depotCode,
                            const PageRequest& page) {
    const auto [first, second] = statesOf(queue);
    return pageOf(
        queued(c.query(kQueuePage, {std::string(toString(first)), std::string(toString(second)),
                                    depotCode, cursorParam(page), fetchLimit(page)})),
        page, [](const QueuedAsset& a) { return a.id.value(); });
}

std::int64_t queueLength(Connection& c, WarehouseQueue queue, const std::string& depotCode) {
    const auto [first, second] = statesOf(queue);
    return c
        .query(kQueueLength,
               {std::string(toString(first)), std::string(toString(second)), depotCode})
        .integer(0, 0);
}

Page<QueuedAsset> returnsSince(Connection& c, Instant from, const PageRequest& page) {
    return pageOf(
        queued(c.query(kReturnedSince, {formatInstant(from), cursorParam(page), fetchLimit(page)})),
        page, [](const QueuedAsset& a) { return a.returnEvent; });
}

std::int64_t returnsCountSince(Connection& c, Instant from) {
    return c.query(kReturnsCountSince, {formatInstant(from)}).integer(0, 0);
}

std::optional<QueuedAsset> queuedAsset(Connection& c, const std::string& barcode) {
    auto assets = queued(c.query(kOneAsset, {barcode}));
    if (assets.empty()) return std::nullopt;
    return assets.front();
}

}  // namespace ces::store
