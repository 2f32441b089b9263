-- Teams are named by a short code in the users API (team_code). The organisation part of
-- issue 12 adds the same column with its teams API: at merge keep one of the two.
ALTER TABLE teams ADD COLUMN code TEXT;

CREATE UNIQUE INDEX teams_code ON teams(code);
