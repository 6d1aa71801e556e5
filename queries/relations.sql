-- Relations between :actor and :other (either direction), or :actor and everyone, or all pairs: type, polarity, topics, evidence count, first and last date; dates :since and :until, at most :limit rows.
SELECT s.name AS source, t.name AS target, r.type, r.polarity,
       (SELECT group_concat(name, '; ')
        FROM (SELECT DISTINCT tp.name FROM relations r2
              JOIN relation_topics rt ON rt.relation_id = r2.relation_id
              JOIN topics tp ON tp.topic_id = rt.topic_id
              WHERE r2.source_id = r.source_id AND r2.target_id = r.target_id
                AND r2.type = r.type AND r2.polarity = r.polarity AND r2.negated = 0
              ORDER BY tp.name)) AS topics,
       count(*) AS relations, min(r.date) AS first_date, max(r.date) AS last_date
FROM relations r
JOIN actors s ON s.actor_id = r.source_id
JOIN actors t ON t.actor_id = r.target_id
WHERE r.negated = 0
  AND ((coalesce(r.source_id = CAST(:actor AS INTEGER), 1)
        AND coalesce(r.target_id = CAST(:other AS INTEGER), 1))
       OR (coalesce(r.target_id = CAST(:actor AS INTEGER), 1)
           AND coalesce(r.source_id = CAST(:other AS INTEGER), 1)))
  AND (:since IS NULL OR r.date >= :since)
  AND (:until IS NULL OR substr(r.date, 1, length(:until)) <= :until)
GROUP BY r.source_id, r.target_id, r.type, r.polarity
ORDER BY relations DESC, first_date, source, target, r.type
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
