-- Each catalogue item's planned maintenance as typed data: its regime (none, loler, electrical,
-- planned_service), interval in months (0 = none) and the skill its checks in a home need (none,
-- lifting_engineer). Rules read these columns; items.inspection_regime stays the catalogue's
-- words, for reading. An item without a row has no planned maintenance.
ALTER TABLE item_maintenance ADD COLUMN regime TEXT NOT NULL DEFAULT 'none';
ALTER TABLE item_maintenance ADD COLUMN skill TEXT NOT NULL DEFAULT 'none';

-- The county catalogue, item by item (data/catalogue_maintenance.csv): LOLER every 6 months by a
-- lifting engineer for what lifts people (hoists, the sling, the bath lift); PAT and service every
-- 12 months for electrical items (beds, mattresses and pumps, the riser-recliner chair, which is
-- PUWER and not LOLER, the powered wheelchair); a planned annual service for the manual
-- wheelchair; none for the rest. A row already there keeps its interval (a council's override).
WITH catalogue (code, regime, months, skill) AS (VALUES
    ('KCE-BED-001', 'electrical', 12, 'none'),
    ('KCE-BED-002', 'electrical', 12, 'none'),
    ('KCE-BED-003', 'none', 0, 'none'),
    ('KCE-PRS-001', 'electrical', 12, 'none'),
    ('KCE-PRS-002', 'electrical', 12, 'none'),
    ('KCE-PRS-003', 'electrical', 12, 'none'),
    ('KCE-PRS-004', 'none', 0, 'none'),
    ('KCE-HST-001', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-002', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-003', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-004', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-005', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-006', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-007', 'loler', 6, 'lifting_engineer'),
    ('KCE-HST-008', 'none', 0, 'none'),
    ('KCE-SLG-001', 'loler', 6, 'lifting_engineer'),
    ('KCE-SLD-001', 'none', 0, 'none'),
    ('KCE-BTH-001', 'loler', 6, 'lifting_engineer'),
    ('KCE-BTH-002', 'none', 0, 'none'),
    ('KCE-BTH-003', 'none', 0, 'none'),
    ('KCE-TLT-001', 'none', 0, 'none'),
    ('KCE-TLT-002', 'none', 0, 'none'),
    ('KCE-TLT-003', 'none', 0, 'none'),
    ('KCE-TLT-004', 'none', 0, 'none'),
    ('KCE-MOB-001', 'none', 0, 'none'),
    ('KCE-MOB-002', 'none', 0, 'none'),
    ('KCE-MOB-003', 'none', 0, 'none'),
    ('KCE-MOB-004', 'none', 0, 'none'),
    ('KCE-MOB-005', 'none', 0, 'none'),
    ('KCE-MOB-006', 'none', 0, 'none'),
    ('KCE-MOB-007', 'none', 0, 'none'),
    ('KCE-WCH-001', 'planned_service', 12, 'none'),
    ('KCE-WCH-002', 'electrical', 12, 'none'),
    ('KCE-SEA-001', 'electrical', 12, 'none'),
    ('KCE-KIT-001', 'none', 0, 'none'),
    ('KCE-KIT-002', 'none', 0, 'none'))
INSERT INTO item_maintenance (item_code, regime, interval_months, skill)
SELECT i.code, m.regime, m.months, m.skill FROM items i JOIN catalogue m ON m.code = i.code
WHERE true
ON CONFLICT (item_code) DO UPDATE SET regime = excluded.regime, skill = excluded.skill;

-- Riser-recliner chairs registered with the 6-month LOLER interval the old text search gave them
-- take the 12 months of their regime from their next inspection on.
UPDATE assets SET inspection_interval_months = 12
WHERE item_code = 'KCE-SEA-001' AND inspection_interval_months = 6;
