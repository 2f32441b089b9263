-- Same-day changes: an emergency put into a route already on the road takes the van back to
-- its depot to load first; the stop says so, for the driver.
ALTER TABLE plan_stops ADD COLUMN load_at_depot_first INTEGER NOT NULL DEFAULT 0;
