-- A collected collection's visits still waiting for a van are cancelled in the write that closes
-- it (its items came back another way, such as a drop-off). Before, they stayed pending and were
-- planned as if the items were still in the home; those are cancelled here.
UPDATE visits SET status = 'cancelled' WHERE status IN ('pending', 'planned') AND id IN (
    SELECT ci.visit_id FROM collection_items ci JOIN collections co ON co.id = ci.collection_id
    WHERE co.status = 'collected');
