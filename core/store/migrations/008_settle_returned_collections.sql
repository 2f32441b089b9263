-- A collection now closes in the write that brings its last item back. Before, open collections
-- were settled when a report or a list was read: any whose items are all back but that no read
-- settled yet are closed here, as collected when the last item came back (its return or loss, or
-- the end of its counted loan).
UPDATE collections SET status = 'collected', completed_at = COALESCE((
    SELECT MAX(t) FROM (
        SELECT (SELECT MAX(e.at) FROM asset_events e WHERE e.asset_id = ci.asset_id
                AND e.step IN ('return', 'lost')) AS t
        FROM collection_items ci WHERE ci.collection_id = collections.id AND ci.asset_id IS NOT NULL
        UNION ALL
        SELECT l.ended_at AS t FROM collection_items ci JOIN loans l ON l.id = ci.loan_id
        WHERE ci.collection_id = collections.id AND ci.asset_id IS NULL) x), requested_at)
WHERE status = 'requested' AND NOT EXISTS (
    SELECT 1 FROM collection_items ci JOIN loans l ON l.id = ci.loan_id
    LEFT JOIN assets a ON a.id = ci.asset_id
    WHERE ci.collection_id = collections.id AND (
        (ci.asset_id IS NOT NULL AND a.state = 'on_loan' AND a.loan_id = ci.loan_id) OR
        (ci.asset_id IS NULL AND l.ended_at IS NULL)));
