-- Leaving the old provider: each migrated resident keeps the outgoing provider's reference, so
-- running the same export again finds them instead of creating them twice.
ALTER TABLE residents ADD COLUMN legacy_ref TEXT;
CREATE UNIQUE INDEX residents_legacy_ref ON residents(legacy_ref);
