-- Quotes and reported speech by :actor (as speaker) or about :actor, or matching the full-text :query (FTS5 syntax: words, "a phrase", OR, NEAR); dates :since and :until, at most :limit rows.
SELECT ar.published AS date,
       sp.name AS speaker,
       CASE WHEN :actor IS NULL THEN NULL
            WHEN s.speaker_id = CAST(:actor AS INTEGER) THEN 'by'
            ELSE 'about' END AS actor_is,
       s.kind, CAST(substr(CAST(ar.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS quote,
       ar.title AS article
FROM statements s
JOIN articles ar ON ar.article_id = s.article_id
LEFT JOIN actors sp ON sp.actor_id = s.speaker_id
WHERE (:actor IS NULL
       OR s.speaker_id = CAST(:actor AS INTEGER)
       OR EXISTS (SELECT 1 FROM statement_about sa
                  WHERE sa.statement_id = s.statement_id AND sa.actor_id = CAST(:actor AS INTEGER)))
  AND (:query IS NULL
       OR s.statement_id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH :query))
  AND (:since IS NULL OR ar.published >= :since)
  AND (:until IS NULL OR substr(ar.published, 1, length(:until)) <= :until)
ORDER BY ar.published, s.article_id, s.start
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
