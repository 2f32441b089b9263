-- An order's visits (its booked slot on the tracking page, its open delivery visit) by an index
-- that holds only visits with an order. Most visits (collections, repairs, inspections) have
-- none, so the statistics of visits_order count one huge key of NULLs and SQLite would rather
-- scan every visit; this index's statistics see only real orders and keep the lookup a search.
CREATE INDEX visits_order_present ON visits(order_id) WHERE order_id IS NOT NULL;
