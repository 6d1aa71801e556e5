-- Profile of one actor (:actor): kind, country, roles with dates, aliases, counts of mentions, statements, meetings and relations, and its top partners (:limit); one row per fact as section, item, detail, value.
WITH
me AS (SELECT actor_id, name, kind, country FROM actors WHERE actor_id = CAST(:actor AS INTEGER)),
partners AS (
    SELECT CASE WHEN e.source = me.actor_id THEN e.target ELSE e.source END AS partner_id,
           e.polarity
    FROM v_edges e, me
    WHERE me.actor_id IN (e.source, e.target) AND e.source <> e.target
),
top_partners AS (
    SELECT a.name AS item,
           (SELECT group_concat(polarity || ' ' || n, ', ')
            FROM (SELECT p2.polarity, count(*) AS n FROM partners p2
                  WHERE p2.partner_id = p.partner_id GROUP BY p2.polarity ORDER BY p2.polarity)) AS detail,
           count(*) AS value
    FROM partners p
    JOIN actors a ON a.actor_id = p.partner_id
    GROUP BY p.partner_id
    ORDER BY value DESC, a.name
    LIMIT coalesce(CAST(:limit AS INTEGER), 10)
),
rows (part, section, item, detail, value) AS (
    SELECT 1, 'actor', name, kind || coalesce(' (' || country || ')', ''), NULL FROM me
    UNION ALL
    SELECT 2, 'role', r.office || coalesce(' of ' || o.name, ''),
           coalesce(r.start, '?') || ' to ' || coalesce(r.end, 'now'), NULL
    FROM roles r JOIN me ON me.actor_id = r.actor_id
    LEFT JOIN actors o ON o.actor_id = r.of_actor
    UNION ALL
    SELECT 3, 'alias', x.alias, NULL, NULL
    FROM aliases x JOIN me ON me.actor_id = x.actor_id
    WHERE x.alias <> me.name
    UNION ALL
    SELECT 4.01, 'count', 'articles', NULL,
           (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = me.actor_id)
    FROM me
    UNION ALL
    SELECT 4.02, 'count', 'mentions', NULL,
           (SELECT count(*) FROM mentions m WHERE m.actor_id = me.actor_id)
    FROM me
    UNION ALL
    SELECT 4.03, 'count', 'statements made', NULL,
           (SELECT count(*) FROM statements s WHERE s.speaker_id = me.actor_id)
    FROM me
    UNION ALL
    SELECT 4.04, 'count', 'statements about it', NULL,
           (SELECT count(*) FROM statement_about sa WHERE sa.actor_id = me.actor_id)
    FROM me
    UNION ALL
    SELECT 4.05, 'count', 'meetings held', NULL,
           (SELECT count(*) FROM meeting_participants mp
            JOIN meetings m ON m.meeting_id = mp.meeting_id
            WHERE mp.actor_id = me.actor_id AND m.status = 'held')
    FROM me
    UNION ALL
    SELECT 4.06, 'count', 'relations as source', NULL,
           (SELECT count(*) FROM relations r WHERE r.source_id = me.actor_id AND r.negated = 0)
    FROM me
    UNION ALL
    SELECT 4.07, 'count', 'relations as target', NULL,
           (SELECT count(*) FROM relations r WHERE r.target_id = me.actor_id AND r.negated = 0)
    FROM me
    UNION ALL
    SELECT 5, 'partner', item, detail, value FROM top_partners
)
SELECT section, item, detail, value
FROM rows
ORDER BY part, value DESC, item, detail;
