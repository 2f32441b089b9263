-- Prescriber competence: each catalogue item needs a competence (the admin keeps the list), each
-- prescriber holds competences until an expiry date; an order for an item its prescriber is not
-- competent for waits for a countersignature by a competent colleague of the same team.
CREATE TABLE competences (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO competences (code, name) VALUES
    ('basic', 'Daily living equipment (every prescriber)'),
    ('moving_handling', 'Moving and handling: hoists and slings'),
    ('pressure_care', 'Pressure care: pressure-relieving mattresses and cushions'),
    ('specialist_seating', 'Specialist seating'),
    ('paediatric', 'Children''s equipment');
ALTER TABLE items ADD COLUMN competence TEXT NOT NULL DEFAULT 'basic';
CREATE TABLE user_competences (
    user_id BIGINT NOT NULL REFERENCES users(id),
    competence TEXT NOT NULL REFERENCES competences(code),
    expires_on TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    granted_by BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (user_id, competence)
);
CREATE INDEX user_competences_expiry ON user_competences(expires_on);
ALTER TABLE orders ADD COLUMN countersigned_by BIGINT REFERENCES users(id);
ALTER TABLE orders ADD COLUMN countersigned_at TEXT;
