-- Settings (issue 18): the service's configurable numbers as a history of changes. A row is
-- never updated: each change is a new row in force from its date; the value in force on a day
-- is the key's row with the latest effective_from on or before it; a later date is scheduled.
CREATE TABLE settings (
    id {{ID_PRIMARY_KEY}},
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    set_by BIGINT REFERENCES users(id),
    set_at TEXT NOT NULL,
    reason TEXT NOT NULL
);

CREATE INDEX settings_key ON settings(key, effective_from);
