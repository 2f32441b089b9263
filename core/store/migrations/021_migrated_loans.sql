-- Leaving the old provider: a counted item already in a home keeps the outgoing provider's loan
-- reference, so running the same export again finds the loan instead of lending it twice.
ALTER TABLE loans ADD COLUMN legacy_ref TEXT;
CREATE UNIQUE INDEX loans_legacy_ref ON loans(legacy_ref);
