-- Actors ranked by degree (distinct partners over relations and meetings, either direction), with weighted degree (edges) and 2-hop reach; dates :since and :until, at most :limit rows.
WITH
edges AS (
    SELECT source, target FROM v_edges
    WHERE source <> target
      AND (:since IS NULL OR substr(date, 1, length(:since)) >= substr(:since, 1, length(date)))
      AND (:until IS NULL OR substr(date, 1, length(:until)) <= substr(:until, 1, length(date)))
),
links (a, b) AS (
    SELECT source, target FROM edges
    UNION
    SELECT target, source FROM edges
),
weighted (actor_id, edges) AS (
    SELECT actor_id, count(*)
    FROM (SELECT source AS actor_id FROM edges UNION ALL SELECT target FROM edges)
    GROUP BY actor_id
),
two_hops (a, b) AS (
    SELECT a, b FROM links
    UNION
    SELECT l1.a, l2.b FROM links l1 JOIN links l2 ON l2.a = l1.b WHERE l2.b <> l1.a
),
scores (actor_id, degree, edges, reach_2) AS (
    SELECT w.actor_id,
           (SELECT count(*) FROM links l WHERE l.a = w.actor_id),
           w.edges,
           (SELECT count(*) FROM two_hops h WHERE h.a = w.actor_id)
    FROM weighted w
)
SELECT rank() OVER (ORDER BY s.degree DESC) AS rank, a.name AS actor, a.kind, a.country,
       s.degree, s.edges AS weighted_degree, s.reach_2
FROM scores s
JOIN actors a ON a.actor_id = s.actor_id
ORDER BY s.degree DESC, s.edges DESC, s.reach_2 DESC, a.name
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
