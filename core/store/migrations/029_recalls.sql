-- Safety recalls: a manufacturer's or the regulator's field safety notice names a model (and
-- perhaps dates of manufacture, a batch or barcodes); the campaign finds every unit it covers,
-- holds those on the shelf, visits every home and follows each unit to its resolution.
ALTER TABLE assets ADD COLUMN made_on TEXT;
ALTER TABLE assets ADD COLUMN batch TEXT;
ALTER TABLE stock_receipt_lines ADD COLUMN made_on TEXT;
ALTER TABLE stock_receipt_lines ADD COLUMN batch TEXT;
ALTER TABLE stock ADD COLUMN quarantined BIGINT NOT NULL DEFAULT 0 CHECK (quarantined >= 0);
CREATE TABLE recalls (
    id {{ID_PRIMARY_KEY}},
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('inspect', 'replace', 'withdraw')),
    item_codes TEXT NOT NULL,
    made_from TEXT,
    made_to TEXT,
    batch TEXT,
    barcodes TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL,
    raised_by BIGINT NOT NULL REFERENCES users(id),
    raised_at TEXT NOT NULL
);
CREATE TABLE recall_units (
    recall_id BIGINT NOT NULL REFERENCES recalls(id),
    asset_id BIGINT NOT NULL REFERENCES assets(id),
    found_state TEXT NOT NULL,
    found_where TEXT NOT NULL CHECK (found_where IN ('home', 'shelf', 'recycling', 'van', 'lost')),
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    resident_id BIGINT REFERENCES residents(id),
    district TEXT,
    visit_id BIGINT REFERENCES visits(id),
    resolution TEXT,
    resolved_at TEXT,
    PRIMARY KEY (recall_id, asset_id)
);
CREATE INDEX recall_units_asset ON recall_units(asset_id, resolved_at);
CREATE INDEX recall_units_visit ON recall_units(visit_id);
CREATE INDEX assets_made ON assets(item_code, made_on);
