-- A resident's key-safe code, kept with their consent, sealed (AES-256-GCM) under a key that is
-- never in the database; a table of its own so no list, export or audit of residents reads it.
CREATE TABLE key_safes (
    resident_id BIGINT PRIMARY KEY REFERENCES residents(id),
    sealed TEXT NOT NULL,
    consent_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id)
);
