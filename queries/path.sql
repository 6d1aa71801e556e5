-- The shortest chain from :actor to :other over relations and meetings (either direction) of at most :depth hops, one row per hop with the fact behind it: edge type, date, evidence sentence and article.
WITH RECURSIVE
-- Edges are followed through the indexes of relations and meeting_participants, one actor at
-- a time, so the cost grows with the part of the graph walked, not with the whole graph.
settings (actor_id, other_id, depth) AS (
    SELECT actor_id, CAST(:other AS INTEGER), coalesce(CAST(:depth AS INTEGER), 2)
    FROM actors WHERE actor_id = CAST(:actor AS INTEGER)
),
ring1 (actor_id) AS (
    SELECT r.target_id FROM settings s JOIN relations r ON r.source_id = s.actor_id
    WHERE r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT r.source_id FROM settings s JOIN relations r ON r.target_id = s.actor_id
    WHERE r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT b.actor_id FROM settings s
    JOIN meeting_participants a ON a.actor_id = s.actor_id
    JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
    JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
),
-- The direct partners of :other.
other_ring (actor_id) AS (
    SELECT r.target_id FROM settings s JOIN relations r ON r.source_id = s.other_id
    WHERE r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT r.source_id FROM settings s JOIN relations r ON r.target_id = s.other_id
    WHERE r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT b.actor_id FROM settings s
    JOIN meeting_participants a ON a.actor_id = s.other_id
    JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
    JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
),
-- When :other is at most two hops away, the chain back from it needs the distances of
-- :actor's partners only: the walk goes on from them towards :other alone.
walk (further) AS (
    SELECT depth > 2 AND other_id <> actor_id AND other_id NOT IN ring1
       AND NOT EXISTS (SELECT 1 FROM other_ring o WHERE o.actor_id IN ring1)
    FROM settings
),
-- Breadth-first distances from :actor; UNION and the hop bound keep cycles finite.
reach (actor_id, hops) AS (
    SELECT actor_id, 0 FROM settings
    UNION
    SELECT actor_id, 1 FROM ring1 WHERE (SELECT depth FROM settings) >= 1
    UNION
    SELECT r.target_id, h.hops + 1 FROM reach h JOIN relations r ON r.source_id = h.actor_id
    WHERE h.hops >= 1 AND h.hops < (SELECT depth FROM settings) AND (SELECT further FROM walk)
      AND r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT r.source_id, h.hops + 1 FROM reach h JOIN relations r ON r.target_id = h.actor_id
    WHERE h.hops >= 1 AND h.hops < (SELECT depth FROM settings) AND (SELECT further FROM walk)
      AND r.negated = 0 AND r.target_id <> r.source_id
    UNION
    SELECT b.actor_id, h.hops + 1 FROM reach h
    JOIN meeting_participants a ON a.actor_id = h.actor_id
    JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
    JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
    WHERE h.hops >= 1 AND h.hops < (SELECT depth FROM settings) AND (SELECT further FROM walk)
    UNION
    -- Otherwise only the steps that reach :other.
    SELECT s.other_id, h.hops + 1 FROM reach h, settings s
    WHERE h.hops >= 1 AND h.hops < s.depth AND NOT (SELECT further FROM walk)
      AND h.actor_id IN other_ring
),
distance (actor_id, hops) AS (SELECT actor_id, min(hops) FROM reach GROUP BY actor_id),
-- Walk back from :other, each step to the neighbour one hop closer (the lowest id on ties).
chain (hop, actor_id, next_id) AS (
    SELECT hops, actor_id, NULL FROM distance WHERE actor_id = CAST(:other AS INTEGER)
    UNION ALL
    SELECT c.hop - 1,
           CASE
               -- Every actor one hop away is a partner of :actor.
               WHEN c.hop = 1 THEN (SELECT actor_id FROM settings)
               WHEN c.actor_id = (SELECT other_id FROM settings) THEN
                   (SELECT min(d.actor_id) FROM other_ring o
                    JOIN distance d ON d.actor_id = o.actor_id AND d.hops = c.hop - 1)
               ELSE (SELECT min(d.actor_id)
                     FROM (SELECT r.target_id AS actor_id FROM relations r
                           WHERE r.source_id = c.actor_id AND r.negated = 0
                           UNION ALL
                           SELECT r.source_id FROM relations r
                           WHERE r.target_id = c.actor_id AND r.negated = 0
                           UNION ALL
                           SELECT b.actor_id FROM meeting_participants a
                           JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
                           JOIN meeting_participants b ON b.meeting_id = a.meeting_id
                           WHERE a.actor_id = c.actor_id) x
                     JOIN distance d ON d.actor_id = x.actor_id AND d.hops = c.hop - 1) END,
           c.actor_id
    FROM chain c
    WHERE c.hop > 0
),
-- Every fact joining two consecutive actors (the rows of v_edges between them).
chain_edges AS (
    SELECT c.hop, c.actor_id AS from_id, c.next_id AS to_id, 'relation' AS edge,
           r.relation_id AS edge_id, r.source_id AS source, r.target_id AS target, r.type, r.date,
           r.article_id
    FROM chain c JOIN relations r ON r.source_id = c.actor_id AND r.target_id = c.next_id
    WHERE r.negated = 0
    UNION ALL
    SELECT c.hop, c.actor_id, c.next_id, 'relation', r.relation_id, r.source_id, r.target_id,
           r.type, r.date, r.article_id
    FROM chain c JOIN relations r ON r.source_id = c.next_id AND r.target_id = c.actor_id
    WHERE r.negated = 0
    UNION ALL
    SELECT c.hop, c.actor_id, c.next_id, 'meeting', m.meeting_id,
           min(c.actor_id, c.next_id), max(c.actor_id, c.next_id), 'MEETING', m.date,
           (SELECT min(article_id) FROM meeting_sources ms WHERE ms.meeting_id = m.meeting_id)
    FROM chain c
    JOIN meeting_participants a ON a.actor_id = c.actor_id
    JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id = c.next_id
    JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
),
-- The first relation (else meeting) is shown.
facts AS (
    SELECT e.hop + 1 AS hop, e.from_id, e.to_id, e.edge, e.edge_id, e.source, e.target, e.type,
           e.date, e.article_id,
           count(*) OVER (PARTITION BY e.hop) AS facts,
           row_number() OVER (PARTITION BY e.hop
                              ORDER BY e.edge = 'meeting', e.date, e.edge_id) AS pick
    FROM chain_edges e
)
SELECT f.hop, fa.name AS from_actor, ta.name AS to_actor,
       sa.name || ' ' || f.type || ' ' || tg.name AS fact, f.date, f.facts,
       -- A subquery, not a LEFT JOIN: a view joined on the right of a LEFT JOIN is not
       -- flattened, and SQLite would build the text of every sentence first.
       (SELECT vs.text FROM v_sentences vs WHERE vs.sentence_id = CASE f.edge
            WHEN 'relation' THEN (SELECT sentence_id FROM relations WHERE relation_id = f.edge_id)
            ELSE (SELECT sentence_id FROM meeting_sources
                  WHERE meeting_id = f.edge_id AND article_id = f.article_id
                  ORDER BY source_id LIMIT 1) END) AS evidence,
       ar.title AS article
FROM facts f
JOIN actors fa ON fa.actor_id = f.from_id
JOIN actors ta ON ta.actor_id = f.to_id
JOIN actors sa ON sa.actor_id = f.source
JOIN actors tg ON tg.actor_id = f.target
JOIN articles ar ON ar.article_id = f.article_id
WHERE f.pick = 1
ORDER BY f.hop;
