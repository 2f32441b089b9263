-- Failed tries counted in the database, so that every instance behind a balancer enforces one
-- limit (tracking lookups, sign-ins). The key is stored only as its SHA-256: it may be a client
-- address or a user name.
CREATE TABLE failed_tries (
    limiter TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX failed_tries_key ON failed_tries(limiter, key_hash, at);
CREATE INDEX failed_tries_at ON failed_tries(at);
