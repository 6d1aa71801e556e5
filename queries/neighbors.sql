-- The ego network of :actor: every actor within :depth hops over relations and meetings (either direction), with its distance, the actors that lead to it and the number of edges from them.
WITH RECURSIVE
-- Edges are followed through the indexes of relations and meeting_participants, one actor at
-- a time, so the cost grows with the part of the graph walked, not with the whole graph.
settings (actor_id, depth, lim) AS (
    SELECT actor_id, coalesce(CAST(:depth AS INTEGER), 2), coalesce(CAST(:limit AS INTEGER), -1)
    FROM actors WHERE actor_id = CAST(:actor AS INTEGER)
),
-- The direct partners of :actor, with the number of edges to each.
ring1 (actor_id, edges) AS (
    SELECT partner_id, count(*)
    FROM (SELECT r.target_id AS partner_id FROM settings s
          JOIN relations r ON r.source_id = s.actor_id
          WHERE r.negated = 0 AND r.target_id <> r.source_id
          UNION ALL
          SELECT r.source_id FROM settings s JOIN relations r ON r.target_id = s.actor_id
          WHERE r.negated = 0 AND r.target_id <> r.source_id
          UNION ALL
          SELECT b.actor_id FROM settings s
          JOIN meeting_participants a ON a.actor_id = s.actor_id
          JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
          JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id)
    GROUP BY partner_id
),
-- Rows are ordered by hops first, so when :actor and its direct partners already fill :limit,
-- nothing farther can be printed and the walk stops at one hop.
walk (further) AS (
    SELECT depth > 1 AND (lim < 0 OR 1 + (SELECT count(*) FROM ring1) < lim) FROM settings
),
-- UNION (not UNION ALL) drops repeated (actor, hops) pairs and the hop bound stops the walk,
-- so cycles cannot make it run forever.
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
),
nearest (actor_id, hops) AS (SELECT actor_id, min(hops) FROM reach GROUP BY actor_id),
-- The last hop that can reach the printed rows; edges and via are counted up to it only.
per_hop (hops, actors) AS (SELECT hops, count(*) FROM nearest GROUP BY hops),
last_hop (hops) AS (
    SELECT coalesce(
        (SELECT min(p.hops) FROM per_hop p, settings s
         WHERE s.lim >= 0 AND (SELECT sum(q.actors) FROM per_hop q WHERE q.hops <= p.hops) >= s.lim),
        (SELECT max(hops) FROM per_hop))
),
-- One row per edge (relation or held meeting) between an actor two or more hops away and one a
-- hop closer (ring1 counts those of the first hop).
ties (actor_id, prev_id) AS (
    SELECT r.target_id, p.actor_id FROM nearest p
    JOIN relations r ON r.source_id = p.actor_id
    JOIN nearest n ON n.actor_id = r.target_id AND n.hops = p.hops + 1
    WHERE p.hops >= 1 AND p.hops < (SELECT hops FROM last_hop) AND r.negated = 0
    UNION ALL
    SELECT r.source_id, p.actor_id FROM nearest p
    JOIN relations r ON r.target_id = p.actor_id
    JOIN nearest n ON n.actor_id = r.source_id AND n.hops = p.hops + 1
    WHERE p.hops >= 1 AND p.hops < (SELECT hops FROM last_hop) AND r.negated = 0
    UNION ALL
    SELECT b.actor_id, p.actor_id FROM nearest p
    JOIN meeting_participants a ON a.actor_id = p.actor_id
    JOIN meetings m ON m.meeting_id = a.meeting_id AND m.status = 'held'
    JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
    JOIN nearest n ON n.actor_id = b.actor_id AND n.hops = p.hops + 1
    WHERE p.hops >= 1 AND p.hops < (SELECT hops FROM last_hop)
)
SELECT n.hops, a.name AS actor, a.kind, a.country,
       CASE n.hops
           WHEN 0 THEN NULL
           WHEN 1 THEN (SELECT me.name FROM settings s JOIN actors me ON me.actor_id = s.actor_id)
           ELSE (SELECT group_concat(name, ', ')
                 FROM (SELECT p.name
                       FROM (SELECT DISTINCT prev_id FROM ties t WHERE t.actor_id = n.actor_id)
                       JOIN actors p ON p.actor_id = prev_id
                       ORDER BY p.name)) END AS via,
       CASE n.hops
           WHEN 0 THEN 0
           WHEN 1 THEN (SELECT r1.edges FROM ring1 r1 WHERE r1.actor_id = n.actor_id)
           ELSE (SELECT count(*) FROM ties t WHERE t.actor_id = n.actor_id) END AS edges
FROM nearest n
JOIN actors a ON a.actor_id = n.actor_id
WHERE n.hops <= (SELECT hops FROM last_hop)
ORDER BY n.hops, edges DESC, a.name
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
