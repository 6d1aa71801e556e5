-- 005_lean_writes: a smaller database and cheaper inserts, same public views.
--
-- Mentions, statements and relations are read by actor (or all at once, as v_article_actors
-- does), never looked up by article: no query or report filters them by article_id, and no
-- command deletes articles. Their indexes by article only cost space (about a fifth of the
-- mentions' bytes).
DROP INDEX mentions_by_article;
DROP INDEX statements_by_article;
DROP INDEX relations_by_article;

-- The search index over statements is filled once per committed batch instead of once per
-- statement. Writing FTS5 inside a transaction enrolls it, and from then on SQLite makes it
-- flush its pending terms into a new segment at every statement-level savepoint: one tiny
-- segment, and a fresh structure record, per inserted row. New statements now wait in
-- statements_fts_pending until the writer runs `sync_statement_search` (src/store/statements.sql)
-- before it commits; the delete and update triggers handle rows that are still waiting.
CREATE TABLE statements_fts_pending (
    statement_id INTEGER PRIMARY KEY
);

DROP TRIGGER statements_fts_insert;
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT OR IGNORE INTO statements_fts_pending (statement_id) VALUES (new.statement_id);
END;

DROP TRIGGER statements_fts_delete;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote)
    SELECT 'delete', old.statement_id, old.quote
    WHERE NOT EXISTS (SELECT 1 FROM statements_fts_pending WHERE statement_id = old.statement_id);
    DELETE FROM statements_fts_pending WHERE statement_id = old.statement_id;
END;

DROP TRIGGER statements_fts_update;
CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote)
    SELECT 'delete', old.statement_id, old.quote
    WHERE NOT EXISTS (SELECT 1 FROM statements_fts_pending WHERE statement_id = old.statement_id);
    INSERT OR IGNORE INTO statements_fts_pending (statement_id) VALUES (new.statement_id);
END;
