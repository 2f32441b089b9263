-- Counted items (frames, commodes, bath boards) carry no barcode, so which loan a unit on the
-- shelf came back from is known only by its return: each return is a row here, and units that
-- pass inspection or are scrapped settle the oldest open returns of that item at that depot
-- first. A pass credits the funder of the settled return's order (domain.md's credit model);
-- the settlements count in the recycling reports beside barcoded assets' inspections.
CREATE TABLE counted_returns (
    id {{ID_PRIMARY_KEY}},
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    item_code TEXT NOT NULL REFERENCES items(code),
    loan_id BIGINT NOT NULL REFERENCES loans(id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    return_condition TEXT NOT NULL DEFAULT '',
    returned_at TEXT NOT NULL,
    settled BIGINT NOT NULL DEFAULT 0 CHECK (settled >= 0 AND settled <= quantity)
);
CREATE INDEX counted_returns_open ON counted_returns(depot_id, item_code, id);

CREATE TABLE counted_settlements (
    id {{ID_PRIMARY_KEY}},
    return_id BIGINT NOT NULL REFERENCES counted_returns(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'scrapped')),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    at TEXT NOT NULL
);
CREATE INDEX counted_settlements_at ON counted_settlements(at);

-- Specials are charged to their order's funder when delivered and credited when they pass
-- inspection back into stock, like catalogue items; a ledger row names the special.
ALTER TABLE ledger ADD COLUMN special_id BIGINT REFERENCES specials(id);
CREATE INDEX ledger_special ON ledger(special_id);
