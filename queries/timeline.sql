-- Everything between :actor and :other in date order (relations either way, meetings of both, statements by one about the other), each with its evidence sentence and article; without :other, everything involving :actor; dates :since and :until, at most :limit rows.
WITH events (date, event, what, sentence_id, article_id, sort_key) AS (
    SELECT r.date, 'relation', s.name || ' ' || r.type || ' ' || t.name, r.sentence_id,
           r.article_id, r.start
    FROM relations r
    JOIN actors s ON s.actor_id = r.source_id
    JOIN actors t ON t.actor_id = r.target_id
    WHERE r.negated = 0
      AND ((coalesce(r.source_id = CAST(:actor AS INTEGER), 1)
            AND coalesce(r.target_id = CAST(:other AS INTEGER), 1))
           OR (coalesce(r.target_id = CAST(:actor AS INTEGER), 1)
               AND coalesce(r.source_id = CAST(:other AS INTEGER), 1)))
    UNION ALL
    -- A meeting appears once, with the first sentence that reported it.
    SELECT m.date, 'meeting ' || m.status,
           (SELECT group_concat(name, ', ')
            FROM (SELECT a.name FROM meeting_participants mp JOIN actors a ON a.actor_id = mp.actor_id
                  WHERE mp.meeting_id = m.meeting_id ORDER BY a.name))
           || coalesce(' in ' || p.name, ''),
           ms.sentence_id, ms.article_id, 0
    FROM meetings m
    JOIN meeting_sources ms ON ms.source_id = (SELECT min(source_id) FROM meeting_sources x
                                               WHERE x.meeting_id = m.meeting_id)
    LEFT JOIN actors p ON p.actor_id = m.place_id
    WHERE (:actor IS NULL OR EXISTS (SELECT 1 FROM meeting_participants mp
                                     WHERE mp.meeting_id = m.meeting_id
                                       AND mp.actor_id = CAST(:actor AS INTEGER)))
      AND (:other IS NULL OR EXISTS (SELECT 1 FROM meeting_participants mp
                                     WHERE mp.meeting_id = m.meeting_id
                                       AND mp.actor_id = CAST(:other AS INTEGER)))
    UNION ALL
    SELECT ar.published, 'statement',
           coalesce(sp.name, '(no speaker)') || ': '
               || CAST(substr(CAST(ar.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT),
           s.sentence_id, s.article_id, s.start
    FROM statements s
    JOIN articles ar ON ar.article_id = s.article_id
    LEFT JOIN actors sp ON sp.actor_id = s.speaker_id
    WHERE (:actor IS NULL AND :other IS NULL)
       OR (s.speaker_id = CAST(:actor AS INTEGER)
           AND (:other IS NULL OR EXISTS (SELECT 1 FROM statement_about sa
                                          WHERE sa.statement_id = s.statement_id
                                            AND sa.actor_id = CAST(:other AS INTEGER))))
       OR (s.speaker_id = CAST(:other AS INTEGER)
           AND (:actor IS NULL OR EXISTS (SELECT 1 FROM statement_about sa
                                          WHERE sa.statement_id = s.statement_id
                                            AND sa.actor_id = CAST(:actor AS INTEGER))))
       OR (:other IS NULL AND EXISTS (SELECT 1 FROM statement_about sa
                                      WHERE sa.statement_id = s.statement_id
                                        AND sa.actor_id = CAST(:actor AS INTEGER)))
)
SELECT e.date, e.event, e.what, vs.text AS evidence, ar.title AS article
FROM events e
JOIN v_sentences vs ON vs.sentence_id = e.sentence_id
JOIN articles ar ON ar.article_id = e.article_id
WHERE (:since IS NULL OR substr(e.date, 1, length(:since)) >= substr(:since, 1, length(e.date)))
  AND (:until IS NULL OR substr(e.date, 1, length(:until)) <= substr(:until, 1, length(e.date)))
ORDER BY e.date IS NULL, e.date, e.article_id, vs.position, e.sort_key, e.event, e.what
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
