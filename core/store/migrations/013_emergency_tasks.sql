-- Emergencies: an emergency that cannot be met raises a task for a planner to phone the
-- prescriber (an e-mail follows through the outbox); the planner marks it done.
CREATE TABLE prescriber_tasks (
    id {{ID_PRIMARY_KEY}},
    order_id BIGINT NOT NULL REFERENCES orders(id),
    prescriber_id BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done')),
    created_at TEXT NOT NULL,
    done_at TEXT,
    done_by BIGINT REFERENCES users(id)
);

CREATE INDEX prescriber_tasks_open ON prescriber_tasks(status, order_id);
