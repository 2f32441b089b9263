-- Foundation: people, catalogue, stock, residents, orders, audit.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL (BIGINT ids, TEXT timestamps in UTC ISO 8601).
-- {{ID_PRIMARY_KEY}} is INTEGER PRIMARY KEY on SQLite (the rowid) and an identity column on PostgreSQL.

CREATE TABLE funders (
    id {{ID_PRIMARY_KEY}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE teams (
    id {{ID_PRIMARY_KEY}},
    name TEXT NOT NULL UNIQUE,
    funder_id BIGINT NOT NULL REFERENCES funders(id),
    approval_limit_pence BIGINT NOT NULL CHECK (approval_limit_pence >= 0),
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id {{ID_PRIMARY_KEY}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('prescriber', 'budget_holder', 'warehouse', 'planner',
                                       'driver', 'commissioner', 'admin')),
    team_id BIGINT REFERENCES teams(id),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE depots (
    id {{ID_PRIMARY_KEY}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    postcode TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL
);

CREATE TABLE district_depots (
    district TEXT PRIMARY KEY,
    depot_id BIGINT NOT NULL REFERENCES depots(id)
);

CREATE TABLE postcodes (
    postcode TEXT PRIMARY KEY,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    district TEXT NOT NULL,
    in_county INTEGER NOT NULL,
    lsoa TEXT,
    imd_decile INTEGER
);

CREATE TABLE items (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_pence BIGINT NOT NULL CHECK (price_pence >= 0),
    serialised INTEGER NOT NULL,
    returnable INTEGER NOT NULL,
    credit_eligible INTEGER NOT NULL,
    inspection_regime TEXT NOT NULL,
    van_space INTEGER NOT NULL CHECK (van_space > 0),
    needs_fitting INTEGER NOT NULL,
    two_person INTEGER NOT NULL
);

CREATE TABLE item_equivalents (
    item_code TEXT NOT NULL REFERENCES items(code),
    equivalent_code TEXT NOT NULL REFERENCES items(code),
    PRIMARY KEY (item_code, equivalent_code)
);

CREATE TABLE stock (
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    available BIGINT NOT NULL CHECK (available >= 0),
    reserved BIGINT NOT NULL CHECK (reserved >= 0),
    on_loan BIGINT NOT NULL CHECK (on_loan >= 0),
    reorder_level BIGINT NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    PRIMARY KEY (depot_id, item_code)
);

CREATE TABLE residents (
    id {{ID_PRIMARY_KEY}},
    nhs_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    town TEXT NOT NULL,
    postcode TEXT NOT NULL REFERENCES postcodes(postcode),
    district TEXT NOT NULL,
    phone TEXT NOT NULL,
    access_notes TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE resident_teams (
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    team_id BIGINT NOT NULL REFERENCES teams(id),
    since TEXT NOT NULL,
    PRIMARY KEY (resident_id, team_id)
);

CREATE TABLE orders (
    id {{ID_PRIMARY_KEY}},
    reference TEXT NOT NULL UNIQUE,
    tracking_token TEXT NOT NULL UNIQUE,
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    prescriber_id BIGINT NOT NULL REFERENCES users(id),
    team_id BIGINT NOT NULL REFERENCES teams(id),
    funder_id BIGINT NOT NULL REFERENCES funders(id),
    speed TEXT NOT NULL,
    status TEXT NOT NULL,
    notes TEXT NOT NULL,
    total_pence BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    approved_at TEXT,
    due_by TEXT,
    delivered_at TEXT
);
CREATE INDEX orders_status ON orders(status);
CREATE INDEX orders_team ON orders(team_id, created_at);
CREATE INDEX orders_resident ON orders(resident_id);

CREATE TABLE order_lines (
    id {{ID_PRIMARY_KEY}},
    order_id BIGINT NOT NULL REFERENCES orders(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    unit_price_pence BIGINT NOT NULL,
    depot_id BIGINT REFERENCES depots(id)
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE specials (
    id {{ID_PRIMARY_KEY}},
    order_id BIGINT NOT NULL REFERENCES orders(id),
    description TEXT NOT NULL,
    estimated_price_pence BIGINT NOT NULL CHECK (estimated_price_pence >= 0),
    status TEXT NOT NULL,
    requested_at TEXT NOT NULL
);
CREATE INDEX specials_order ON specials(order_id);

CREATE TABLE order_events (
    id {{ID_PRIMARY_KEY}},
    order_id BIGINT NOT NULL REFERENCES orders(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events(order_id);

CREATE TABLE loans (
    id {{ID_PRIMARY_KEY}},
    order_line_id BIGINT NOT NULL REFERENCES order_lines(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX loans_resident ON loans(resident_id);

CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    request_path TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE audit_log (
    id {{ID_PRIMARY_KEY}},
    at TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
