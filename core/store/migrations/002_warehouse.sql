-- Warehouse: counts by every state, the serialised asset register and its history, specials'
-- steps, suppliers, vans and crews, visits, route plans and the notification outbox.
-- The stock table stays the counting ledger for catalogue items (serialised or not): a
-- serialised asset changing state moves one unit between the same columns in the same
-- transaction, so for a depot and item count(assets in state s) equals the column of s
-- (available + reserved counts equal assets 'available' or 'reserved'). Specials are assets
-- without a catalogue item and are not counted.

ALTER TABLE stock ADD COLUMN returned BIGINT NOT NULL DEFAULT 0 CHECK (returned >= 0);
ALTER TABLE stock ADD COLUMN in_decontamination BIGINT NOT NULL DEFAULT 0 CHECK (in_decontamination >= 0);
ALTER TABLE stock ADD COLUMN awaiting_inspection BIGINT NOT NULL DEFAULT 0 CHECK (awaiting_inspection >= 0);
ALTER TABLE stock ADD COLUMN in_repair BIGINT NOT NULL DEFAULT 0 CHECK (in_repair >= 0);
ALTER TABLE stock ADD COLUMN scrapped BIGINT NOT NULL DEFAULT 0 CHECK (scrapped >= 0);
ALTER TABLE stock ADD COLUMN lost BIGINT NOT NULL DEFAULT 0 CHECK (lost >= 0);

ALTER TABLE loans ADD COLUMN returned_quantity BIGINT NOT NULL DEFAULT 0;

CREATE TABLE item_suppliers (
    item_code TEXT PRIMARY KEY REFERENCES items(code),
    supplier TEXT NOT NULL,
    lead_time_days INTEGER NOT NULL CHECK (lead_time_days >= 0)
);

-- Overrides of the maintenance regime derived from the catalogue text (0 = none).
CREATE TABLE item_maintenance (
    item_code TEXT PRIMARY KEY REFERENCES items(code),
    interval_months INTEGER NOT NULL CHECK (interval_months >= 0)
);

ALTER TABLE specials ADD COLUMN approved_at TEXT;
ALTER TABLE specials ADD COLUMN approved_by BIGINT REFERENCES users(id);
ALTER TABLE specials ADD COLUMN supplier TEXT;
ALTER TABLE specials ADD COLUMN quote_pence BIGINT;
ALTER TABLE specials ADD COLUMN quoted_at TEXT;
ALTER TABLE specials ADD COLUMN purchase_order TEXT;
ALTER TABLE specials ADD COLUMN ordered_at TEXT;
ALTER TABLE specials ADD COLUMN received_at TEXT;
ALTER TABLE specials ADD COLUMN delivered_at TEXT;

CREATE TABLE assets (
    id {{ID_PRIMARY_KEY}},
    barcode TEXT NOT NULL UNIQUE,
    item_code TEXT REFERENCES items(code),
    special_id BIGINT REFERENCES specials(id),
    description TEXT NOT NULL,
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    state TEXT NOT NULL,
    order_line_id BIGINT REFERENCES order_lines(id),
    loan_id BIGINT REFERENCES loans(id),
    resident_id BIGINT REFERENCES residents(id),
    inspection_interval_months INTEGER NOT NULL DEFAULT 0,
    last_inspected_at TEXT,
    next_inspection_due TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assets_item_depot ON assets(item_code, depot_id, state);
CREATE INDEX assets_due ON assets(state, next_inspection_due);
CREATE INDEX assets_line ON assets(order_line_id);

CREATE TABLE asset_events (
    id {{ID_PRIMARY_KEY}},
    asset_id BIGINT NOT NULL REFERENCES assets(id),
    step TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id),
    depot_id BIGINT REFERENCES depots(id),
    resident_id BIGINT REFERENCES residents(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX asset_events_asset ON asset_events(asset_id, id);

CREATE TABLE vans (
    id {{ID_PRIMARY_KEY}},
    code TEXT NOT NULL UNIQUE,
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    co2_grams_per_km INTEGER NOT NULL CHECK (co2_grams_per_km >= 0)
);

CREATE TABLE crews (
    id {{ID_PRIMARY_KEY}},
    name TEXT NOT NULL UNIQUE,
    van_id BIGINT NOT NULL UNIQUE REFERENCES vans(id),
    people INTEGER NOT NULL CHECK (people BETWEEN 1 AND 3),
    lifting_engineer INTEGER NOT NULL,
    shift_start_seconds INTEGER NOT NULL,
    shift_end_seconds INTEGER NOT NULL CHECK (shift_end_seconds > shift_start_seconds)
);

CREATE TABLE visits (
    id {{ID_PRIMARY_KEY}},
    kind TEXT NOT NULL CHECK (kind IN ('delivery', 'collection', 'repair', 'inspection')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'planned', 'completed', 'failed', 'cancelled')),
    order_id BIGINT REFERENCES orders(id),
    asset_id BIGINT REFERENCES assets(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    due_date TEXT NOT NULL,
    slot_start_seconds INTEGER,
    slot_end_seconds INTEGER,
    plan_date TEXT,
    van_id BIGINT REFERENCES vans(id),
    unassigned_reason TEXT,
    outcome TEXT,
    failure_reason TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    completed_at TEXT,
    completed_by BIGINT REFERENCES users(id)
);
CREATE INDEX visits_status ON visits(status, due_date);
CREATE INDEX visits_order ON visits(order_id);
CREATE INDEX visits_asset ON visits(asset_id);

CREATE TABLE plans (
    plan_date TEXT PRIMARY KEY,
    optimised_at TEXT NOT NULL,
    travel_source TEXT NOT NULL,
    vans_used INTEGER NOT NULL,
    distance_metres BIGINT NOT NULL,
    unassigned INTEGER NOT NULL
);

CREATE TABLE plan_routes (
    plan_date TEXT NOT NULL REFERENCES plans(plan_date),
    van_id BIGINT NOT NULL REFERENCES vans(id),
    distance_metres BIGINT NOT NULL,
    start_seconds INTEGER NOT NULL,
    end_seconds INTEGER NOT NULL,
    PRIMARY KEY (plan_date, van_id)
);

CREATE TABLE plan_stops (
    plan_date TEXT NOT NULL REFERENCES plans(plan_date),
    van_id BIGINT NOT NULL REFERENCES vans(id),
    sequence INTEGER NOT NULL,
    visit_id BIGINT NOT NULL REFERENCES visits(id),
    arrival_seconds INTEGER NOT NULL,
    start_seconds INTEGER NOT NULL,
    departure_seconds INTEGER NOT NULL,
    PRIMARY KEY (plan_date, van_id, sequence)
);
CREATE INDEX plan_stops_visit ON plan_stops(visit_id);

CREATE TABLE outbox (
    id {{ID_PRIMARY_KEY}},
    created_at TEXT NOT NULL,
    recipient_user_id BIGINT REFERENCES users(id),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_unsent ON outbox(sent_at, id);
