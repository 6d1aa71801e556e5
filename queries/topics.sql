-- Which pairs of actors are at odds (conflictual relations) or aligned (cooperative ones) over which topics, with counts; optional :actor on either side, :topic, dates :since and :until, at most :limit rows.
SELECT tp.name AS topic,
       CASE r.polarity WHEN 'conflictual' THEN 'at odds' ELSE 'aligned' END AS stance,
       a.name AS actor, b.name AS other, count(*) AS relations,
       (SELECT group_concat(type, ', ')
        FROM (SELECT DISTINCT r2.type FROM relations r2
              JOIN relation_topics rt2 ON rt2.relation_id = r2.relation_id
              WHERE rt2.topic_id = tp.topic_id AND r2.polarity = r.polarity AND r2.negated = 0
                AND min(r2.source_id, r2.target_id) = a.actor_id
                AND max(r2.source_id, r2.target_id) = b.actor_id
              ORDER BY r2.type)) AS types,
       min(r.date) AS first_date, max(r.date) AS last_date
FROM relations r
JOIN relation_topics rt ON rt.relation_id = r.relation_id
JOIN topics tp ON tp.topic_id = rt.topic_id
-- A pair is unordered: the actor with the lower id is listed first.
JOIN actors a ON a.actor_id = min(r.source_id, r.target_id)
JOIN actors b ON b.actor_id = max(r.source_id, r.target_id)
WHERE r.negated = 0
  AND r.polarity IN ('conflictual', 'cooperative')
  AND r.source_id <> r.target_id
  AND (:actor IS NULL OR CAST(:actor AS INTEGER) IN (r.source_id, r.target_id))
  AND (:topic IS NULL OR tp.name = :topic COLLATE NOCASE)
  AND (:since IS NULL OR r.date >= :since)
  AND (:until IS NULL OR substr(r.date, 1, length(:until)) <= :until)
GROUP BY tp.topic_id, r.polarity, a.actor_id, b.actor_id
ORDER BY relations DESC, topic, stance, actor, other
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
