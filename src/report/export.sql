-- Statements the exporter runs; each follows a "-- name:" line.

-- name: graph_nodes
-- Actors with at least one edge (whole graph, :actor NULL), or within :depth hops of :actor
-- in either direction. UNION and the hop bound keep cycles finite.
WITH RECURSIVE
links (a, b) AS (
    SELECT source, target FROM v_edges
    UNION
    SELECT target, source FROM v_edges
),
reach (actor_id, hops) AS (
    SELECT actor_id, 0 FROM actors WHERE actor_id = :actor
    UNION
    SELECT l.b, r.hops + 1 FROM reach r JOIN links l ON l.a = r.actor_id WHERE r.hops < :depth
),
members (actor_id) AS (
    SELECT actor_id FROM reach
    UNION
    SELECT a FROM links WHERE :actor IS NULL
)
SELECT n.id, n.name, n.kind, n.country
FROM v_nodes n
JOIN members m ON m.actor_id = n.id
ORDER BY n.id;

-- name: graph_edges
-- One edge per source, target, type and polarity; weight counts the evidence rows behind it.
SELECT e.source, e.target, e.type, e.polarity, count(*) AS weight,
       (SELECT group_concat(name, '; ')
        FROM (SELECT DISTINCT tp.name FROM relations r
              JOIN relation_topics rt ON rt.relation_id = r.relation_id
              JOIN topics tp ON tp.topic_id = rt.topic_id
              WHERE r.source_id = e.source AND r.target_id = e.target AND r.type = e.type
                AND r.polarity = e.polarity AND r.negated = 0
              ORDER BY tp.name)) AS topics
FROM v_edges e
GROUP BY e.source, e.target, e.type, e.polarity
ORDER BY e.source, e.target, e.type, e.polarity;

-- name: meeting_spells
-- The dates of held meetings per participant pair (as in v_edges), widened to whole days:
-- "2018" spans the year and "2018-06" the month.
SELECT a.actor_id AS source, b.actor_id AS target,
       CASE length(m.date) WHEN 4 THEN m.date || '-01-01'
                           WHEN 7 THEN m.date || '-01'
                           ELSE m.date END AS start,
       CASE length(m.date) WHEN 4 THEN m.date || '-12-31'
                           WHEN 7 THEN date(m.date || '-01', '+1 month', '-1 day')
                           ELSE m.date END AS end
FROM meetings m
JOIN meeting_participants a ON a.meeting_id = m.meeting_id
JOIN meeting_participants b ON b.meeting_id = m.meeting_id AND a.actor_id < b.actor_id
WHERE m.status = 'held' AND m.date IS NOT NULL
ORDER BY source, target, start, end;
