-- The equity reports (design.md: each under 200 ms) without joining orders to residents and
-- postcodes at query time: an order keeps the district and deprivation decile of its resident's
-- postcode as they were when it was placed (createOrder sets them), and two daily roll-ups count
-- orders placed and orders delivered per place (core/store/report_rollups.cpp).
ALTER TABLE orders ADD COLUMN district TEXT;
ALTER TABLE orders ADD COLUMN imd_decile INTEGER;
UPDATE orders SET
    district = (SELECT r.district FROM residents r WHERE r.id = orders.resident_id),
    imd_decile = (SELECT p.imd_decile FROM residents r JOIN postcodes p ON p.postcode = r.postcode
                  WHERE r.id = orders.resident_id);

-- The equity reports on raw rows (a period that is not whole days, and the reference the
-- roll-ups are tested against) read only these indexes. They replace the indexes of migration
-- 004 that carried resident_id for the join.
CREATE INDEX orders_created_place ON orders(created_at, district, imd_decile);
CREATE INDEX orders_delivered_place
    ON orders(delivered_at, approved_at, due_by, district, imd_decile);
DROP INDEX orders_created_report;
DROP INDEX orders_delivered_report;

-- Orders placed per day (of created_at) and place: dimension is 'district' or 'imd_decile'
-- (value 'unknown' for a postcode without one). Topped up from orders after its marker.
CREATE TABLE report_order_days (
    dimension TEXT NOT NULL,
    day TEXT NOT NULL,
    value TEXT NOT NULL,
    orders BIGINT NOT NULL,
    PRIMARY KEY (dimension, day, value)
);

-- Orders delivered per day (of delivered_at) and place, by whole days from approval to delivery
-- (a histogram, so the report's median days is exact), with how many of them were on time.
-- Topped up from the order_events that record a delivery after its marker.
CREATE TABLE report_delivery_days (
    dimension TEXT NOT NULL,
    day TEXT NOT NULL,
    value TEXT NOT NULL,
    days BIGINT NOT NULL,
    deliveries BIGINT NOT NULL,
    on_time BIGINT NOT NULL,
    PRIMARY KEY (dimension, day, value, days)
);
