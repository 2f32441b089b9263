-- Goods in: a delivery from a supplier to a depot, and what it brought. Counted units add to
-- the depot's available stock; each serialised unit becomes a barcoded asset on the register.
CREATE TABLE stock_receipts (
    id {{ID_PRIMARY_KEY}},
    depot_id BIGINT NOT NULL REFERENCES depots(id),
    supplier TEXT NOT NULL,
    supplier_reference TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_by BIGINT NOT NULL REFERENCES users(id)
);

CREATE TABLE stock_receipt_lines (
    receipt_id BIGINT NOT NULL REFERENCES stock_receipts(id),
    line_number INTEGER NOT NULL,
    item_code TEXT NOT NULL REFERENCES items(code),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (receipt_id, line_number)
);

CREATE INDEX stock_receipts_depot ON stock_receipts(depot_id, received_at);
