-- The ego network of :actor: every actor within :depth hops over relations and meetings (either direction), with its distance, the actors that lead to it and the number of edges from them.
WITH RECURSIVE
links (a, b) AS (
    SELECT source, target FROM v_edges WHERE source <> target
    UNION
    SELECT target, source FROM v_edges WHERE source <> target
),
-- UNION (not UNION ALL) drops repeated (actor, hops) pairs and the hop bound stops the walk,
-- so cycles cannot make it run forever.
reach (actor_id, hops) AS (
    SELECT actor_id, 0 FROM actors WHERE actor_id = CAST(:actor AS INTEGER)
    UNION
    SELECT l.b, r.hops + 1
    FROM reach r JOIN links l ON l.a = r.actor_id
    WHERE r.hops < coalesce(CAST(:depth AS INTEGER), 2)
),
nearest (actor_id, hops) AS (SELECT actor_id, min(hops) FROM reach GROUP BY actor_id)
SELECT n.hops, a.name AS actor, a.kind, a.country,
       (SELECT group_concat(name, ', ')
        FROM (SELECT p.name FROM nearest prev
              JOIN links l ON l.a = prev.actor_id AND l.b = n.actor_id
              JOIN actors p ON p.actor_id = prev.actor_id
              WHERE prev.hops = n.hops - 1 ORDER BY p.name)) AS via,
       (SELECT count(*) FROM v_edges e JOIN nearest prev ON prev.hops = n.hops - 1
        WHERE (e.source = prev.actor_id AND e.target = n.actor_id)
           OR (e.target = prev.actor_id AND e.source = n.actor_id)) AS edges
FROM nearest n
JOIN actors a ON a.actor_id = n.actor_id
ORDER BY n.hops, edges DESC, a.name
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
