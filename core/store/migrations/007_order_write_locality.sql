-- Placing an order adds an entry to every index of orders and of the audit log in the writer's
-- transaction, and every index page it changes is written to the WAL at commit. Indexes whose new
-- entries land in many places cost a page per order; these changes make new entries land
-- together (or not at all) without changing what any query reads (their plans are unchanged).

-- Only delivered orders are reported by delivery date: a new order (not delivered) no longer
-- gets an entry here, and joins the index once, when it is delivered.
DROP INDEX orders_delivered_place;
CREATE INDEX orders_delivered_place
    ON orders(delivered_at, approved_at, due_by, district, imd_decile)
    WHERE delivered_at IS NOT NULL;
DROP INDEX orders_speed_delivered;
CREATE INDEX orders_speed_delivered ON orders(speed, delivered_at, due_by)
    WHERE delivered_at IS NOT NULL;

-- Orders placed in the same second sorted by place scattered each second's entries; by id after
-- the time, each new entry goes after the last. Still covers the equity reports' range scans.
DROP INDEX orders_created_place;
CREATE INDEX orders_created_place ON orders(created_at, id, district, imd_decile);

-- No query reads the audit log by entity (it is read whole, by export); the index only cost
-- every audited change a page write.
DROP INDEX audit_log_entity;
