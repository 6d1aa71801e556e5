-- The shortest chain from :actor to :other over relations and meetings (either direction) of at most :depth hops, one row per hop with the fact behind it: edge type, date, evidence sentence and article.
WITH RECURSIVE
links (a, b) AS (
    SELECT source, target FROM v_edges WHERE source <> target
    UNION
    SELECT target, source FROM v_edges WHERE source <> target
),
-- Breadth-first distances from :actor; UNION and the hop bound keep cycles finite.
reach (actor_id, hops) AS (
    SELECT actor_id, 0 FROM actors WHERE actor_id = CAST(:actor AS INTEGER)
    UNION
    SELECT l.b, r.hops + 1
    FROM reach r JOIN links l ON l.a = r.actor_id
    WHERE r.hops < coalesce(CAST(:depth AS INTEGER), 2)
),
distance (actor_id, hops) AS (SELECT actor_id, min(hops) FROM reach GROUP BY actor_id),
-- Walk back from :other, each step to the neighbour one hop closer (the lowest id on ties).
chain (hop, actor_id, next_id) AS (
    SELECT hops, actor_id, NULL FROM distance WHERE actor_id = CAST(:other AS INTEGER)
    UNION ALL
    SELECT c.hop - 1,
           (SELECT min(d.actor_id) FROM links l
            JOIN distance d ON d.actor_id = l.b AND d.hops = c.hop - 1
            WHERE l.a = c.actor_id),
           c.actor_id
    FROM chain c
    WHERE c.hop > 0
),
-- Every fact joining two consecutive actors; the first relation (else meeting) is shown.
facts AS (
    SELECT c.hop + 1 AS hop, c.actor_id AS from_id, c.next_id AS to_id, e.edge, e.edge_id,
           e.source, e.target, e.type, e.date, e.article_id,
           count(*) OVER (PARTITION BY c.hop) AS facts,
           row_number() OVER (PARTITION BY c.hop
                              ORDER BY e.edge = 'meeting', e.date, e.edge_id) AS pick
    FROM chain c
    JOIN v_edges e ON (e.source = c.actor_id AND e.target = c.next_id)
                   OR (e.target = c.actor_id AND e.source = c.next_id)
    WHERE c.next_id IS NOT NULL
)
SELECT f.hop, fa.name AS from_actor, ta.name AS to_actor,
       sa.name || ' ' || f.type || ' ' || tg.name AS fact, f.date, f.facts,
       vs.text AS evidence, ar.title AS article
FROM facts f
JOIN actors fa ON fa.actor_id = f.from_id
JOIN actors ta ON ta.actor_id = f.to_id
JOIN actors sa ON sa.actor_id = f.source
JOIN actors tg ON tg.actor_id = f.target
JOIN articles ar ON ar.article_id = f.article_id
LEFT JOIN v_sentences vs ON vs.sentence_id = CASE f.edge
    WHEN 'relation' THEN (SELECT sentence_id FROM relations WHERE relation_id = f.edge_id)
    ELSE (SELECT sentence_id FROM meeting_sources
          WHERE meeting_id = f.edge_id AND article_id = f.article_id
          ORDER BY source_id LIMIT 1) END
WHERE f.pick = 1
ORDER BY f.hop;
