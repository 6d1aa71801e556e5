-- 008_statement_spans: a statement's words are read from its article, as a sentence's are.
--
-- statements.quote held a copy of the bytes from start to end of articles.text (always exactly
-- those: every other table points into the text by span, and statements now do too). The copy
-- was about a twentieth of the database. The public view v_statements keeps its quote column,
-- and the full-text index reads the words through it.
CREATE TABLE statements_new (
    statement_id INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    speaker_id   INTEGER REFERENCES actors (actor_id),   -- NULL when the text names no speaker
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    cue          TEXT,               -- the speech verb that attributes it, when there is one
    start        INTEGER NOT NULL,   -- byte span of the quote (without quote marks) in articles.text
    end          INTEGER NOT NULL
);
INSERT INTO statements_new (statement_id, article_id, sentence_id, speaker_id, kind, cue, start, end)
SELECT statement_id, article_id, sentence_id, speaker_id, kind, cue, start, end
FROM statements
ORDER BY statement_id;

-- The old table's search index, triggers and views go with it (foreign keys are off while a
-- migration runs, and the tables that refer to statements keep their ids).
DROP VIEW v_statements;
DROP TABLE statements_fts;
DROP TABLE statements;
ALTER TABLE statements_new RENAME TO statements;
CREATE INDEX statements_by_speaker ON statements (speaker_id);

-- Public: quotes and reported speech with their speaker (NULL when the text names none).
CREATE VIEW v_statements AS
SELECT s.statement_id, s.article_id, a.name AS speaker,
       CAST(substr(CAST(ar.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS quote, s.kind
FROM statements s
JOIN articles ar ON ar.article_id = s.article_id
LEFT JOIN actors a ON a.actor_id = s.speaker_id;

-- Full-text search over the quotes, with v_statements as its external content. New statements
-- wait in statements_fts_pending until the writer syncs them (see 005_lean_writes). Without
-- columnsize the index keeps no table of each quote's length in words: only ranking by bm25()
-- needs it, and then reads the quotes themselves.
CREATE VIRTUAL TABLE statements_fts USING fts5 (quote, content = 'v_statements', content_rowid = 'statement_id', columnsize = 0);
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
DELETE FROM statements_fts_pending;

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT OR IGNORE INTO statements_fts_pending (statement_id) VALUES (new.statement_id);
END;

-- Removing a statement from the index needs its old words, read from its article.
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote)
    SELECT 'delete', old.statement_id,
           CAST(substr(CAST(ar.text AS BLOB), old.start + 1, old.end - old.start) AS TEXT)
    FROM articles ar
    WHERE ar.article_id = old.article_id
      AND NOT EXISTS (SELECT 1 FROM statements_fts_pending WHERE statement_id = old.statement_id);
    DELETE FROM statements_fts_pending WHERE statement_id = old.statement_id;
END;

CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote)
    SELECT 'delete', old.statement_id,
           CAST(substr(CAST(ar.text AS BLOB), old.start + 1, old.end - old.start) AS TEXT)
    FROM articles ar
    WHERE ar.article_id = old.article_id
      AND NOT EXISTS (SELECT 1 FROM statements_fts_pending WHERE statement_id = old.statement_id);
    INSERT OR IGNORE INTO statements_fts_pending (statement_id) VALUES (new.statement_id);
END;

-- So an article's statements leave the index while its text is still there to read them from:
-- its statements are deleted before the article is (the foreign keys' cascade runs after).
CREATE TRIGGER articles_delete_statements BEFORE DELETE ON articles BEGIN
    DELETE FROM statements WHERE article_id = old.article_id;
END;
