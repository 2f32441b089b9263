#include "bench/reports/synthetic_year.h"

#include <string>
#include <vector>

namespace ces::store {

namespace {

// $1 residents, $2 orders, $3 collections, $4 visits per day, $5 audit rows, $6 vans,
// $7 start (unix seconds). Each statement uses only the parameters it needs, renumbered.
const char* const kSetUp[] = {
    "INSERT INTO funders (id, code, name) VALUES (1, 'KCC-ASC', 'Adult social care'), "
    "(2, 'KCC-CS', 'Children''s services'), (3, 'NHS-ICB', 'NHS Kent and Medway ICB')",
    "INSERT INTO teams (id, name, funder_id, approval_limit_pence, phone) "
    "SELECT i, 'Team ' || i, 1 + i % 3, 200000, '0300 000 0000' FROM (WITH RECURSIVE n(i) AS "
    "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) SELECT i FROM n)",
    "INSERT INTO users (id, username, display_name, role, team_id, password_hash, created_at) "
    "SELECT i, 'prescriber' || i, 'Prescriber ' || i, 'prescriber', i, 'x', "
    "'2025-01-01T00:00:00Z' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM "
    "n WHERE i < 12) SELECT i FROM n)",
    "INSERT INTO depots (id, code, name, postcode, lat, lon) VALUES "
    "(1, 'WKD', 'West Kent', 'ME20 7AD', 51.30, 0.49), (2, 'EKD', 'East Kent', 'CT1 1AA', 51.28, "
    "1.08), (3, 'NKD', 'North Kent', 'DA1 1AA', 51.44, 0.21)",
    "INSERT INTO items (code, name, category, price_pence, serialised, returnable, "
    "credit_eligible, inspection_regime, van_space, needs_fitting, two_person) "
    "SELECT 'SYN-' || i, 'Item ' || i, CASE i % 9 WHEN 0 THEN 'Beds' WHEN 1 THEN 'Pressure care' "
    "WHEN 2 THEN 'Moving & handling' WHEN 3 THEN 'Seating' WHEN 4 THEN 'Bathing' WHEN 5 THEN "
    "'Toileting' WHEN 6 THEN 'Mobility' WHEN 7 THEN 'Kitchen' ELSE 'Moving & handling spares' END, "
    "500 + (i * 7919) % 60000, CASE WHEN i % 9 < 4 THEN 1 ELSE 0 END, CASE WHEN i % 9 = 7 THEN 0 "
    "ELSE 1 END, CASE WHEN i % 9 < 4 THEN 1 ELSE 0 END, 'none', 1 + i % 8, 0, 0 FROM (WITH "
    "RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 36) SELECT i FROM n)",
    "CREATE TEMP TABLE synthetic_places AS SELECT ROW_NUMBER() OVER (ORDER BY postcode) AS n, "
    "postcode, district FROM postcodes WHERE in_county = 1",
    "INSERT INTO district_population (district, population, source) SELECT district, "
    "100000 + LENGTH(district) * 5000, 'synthetic' FROM (SELECT DISTINCT district FROM "
    "synthetic_places)",
};

const char* const kResidents =
    "INSERT INTO residents (id, nhs_number, name, date_of_birth, address_line1, town, postcode, "
    "district, phone, access_notes, created_at) SELECT i, 'SYN' || i, 'Resident ' || i, "
    "'1940-01-01', i || ' Street', p.district, p.postcode, p.district, '0', '', "
    "'2025-01-01T00:00:00Z' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < $1) SELECT i FROM n) JOIN synthetic_places p ON p.n = 1 + (i * 7907) % "
    "(SELECT COUNT(*) FROM synthetic_places)";
// Orders spread evenly over the year; 95% delivered, mostly on time (lateness varies with i).
// Each keeps its resident's district and decile, as createOrder records them.
const char* const kOrders =
    "INSERT INTO orders (id, reference, tracking_token, resident_id, prescriber_id, team_id, "
    "funder_id, speed, status, notes, total_pence, created_at, approved_at, due_by, "
    "delivered_at, district, imd_decile) SELECT i, 'SYN-' || i, 'tok' || i, r.id, 1 + i % 12, "
    "1 + i % 12, "
    "1 + (i % 12) % 3, CASE i % 4 WHEN 0 THEN 'emergency' WHEN 1 THEN 'next_day' WHEN 2 THEN "
    "'3_day' ELSE '5_day' END, CASE WHEN i % 20 = 0 THEN 'cancelled' ELSE 'delivered' END, '', "
    "0, strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', t + 600, "
    "'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', t + 600 + CASE i % 4 WHEN 0 THEN 14400 WHEN 1 "
    "THEN 86400 WHEN 2 THEN 3 * 86400 ELSE 7 * 86400 END, 'unixepoch'), CASE WHEN i % 20 = 0 "
    "THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', t + 600 + CASE i % 4 WHEN 0 THEN 10800 WHEN 1 "
    "THEN 80000 WHEN 2 THEN 2 * 86400 ELSE 5 * 86400 END + (i % 11) * 21600, 'unixepoch') END, "
    "r.district, p.imd_decile FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
    "FROM n WHERE i < $2) SELECT i, $3 + i * (31536000 / $2) AS t FROM n) "
    "JOIN residents r ON r.id = 1 + (i * 31) % $1 LEFT JOIN postcodes p ON p.postcode = r.postcode";
// The event that records each delivery, as progressOrder writes it (the deliveries roll-up
// counts these).
const char* const kDeliveryEvents =
    "INSERT INTO order_events (order_id, from_status, to_status, at, user_id, note) "
    "SELECT id, 'out_for_delivery', 'delivered', delivered_at, prescriber_id, '' FROM orders "
    "WHERE delivered_at IS NOT NULL";
// One line per order plus a second for three orders in four: about 1.75 lines an order.
const char* const kLines =
    "INSERT INTO order_lines (id, order_id, item_code, quantity, unit_price_pence, depot_id) "
    "SELECT o.id * 2 + k, o.id, 'SYN-' || (1 + (o.id * 13 + k * 5) % 36), 1, i.price_pence, "
    "1 + o.id % 3 FROM orders o JOIN (SELECT 0 AS k UNION ALL SELECT 1) ks ON ks.k = 0 OR "
    "o.id % 4 <> 0 JOIN items i ON i.code = 'SYN-' || (1 + (o.id * 13 + k * 5) % 36)";
const char* const kLoans =
    "INSERT INTO loans (id, order_line_id, resident_id, item_code, quantity, started_at, "
    "ended_at, returned_quantity) SELECT ol.id, ol.id, o.resident_id, ol.item_code, 1, "
    "o.delivered_at, NULL, 0 FROM order_lines ol JOIN orders o ON o.id = ol.order_id "
    "WHERE o.delivered_at IS NOT NULL";
// The oldest returnable loans come back 20 to 140 days after delivery.
const char* const kEndLoans =
    "UPDATE loans SET returned_quantity = 1, ended_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
    "started_at, '+' || (20 + id % 120) || ' days') WHERE id IN (SELECT l.id FROM loans l JOIN "
    "items i ON i.code = l.item_code WHERE i.returnable = 1 ORDER BY l.id LIMIT $1)";
const char* const kAssets =
    "INSERT INTO assets (id, barcode, item_code, description, depot_id, state, order_line_id, "
    "loan_id, resident_id, inspection_interval_months, created_at, updated_at) SELECT l.id, "
    "'SYN-A' || l.id, l.item_code, 'asset', 1 + l.id % 3, CASE WHEN l.ended_at IS NULL THEN "
    "'on_loan' WHEN l.id % 10 = 0 THEN 'scrapped' ELSE 'available' END, CASE WHEN l.ended_at IS "
    "NULL THEN l.order_line_id END, CASE WHEN l.ended_at IS NULL THEN l.id END, CASE WHEN "
    "l.ended_at IS NULL THEN l.resident_id END, 0, l.started_at, l.started_at FROM loans l JOIN "
    "items i ON i.code = l.item_code WHERE i.serialised = 1";
const char* const kAssetEvents[] = {
    "INSERT INTO asset_events (asset_id, step, from_state, to_state, at, depot_id, resident_id, "
    "note) SELECT a.id, 'issue', 'available', 'on_loan', l.started_at, a.depot_id, l.resident_id, "
    "'delivered' FROM assets a JOIN loans l ON l.id = a.id",
    "INSERT INTO asset_events (asset_id, step, from_state, to_state, at, depot_id, note) "
    "SELECT a.id, 'return', 'on_loan', 'returned', l.ended_at, a.depot_id, 'returned; condition: "
    "good' FROM assets a JOIN loans l ON l.id = a.id WHERE l.ended_at IS NOT NULL",
    "INSERT INTO asset_events (asset_id, step, from_state, to_state, at, depot_id, note) "
    "SELECT a.id, CASE WHEN a.state = 'scrapped' THEN 'inspect_scrap' ELSE 'inspect_pass' END, "
    "'awaiting_inspection', a.state, strftime('%Y-%m-%dT%H:%M:%SZ', l.ended_at, '+2 days'), "
    "a.depot_id, '' FROM assets a JOIN loans l ON l.id = a.id WHERE l.ended_at IS NOT NULL",
};
const char* const kCollections[] = {
    "INSERT INTO collections (id, reference, resident_id, order_id, district, requested_by_role, "
    "reason, urgent, method, status, requested_at, due_by, completed_at) SELECT l.id, "
    "'SYN-C' || l.id, l.resident_id, ol.order_id, r.district, 'prescriber', 'no_longer_needed', "
    "0, 'home', 'collected', strftime('%Y-%m-%dT%H:%M:%SZ', l.ended_at, '-' || (3 + l.id % 6) || "
    "' days'), strftime('%Y-%m-%dT%H:%M:%SZ', l.ended_at, '-' || (3 + l.id % 6) || ' days', "
    "'+7 days'), l.ended_at FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id JOIN "
    "residents r ON r.id = l.resident_id WHERE l.ended_at IS NOT NULL",
    "INSERT INTO collection_items (collection_id, loan_id, asset_id, item_code, quantity) "
    "SELECT c.id, c.id, a.id, l.item_code, 1 FROM collections c JOIN loans l ON l.id = c.id "
    "LEFT JOIN assets a ON a.id = l.id",
};
const char* const kLedger[] = {
    "INSERT INTO ledger (kind, at, ledger_month, funder_id, order_id, loan_id, item_code, "
    "category, district, quantity, unit_price_pence, amount_pence, note) SELECT 'issue', "
    "l.started_at, SUBSTR(l.started_at, 1, 7), o.funder_id, o.id, l.id, l.item_code, i.category, "
    "r.district, 1, ol.unit_price_pence, ol.unit_price_pence, 'issued on loan' FROM loans l JOIN "
    "order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id JOIN items i "
    "ON i.code = l.item_code JOIN residents r ON r.id = l.resident_id",
    "INSERT INTO ledger (kind, at, ledger_month, funder_id, order_id, loan_id, asset_id, "
    "inspection_event_id, item_code, category, district, quantity, unit_price_pence, "
    "rate_basis_points, amount_pence, note) SELECT 'credit', e.at, SUBSTR(e.at, 1, 7), "
    "o.funder_id, o.id, l.id, a.id, e.id, l.item_code, i.category, r.district, 1, i.price_pence, "
    "8500, -((i.price_pence * 8500 + 5000) / 10000), 'passed inspection' FROM asset_events e "
    "JOIN assets a ON a.id = e.asset_id JOIN loans l ON l.id = a.id JOIN order_lines ol ON ol.id "
    "= l.order_line_id JOIN orders o ON o.id = ol.order_id JOIN items i ON i.code = l.item_code "
    "JOIN residents r ON r.id = l.resident_id WHERE e.step = 'inspect_pass' AND "
    "i.credit_eligible = 1",
};
const char* const kSpecials =
    "INSERT INTO specials (order_id, description, estimated_price_pence, status, requested_at, "
    "received_at) SELECT id, 'special', 150000, 'received', created_at, "
    "strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+' || (20 + id % 50) || ' days') FROM orders "
    "WHERE id % 40 = 0";
const char* const kVans[] = {
    "INSERT INTO vans (id, code, depot_id, capacity, co2_grams_per_km) SELECT i, 'VAN-' || i, "
    "1 + i % 3, 100, 180 + i % 5 * 10 FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i "
    "+ 1 FROM n WHERE i < $1) SELECT i FROM n)",
    "INSERT INTO plans (plan_date, optimised_at, travel_source, vans_used, distance_metres, "
    "unassigned) SELECT d, d || 'T06:00:00Z', 'synthetic', $1, 0, 0 FROM (WITH RECURSIVE n(k) AS "
    "(SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 364) SELECT strftime('%Y-%m-%d', $2 + k * "
    "86400, 'unixepoch') AS d FROM n)",
    "INSERT INTO plan_routes (plan_date, van_id, distance_metres, start_seconds, end_seconds) "
    "SELECT p.plan_date, v.id, 60000 + (v.id * 7919 + LENGTH(p.plan_date)) % 90000, 28800, 61200 "
    "FROM plans p CROSS JOIN vans v",
};
// Visits: each day's share of kinds, 6% failed with a reason.
const char* const kVisits =
    "INSERT INTO visits (kind, status, order_id, resident_id, depot_id, due_date, plan_date, "
    "van_id, outcome, failure_reason, created_at, completed_at) SELECT CASE i % 10 WHEN 0 THEN "
    "'repair' WHEN 1 THEN 'inspection' WHEN 2 THEN 'collection' WHEN 3 THEN 'collection' ELSE "
    "'delivery' END, CASE WHEN i % 17 = 0 THEN 'failed' ELSE 'completed' END, NULL, 1 + i % $1, "
    "1 + i % 3, d, d, 1 + i % $2, CASE WHEN i % 17 = 0 THEN 'failed' ELSE 'done' END, CASE WHEN "
    "i % 17 = 0 THEN CASE i % 5 WHEN 0 THEN 'no_access' WHEN 1 THEN 'wrong_item' WHEN 2 THEN "
    "'refused' WHEN 3 THEN 'unsafe' ELSE 'other' END END, d || 'T06:00:00Z', d || 'T' || "
    "printf('%02d', 8 + i % 9) || ':30:00Z' FROM (WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL "
    "SELECT i + 1 FROM n WHERE i < $3 - 1) SELECT i, strftime('%Y-%m-%d', $4 + (i / $5) * 86400, "
    "'unixepoch') AS d FROM n)";
const char* const kAudit =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) SELECT "
    "strftime('%Y-%m-%dT%H:%M:%SZ', $1 + i * 15, 'unixepoch'), 1 + i % 12, CASE i % 5 WHEN 0 "
    "THEN 'order.create' WHEN 1 THEN 'resident.read' WHEN 2 THEN 'order.delivered' WHEN 3 THEN "
    "'asset.return' ELSE 'order.scheduled' END, 'order', 'SYN-' || (1 + i % 200000), '' FROM "
    "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2) SELECT i FROM "
    "n)";
const char* const kAnalyse = "ANALYZE";

}  // namespace

