-- Statements the writer prepares; each follows a "-- name:" line.
--
-- The writer's inserts say OR FAIL where a plain INSERT would mean OR ABORT. Both stop at a
-- broken constraint with the same error; ABORT also undoes the rows the statement wrote before
-- it, and to be able to, SQLite copies every page such a statement touches (16 KiB each) to a
-- statement journal first, for any statement that may write more than one row: the writer's
-- sixteen-row inserts, and those into tables with triggers. Nothing here needs that undo: a
-- failed article rolls back its whole batch (src/cli/batch_writer.hpp). The copies were a
-- sixth of the writer thread's time with --jobs 2.

-- name: find_article
SELECT article_id FROM articles WHERE content_hash = :hash;

-- name: insert_article
INSERT OR FAIL INTO articles (title, published, source, url, origin, text, content_hash)
VALUES (:title, :published, :source, :url, :origin, :text, :hash);

-- name: next_sentence_id
-- The id SQLite would give the next sentence: the writer assigns an article's sentence ids
-- before inserting them many to a statement.
SELECT coalesce(max(sentence_id), 0) + 1 FROM sentences;

-- name: insert_sentences
-- One sentence's row; the writer appends the VALUES row again for each further sentence it
-- inserts with the same statement (no semicolon here, so that it can).
INSERT OR FAIL INTO sentences (sentence_id, article_id, paragraph, position, start, end)
VALUES (?, ?, ?, ?, ?, ?)

-- name: find_actor
SELECT actor_id FROM actors WHERE name = :name AND kind = :kind AND country IS :country;

-- name: find_actor_any_country
SELECT actor_id, country FROM actors WHERE name = :name AND kind = :kind ORDER BY country IS NULL LIMIT 1;

-- name: insert_actor
INSERT OR FAIL INTO actors (name, kind, country, origin) VALUES (:name, :kind, :country, :origin);

-- name: insert_alias
INSERT OR IGNORE INTO aliases (alias, actor_id) VALUES (:alias, :actor);

-- name: insert_role
INSERT OR IGNORE INTO roles (actor_id, office, of_actor, start, end)
VALUES (:actor, :office, :of_actor, :start, :end);

-- name: insert_mentions
-- One mention's row; the writer appends the VALUES row again for each further mention it
-- inserts with the same statement (no semicolon here, so that it can).
INSERT OR IGNORE INTO mentions (article_id, sentence_id, actor_id, start, end, kind_id)
VALUES (?, ?, ?, ?, ?, ?)

-- name: find_mention_kind
SELECT kind_id FROM mention_kinds WHERE name = :name;

-- name: insert_mention_kind
INSERT OR FAIL INTO mention_kinds (name) VALUES (:name);

-- name: next_statement_id
-- As next_sentence_id, for statements.
SELECT coalesce(max(statement_id), 0) + 1 FROM statements;

-- name: insert_statements
-- One row, repeated by the writer as insert_sentences is.
INSERT OR FAIL INTO statements (statement_id, article_id, sentence_id, speaker_id, kind, cue,
                                start, end)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)

-- name: insert_statement_about
-- One row, repeated by the writer as insert_sentences is.
INSERT OR IGNORE INTO statement_about (statement_id, actor_id) VALUES (?, ?)

-- name: insert_statement_topics
-- One row, repeated by the writer as insert_sentences is.
INSERT OR IGNORE INTO statement_topics (statement_id, topic_id) VALUES (?, ?)

-- name: meetings_near
-- Meetings dated from :first to :last whose participant with the smallest id is :actor, from
-- meetings_by_first_participant alone (no table row is read: in a large database each would
-- be a page outside the cache). Full dates are ten characters; the length test keeps out a
-- partial date that sorts inside the range ("2017-06" between "2017-05-31" and "2017-06-02").
-- The writer checks the participants of each, and the status (meeting_status) only of one
-- whose participants are the same.
SELECT m.meeting_id
FROM meetings m
WHERE m.first_participant_id = :actor AND m.date BETWEEN :first AND :last
  AND length(m.date) = length(:first);

-- name: meeting_status
SELECT status FROM meetings WHERE meeting_id = :meeting;

-- name: meeting_participants
SELECT actor_id FROM meeting_participants WHERE meeting_id = :meeting ORDER BY actor_id;

-- name: insert_meeting
INSERT OR FAIL INTO meetings (title, date, place_id, status, trigger, first_participant_id)
VALUES (:title, :date, :place, :status, :trigger, :first_participant);

-- name: update_meeting
UPDATE meetings SET date = coalesce(date, :date), place_id = coalesce(place_id, :place)
WHERE meeting_id = :meeting;

-- name: insert_participant
INSERT OR IGNORE INTO meeting_participants (meeting_id, actor_id) VALUES (:meeting, :actor);

-- name: insert_meeting_source
INSERT OR FAIL INTO meeting_sources (meeting_id, article_id, sentence_id, trigger)
VALUES (:meeting, :article, :sentence, :trigger);

