-- Collections, collection points, the credit policy and the finance ledger, district
-- populations for equity reports, and indexes the commissioner's reports read by.

CREATE TABLE collection_points (
    id {{ID_PRIMARY_KEY}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    operator TEXT NOT NULL,
    district TEXT NOT NULL,
    address TEXT NOT NULL,
    postcode TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    source TEXT NOT NULL
);

CREATE TABLE collections (
    id {{ID_PRIMARY_KEY}},
    reference TEXT NOT NULL UNIQUE,
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    order_id BIGINT REFERENCES orders(id),
    district TEXT NOT NULL,
    requested_by_role TEXT NOT NULL CHECK (requested_by_role IN ('prescriber', 'resident', 'warehouse')),
    requested_by BIGINT REFERENCES users(id),
    reason TEXT NOT NULL CHECK (reason IN ('no_longer_needed', 'moved', 'deceased', 'faulty',
                                           'care_home', 'end_of_loan')),
    urgent INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('home', 'drop_off')),
    collection_point_id BIGINT REFERENCES collection_points(id),
    status TEXT NOT NULL CHECK (status IN ('requested', 'collected', 'cancelled')),
    requested_at TEXT NOT NULL,
    due_by TEXT NOT NULL,
    slot_date TEXT,
    slot_start_seconds INTEGER,
    slot_end_seconds INTEGER,
    completed_at TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX collections_status ON collections(status, due_by);
CREATE INDEX collections_due ON collections(due_by);
CREATE INDEX collections_resident ON collections(resident_id);

-- One row per loan (and per asset for barcoded items) a collection brings back.
CREATE TABLE collection_items (
    id {{ID_PRIMARY_KEY}},
    collection_id BIGINT NOT NULL REFERENCES collections(id),
    loan_id BIGINT NOT NULL REFERENCES loans(id),
    asset_id BIGINT REFERENCES assets(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    visit_id BIGINT REFERENCES visits(id)
);
CREATE INDEX collection_items_collection ON collection_items(collection_id);
CREATE INDEX collection_items_loan ON collection_items(loan_id);

-- The credit rate by date range, category and condition ('' = any). No row applies: 85%.
CREATE TABLE credit_policies (
    id {{ID_PRIMARY_KEY}},
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    category TEXT NOT NULL DEFAULT '',
    return_condition TEXT NOT NULL DEFAULT '',
    rate_basis_points BIGINT NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),
    created_at TEXT NOT NULL
);

-- The finance ledger: append only. amount_pence > 0 is a charge to the funder (an issue),
-- < 0 a credit (an item back in stock). A correction is a new row that names the row it
-- corrects; no row is ever updated or deleted.
CREATE TABLE ledger (
    id {{ID_PRIMARY_KEY}},
    kind TEXT NOT NULL CHECK (kind IN ('issue', 'credit', 'correction')),
    at TEXT NOT NULL,
    ledger_month TEXT NOT NULL,
    funder_id BIGINT NOT NULL REFERENCES funders(id),
    order_id BIGINT NOT NULL REFERENCES orders(id),
    loan_id BIGINT REFERENCES loans(id),
    asset_id BIGINT REFERENCES assets(id),
    inspection_event_id BIGINT REFERENCES asset_events(id),
    item_code TEXT REFERENCES items(code),
    category TEXT NOT NULL,
    district TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    unit_price_pence BIGINT NOT NULL,
    rate_basis_points BIGINT,
    amount_pence BIGINT NOT NULL,
    corrects_id BIGINT REFERENCES ledger(id),
    recorded_by BIGINT REFERENCES users(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ledger_one_issue_per_loan ON ledger(loan_id) WHERE kind = 'issue';
CREATE UNIQUE INDEX ledger_one_credit_per_inspection ON ledger(inspection_event_id) WHERE kind = 'credit';
CREATE INDEX ledger_at ON ledger(at, funder_id, ledger_month, district, category, kind, amount_pence, quantity);
CREATE INDEX ledger_asset ON ledger(asset_id);

-- Usual residents per district, for orders per 1,000 residents (see data/district_population.md).
CREATE TABLE district_population (
    district TEXT PRIMARY KEY,
    population BIGINT NOT NULL CHECK (population > 0),
    source TEXT NOT NULL
);

CREATE INDEX orders_delivered ON orders(delivered_at);
CREATE INDEX orders_created ON orders(created_at);
CREATE INDEX loans_started ON loans(started_at);
CREATE INDEX loans_open ON loans(ended_at, started_at);
CREATE INDEX asset_events_step ON asset_events(step, at);
CREATE INDEX visits_completed ON visits(status, completed_at);
CREATE INDEX specials_received ON specials(received_at);
