-- A resident's death, recorded once: the date they died. Their tracking answers say only that
-- the record is closed, and no new order may be placed for them.
ALTER TABLE residents ADD COLUMN deceased_on TEXT;
