-- A special still not at the warehouse after its target: its prescriber is told once, the day
-- the watch finds it (the column says when, and that no other instance need tell them again).
ALTER TABLE specials ADD COLUMN late_reported_at TEXT;