std::int64_t generateSyntheticYear(Connection& c, const SyntheticYear& y) {
    std::int64_t rows = 0;
    for (const char* sql : kSetUp) rows += static_cast<std::int64_t>(c.executeCounting(sql));
    rows += static_cast<std::int64_t>(c.executeCounting(kResidents, {y.residents}));
    rows += static_cast<std::int64_t>(
        c.executeCounting(kOrders, {y.residents, y.orders, y.startUnixSeconds}));
    rows += static_cast<std::int64_t>(c.executeCounting(kDeliveryEvents));
    rows += static_cast<std::int64_t>(c.executeCounting(kLines));
    rows += static_cast<std::int64_t>(c.executeCounting(kLoans));
    c.execute(kEndLoans, {y.collections});
    rows += static_cast<std::int64_t>(c.executeCounting(kAssets));
    for (const char* sql : kAssetEvents) rows += static_cast<std::int64_t>(c.executeCounting(sql));
    for (const char* sql : kCollections) rows += static_cast<std::int64_t>(c.executeCounting(sql));
    for (const char* sql : kLedger) rows += static_cast<std::int64_t>(c.executeCounting(sql));
    rows += static_cast<std::int64_t>(c.executeCounting(kSpecials));
    rows += static_cast<std::int64_t>(c.executeCounting(kVans[0], {y.vans}));
    rows += static_cast<std::int64_t>(c.executeCounting(kVans[1], {y.vans, y.startUnixSeconds}));
    rows += static_cast<std::int64_t>(c.executeCounting(kVans[2]));
    rows += static_cast<std::int64_t>(c.executeCounting(
        kVisits, {y.residents, y.vans, y.visitsPerDay * 365, y.startUnixSeconds, y.visitsPerDay}));
    rows += static_cast<std::int64_t>(c.executeCounting(kAudit, {y.startUnixSeconds, y.auditRows}));
    c.execute(kAnalyse);
    return rows;
}

}  // namespace ces::store
