-- What the database holds: articles, actors by kind, statements, meetings, relations by type, and the most mentioned actors (:limit).
SELECT section, item, value
FROM (
    SELECT 1 AS part, 'articles' AS section, 'articles' AS item, count(*) AS value FROM articles
    UNION ALL
    SELECT 2, 'actors', a.kind, count(*)
    FROM actors a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.actor_id)
    GROUP BY a.kind
    UNION ALL
    SELECT 3, 'statements', kind || CASE WHEN speaker_id IS NULL THEN ' (no speaker)' ELSE '' END, count(*)
    FROM statements GROUP BY 2, 3
    UNION ALL
    SELECT 4, 'meetings', status, count(*) FROM meetings GROUP BY status
    UNION ALL
    SELECT 5, 'relations', type, count(*) FROM relations WHERE negated = 0 GROUP BY type
    UNION ALL
    SELECT * FROM (
        SELECT 6, 'most mentioned', a.name || ' (' || a.kind || ')', count(*) AS mentions
        FROM mentions m JOIN actors a ON a.actor_id = m.actor_id
        WHERE a.kind <> 'place'
        GROUP BY a.actor_id
        ORDER BY mentions DESC, a.name
        LIMIT coalesce(:limit, 10)
    )
)
ORDER BY part, value DESC, item;
