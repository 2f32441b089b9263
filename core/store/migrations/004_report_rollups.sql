-- The commissioner's reports on a county-year (design.md: each under 200 ms): covering indexes
-- for the reports that read raw rows, and daily roll-ups of the two append-only tables the
-- slowest reports sum (ledger, asset_events). A roll-up is topped up from the rows after its
-- marker at the start of each report call (core/store/report_rollups.cpp).

-- Indexes that hold every column a report reads. Those led by the report's GROUP BY column
-- (speed, district, item_code, kind) are read by skip-scan on SQLite (ANY(district) AND due_by
-- in range: one short range per district), which groups without sorting; it needs ANALYZE
-- statistics, and without them the plan is the plain range scan of before.
CREATE INDEX orders_speed_delivered ON orders(speed, delivered_at, due_by);
CREATE INDEX orders_delivered_report ON orders(delivered_at, approved_at, due_by, resident_id);
CREATE INDEX orders_created_report ON orders(created_at, resident_id);
CREATE INDEX postcodes_decile ON postcodes(postcode, imd_decile);
CREATE INDEX collections_district_due ON collections(district, due_by, status, completed_at);
CREATE INDEX visits_done_report ON visits(kind, status, failure_reason, completed_at);
CREATE INDEX loans_item_started ON loans(item_code, started_at, quantity);
CREATE INDEX loans_item_ended ON loans(item_code, ended_at, returned_quantity);
-- Replaced by the covering indexes above, which begin with the same column.
DROP INDEX orders_delivered;
DROP INDEX orders_created;

-- The last id of each append-only table ('ledger', 'asset_events') already counted in its
-- roll-up; no row yet means none.
CREATE TABLE report_rollup_marks (
    name TEXT PRIMARY KEY,
    last_id BIGINT NOT NULL
);

-- Ledger sums per day (of `at`) and kind, once per finance dimension: dimension is 'funder'
-- (value = funder id), 'month' (ledger_month), 'district' or 'category'.
CREATE TABLE report_ledger_days (
    dimension TEXT NOT NULL,
    day TEXT NOT NULL,
    value TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount_pence BIGINT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (dimension, day, value, kind)
);

-- Barcoded asset steps the recycling reports count, per day (of `at`) and item category.
CREATE TABLE report_asset_step_days (
    step TEXT NOT NULL,
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    events BIGINT NOT NULL,
    PRIMARY KEY (step, day, category)
);
