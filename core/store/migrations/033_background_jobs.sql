-- Background jobs: one row per job `ces serve` runs on a schedule (roll-ups, check-ins,
-- inspection visits, expiry, the specials watch, backups). An instance claims a due job by
-- leasing it (lease_owner "host:pid:random" until lease_until; FOR UPDATE SKIP LOCKED on
-- PostgreSQL), runs it and records the outcome only while it still holds the lease; a job whose
-- instance died is due again once its lease has run out. attempts counts the claims since the
-- last success (the backoff of a failing job); runs and failures count every finished run.
CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    schedule_kind TEXT NOT NULL CHECK (schedule_kind IN ('interval', 'daily')),
    every_seconds INTEGER NOT NULL DEFAULT 0,
    daily_at_seconds INTEGER NOT NULL DEFAULT 0,
    next_run_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    runs INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    last_started_at TEXT,
    last_finished_at TEXT,
    last_duration_ms BIGINT,
    last_result TEXT CHECK (last_result IN ('ok', 'failed')),
    last_message TEXT NOT NULL DEFAULT '',
    last_owner TEXT,
    run_requested_at TEXT
);
CREATE INDEX jobs_due ON jobs(next_run_at);
