-- Messages to residents: how each wants to hear from us (or a carer who speaks for them), and
-- an outbox that a sender drains through real channels. A resident message is stored as what
-- to say (its kind, language and fields); the sender renders it from the templates and keeps
-- what it sent. A claim is a lease: a sender that dies leaves the message to be taken again.
ALTER TABLE residents ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE residents ADD COLUMN mobile TEXT NOT NULL DEFAULT '';
ALTER TABLE residents ADD COLUMN contact_channel TEXT NOT NULL DEFAULT 'none'
    CHECK (contact_channel IN ('text', 'email', 'letter', 'phone', 'none'));
ALTER TABLE residents ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    CHECK (language IN ('en', 'ne', 'pl', 'ro'));
ALTER TABLE residents ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE residents ADD COLUMN contact_relationship TEXT NOT NULL DEFAULT '';

ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'
    CHECK (channel IN ('email', 'text', 'letter'));
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE outbox ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
ALTER TABLE outbox ADD COLUMN resident_id BIGINT REFERENCES residents(id);
ALTER TABLE outbox ADD COLUMN send_after TEXT;
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
ALTER TABLE outbox ADD COLUMN cancelled_at TEXT;

CREATE INDEX outbox_waiting ON outbox(sent_at, failed_at, cancelled_at, id);
CREATE INDEX outbox_entity ON outbox(entity, entity_id);
