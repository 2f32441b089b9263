-- Planning the week: each run over a horizon of working days is recorded, and every day's plan
-- it made names it, so a planner can tell which run made which day.
CREATE TABLE plan_runs (
    id {{ID_PRIMARY_KEY}},
    from_date TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 10),
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    time_ms BIGINT NOT NULL,
    late INTEGER NOT NULL,
    left_out INTEGER NOT NULL
);
ALTER TABLE plans ADD COLUMN run_id BIGINT REFERENCES plan_runs(id);
