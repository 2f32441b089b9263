-- The organisation set up by the admin: a team gets a short code (existing teams are numbered),
-- and a van can be switched off (an inactive van is not planned).
ALTER TABLE teams ADD COLUMN code TEXT;
UPDATE teams SET code = 'TEAM' || CAST(id AS TEXT) WHERE code IS NULL;
CREATE UNIQUE INDEX teams_code ON teams(code);
ALTER TABLE vans ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
