-- A "replace" recall swaps each unit in a home for an unaffected one of the same model: the
-- replacement is reserved at the depot as the campaign is raised (or later, when stock comes in)
-- and goes on the resident's loan at the visit, the affected unit coming back into quarantine.
ALTER TABLE recall_units ADD COLUMN replacement_asset_id BIGINT REFERENCES assets(id);
CREATE INDEX recall_units_replacement ON recall_units(replacement_asset_id);
