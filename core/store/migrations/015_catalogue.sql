-- A retired catalogue item takes no new orders; its existing orders, loans, assets and reports
-- stay as they are. Prescribers' catalogue search hides it; the admin still sees it.
ALTER TABLE items ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
