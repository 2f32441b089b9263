#include "core/store/warehouse/asset_queues.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

// The loan a return ended is no longer on the asset: it is the loan its last "issue" before
// the return started (issueLineAssets writes both at the same instant for the same resident).
const std::string kQueuedColumns =
    "SELECT a.barcode, COALESCE(a.item_code, ''), COALESCE(i.name, a.description), d.code, "
    "a.state, a.updated_at, r.at, COALESCE(r.note, ''), COALESCE(u.username, ''), "
    "COALESCE(o.reference, ''), COALESCE(res.name, ''), COALESCE(col.reference, '') "
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
const std::string kInState = kQueuedColumns +
                             "WHERE a.state = $1 AND ($2 = '' OR d.code = $2) "
                             "ORDER BY a.updated_at, a.id LIMIT $3";
// An asset returned since `from` has moved since then: updated_at rules most out cheaply.
const std::string kReturnedSince = kQueuedColumns +
                                   "WHERE a.updated_at >= $1 AND r.at >= $1 "
                                   "ORDER BY r.at DESC, r.id DESC LIMIT $2";
const std::string kOneAsset = kQueuedColumns + "WHERE a.barcode = $1";

std::vector<QueuedAsset> queued(const Rows& rows) {
    std::vector<QueuedAsset> assets;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        assets.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3),
                          enumAt(rows, i, 4, "asset state", parseAssetState),
                          instantAt(rows, i, 5, "time"), optionalInstantAt(rows, i, 6, "time"),
                          rows.text(i, 7), rows.text(i, 8), rows.text(i, 9), rows.text(i, 10),
                          rows.text(i, 11)});
    }
    return assets;
}

}  // namespace

std::vector<QueuedAsset> assetsInState(Connection& c, AssetState state,
                                       const std::string& depotCode, std::size_t limit) {
    return queued(c.query(
        kInState, {std::string(toString(state)), depotCode, static_cast<std::int64_t>(limit)}));
}

std::vector<QueuedAsset> returnsSince(Connection& c, Instant from, std::size_t limit) {
    return queued(c.query(kReturnedSince, {formatInstant(from), static_cast<std::int64_t>(limit)}));
}

std::optional<QueuedAsset> queuedAsset(Connection& c, const std::string& barcode) {
    auto assets = queued(c.query(kOneAsset, {barcode}));
    if (assets.empty()) return std::nullopt;
    return assets.front();
}

}  // namespace ces::store
