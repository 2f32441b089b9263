-- Live arrival updates: when a driver records a stop, the van's later stops get a new estimate
-- of when the crew starts there (from the real time and the plan's travel times), and the start
-- whose window the resident was last told, so a message goes only when it moves far.
ALTER TABLE plan_stops ADD COLUMN estimated_start_seconds INTEGER;
ALTER TABLE plan_stops ADD COLUMN told_start_seconds INTEGER;
