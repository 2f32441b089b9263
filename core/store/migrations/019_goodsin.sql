-- Goods in: which barcoded assets each receipt line put on the register, so the receipt can be
-- shown again and its labels printed again.
CREATE TABLE stock_receipt_assets (
    receipt_id BIGINT NOT NULL,
    line_number INTEGER NOT NULL,
    asset_id BIGINT NOT NULL UNIQUE REFERENCES assets(id),
    PRIMARY KEY (receipt_id, asset_id),
    FOREIGN KEY (receipt_id, line_number) REFERENCES stock_receipt_lines(receipt_id, line_number)
);
