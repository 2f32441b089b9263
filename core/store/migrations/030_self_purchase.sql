-- Self-purchase: an item's retail alternative (what a resident could buy themselves, a typical
-- price, where, and a note on a safe choice), and each resident's choice when offered it, kept
-- with the district and deprivation decile of their home so the share can be seen never to
-- widen inequity.
CREATE TABLE retail_alternatives (
    item_code TEXT PRIMARY KEY REFERENCES items(code),
    product TEXT NOT NULL,
    typical_price_pence BIGINT NOT NULL,
    where_to_buy TEXT NOT NULL,
    safety_note TEXT NOT NULL
);
CREATE TABLE self_purchase_choices (
    id {{ID_PRIMARY_KEY}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    order_id BIGINT REFERENCES orders(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('self_purchase', 'declined', 'not_appropriate')),
    reason TEXT NOT NULL DEFAULT '',
    catalogue_price_pence BIGINT NOT NULL,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    prescriber_id BIGINT NOT NULL REFERENCES users(id),
    district TEXT NOT NULL,
    imd_decile INTEGER,
    chosen_at TEXT NOT NULL
);
CREATE INDEX self_purchase_choices_time ON self_purchase_choices(chosen_at);
CREATE INDEX self_purchase_choices_resident ON self_purchase_choices(resident_id);
