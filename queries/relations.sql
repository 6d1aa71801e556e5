-- Relations between :actor and :other (either direction), or :actor and everyone, or all pairs: type, polarity, topics, evidence count, first and last date; dates :since and :until, at most :limit rows.
WITH
-- With one actor given (either parameter), its relations; with both, those between them.
ends (one, two) AS (
    SELECT coalesce(CAST(:actor AS INTEGER), CAST(:other AS INTEGER)),
           CASE WHEN :actor IS NOT NULL THEN CAST(:other AS INTEGER) END
),
-- Each branch can use an index on relations; a row is taken by one branch only.
chosen AS (
    SELECT r.source_id, r.target_id, r.type, r.polarity, r.date
    FROM relations r
    WHERE :actor IS NULL AND :other IS NULL AND r.negated = 0
    UNION ALL
    SELECT r.source_id, r.target_id, r.type, r.polarity, r.date
    FROM ends e JOIN relations r ON r.source_id = e.one
    WHERE r.negated = 0 AND (e.two IS NULL OR r.target_id = e.two)
    UNION ALL
    SELECT r.source_id, r.target_id, r.type, r.polarity, r.date
    FROM ends e JOIN relations r ON r.target_id = e.one
    WHERE r.negated = 0 AND (e.two IS NULL OR r.source_id = e.two)
      AND NOT (r.source_id = e.one AND (e.two IS NULL OR r.target_id = e.two))
),
-- Names are looked up and topics gathered for the printed rows only.
counted AS (
    SELECT source_id, target_id, type, polarity, count(*) AS relations, min(date) AS first_date,
           max(date) AS last_date
    FROM chosen
    WHERE (:since IS NULL OR date >= :since)
      AND (:until IS NULL OR substr(date, 1, length(:until)) <= :until)
    GROUP BY source_id, target_id, type, polarity
),
grouped AS (
    SELECT c.source_id, c.target_id, s.name AS source, t.name AS target, c.type, c.polarity,
           c.relations, c.first_date, c.last_date
    FROM counted c
    JOIN actors s ON s.actor_id = c.source_id
    JOIN actors t ON t.actor_id = c.target_id
    ORDER BY c.relations DESC, c.first_date, source, target, c.type
    LIMIT coalesce(CAST(:limit AS INTEGER), -1)
)
SELECT g.source, g.target, g.type, g.polarity,
       (SELECT group_concat(name, '; ')
        FROM (SELECT DISTINCT tp.name FROM relations r2
              JOIN relation_topics rt ON rt.relation_id = r2.relation_id
              JOIN topics tp ON tp.topic_id = rt.topic_id
              WHERE r2.source_id = g.source_id AND r2.target_id = g.target_id
                AND r2.type = g.type AND r2.polarity = g.polarity AND r2.negated = 0
              ORDER BY tp.name)) AS topics,
       g.relations, g.first_date, g.last_date
FROM grouped g
ORDER BY g.relations DESC, g.first_date, g.source, g.target, g.type;
