-- Meetings (held, planned or cancelled) with date, place, participants and the number of reporting articles; optional :actor taking part, dates :since and :until, at most :limit rows.
SELECT m.date, m.status, p.name AS place,
       (SELECT group_concat(name, ', ')
        FROM (SELECT a.name FROM meeting_participants mp JOIN actors a ON a.actor_id = mp.actor_id
              WHERE mp.meeting_id = m.meeting_id ORDER BY a.name)) AS participants,
       (SELECT count(DISTINCT ms.article_id) FROM meeting_sources ms
        WHERE ms.meeting_id = m.meeting_id) AS articles,
       (SELECT count(*) FROM meeting_sources ms WHERE ms.meeting_id = m.meeting_id) AS sentences
FROM meetings m
LEFT JOIN actors p ON p.actor_id = m.place_id
WHERE (:actor IS NULL OR EXISTS (SELECT 1 FROM meeting_participants mp
                                 WHERE mp.meeting_id = m.meeting_id
                                   AND mp.actor_id = CAST(:actor AS INTEGER)))
  -- A partial date (2018-06) overlaps a bound when they agree to the shorter precision.
  AND (:since IS NULL OR substr(m.date, 1, length(:since)) >= substr(:since, 1, length(m.date)))
  AND (:until IS NULL OR substr(m.date, 1, length(:until)) <= substr(:until, 1, length(m.date)))
ORDER BY m.date IS NULL, m.date, m.meeting_id
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