-- name: find_topic
SELECT topic_id FROM topics WHERE name = :name;

-- name: insert_topic
INSERT OR FAIL INTO topics (name, actor_id) VALUES (:name, :actor);

-- name: next_relation_id
-- The id SQLite would give the next relation (the writer assigns ids to held relations).
SELECT coalesce(max(relation_id), 0) + 1 FROM relations;

-- name: insert_relations
-- One relation's row; the writer appends the VALUES row again for each further relation it
-- inserts with the same statement (no semicolon here, so that it can). The writer assigns the
-- ids (see next_relation_id).
INSERT OR FAIL INTO relations (relation_id, article_id, sentence_id, source_id, target_id, type,
                               polarity, directed, negated, modality, date, pattern, start, end)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: insert_relation_topics
-- One row, repeated by the writer as insert_relations is.
INSERT OR IGNORE INTO relation_topics (relation_id, topic_id) VALUES (?, ?)

-- name: user_actors
SELECT a.actor_id, a.name, a.kind, a.country,
       (SELECT group_concat(alias, char(31)) FROM user_aliases x WHERE x.actor_id = a.actor_id) AS aliases
FROM actors a
WHERE a.origin = 'user' OR a.actor_id IN (SELECT actor_id FROM user_aliases);

-- name: insert_user_alias
INSERT OR IGNORE INTO user_aliases (alias, actor_id) VALUES (:alias, :actor);

-- name: resolve_actor
SELECT actor_id, name, kind FROM actors WHERE name = :name COLLATE NOCASE
UNION
SELECT a.actor_id, a.name, a.kind FROM aliases x JOIN actors a ON a.actor_id = x.actor_id
WHERE x.alias = :name COLLATE NOCASE
UNION
SELECT a.actor_id, a.name, a.kind FROM user_aliases x JOIN actors a ON a.actor_id = x.actor_id
WHERE x.alias = :name COLLATE NOCASE;

-- name: close_actors
-- Names containing :name; its own % and _ (and the escape character \) are matched literally.
WITH pattern (text) AS (
    SELECT '%' || replace(replace(replace(:name, '\', '\\'), '%', '\%'), '_', '\_') || '%'
)
SELECT DISTINCT a.name FROM pattern, actors a LEFT JOIN aliases x ON x.actor_id = a.actor_id
WHERE a.name LIKE pattern.text ESCAPE '\' OR x.alias LIKE pattern.text ESCAPE '\'
ORDER BY length(a.name) LIMIT 5;

-- name: sync_statement_search
-- Indexes the statements written since the last sync (see schema/005_lean_writes.sql). The
-- pending list is emptied first, through a copy in memory, so that the pages it frees take the
-- index's new entries: emptied last, they stayed free in the file (four of 500 pages at 1,000
-- generated articles).
CREATE TEMP TABLE IF NOT EXISTS statements_fts_syncing (statement_id INTEGER PRIMARY KEY);
INSERT INTO temp.statements_fts_syncing SELECT statement_id FROM statements_fts_pending;
DELETE FROM statements_fts_pending;
INSERT INTO statements_fts (rowid, quote)
SELECT s.statement_id, s.quote
FROM temp.statements_fts_syncing p JOIN v_statements s ON s.statement_id = p.statement_id
ORDER BY s.statement_id;
DELETE FROM temp.statements_fts_syncing;

-- name: new_database_settings
-- For a file that holds no tables yet. An article's row (its text) never straddles pages, so a
-- page ends with on average half an article of nothing: 4 KiB pages held one 3 KB article each,
-- 8 KiB pages two, 16 KiB pages five. At 100,000 generated articles 16 KiB pages made the file
-- 5 % smaller than 8 KiB ones for the same CPU time. Each table and index takes at least one
-- page, so an almost empty database is about 0.7 MB.
PRAGMA page_size = 16384;

-- name: bulk_write_settings
-- Settings for ingest, load and merge: a larger page cache and in-memory temporary tables. The
-- journal stays in rollback mode (no -wal file) and every committed batch is synced. In a large
-- database a batch dirties a leaf page per actor in each by-actor index, and reads them first:
-- a larger cache spills fewer of them to the file before the commit, to be read back. Since
-- ingest inserts a batch's mentions in key order (the largest of those tables), 64, 80 and
-- 96 MiB are within 4 % of each other at 100,000 generated articles (54.9, 54.8, 52.8 s in
-- batches of 5,000), and the memory goes to larger batches instead (see batch_writer.hpp).
-- Foreign keys are not enforced while writing in bulk: these writers only refer to rows they
-- have just found or inserted in the same transaction, and they never delete, so the checks
-- (a parent lookup and a statement journal for every row) cost 8 % of an ingest and found
-- nothing. The tests run PRAGMA foreign_key_check after every kind of write.
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
PRAGMA journal_mode = DELETE;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = OFF;
