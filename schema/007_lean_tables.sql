-- 007_lean_tables: mentions stored in the order they are read, and sentences without a second
-- copy of their keys. Together about a twelfth of the database.
--
-- Mentions.
-- Every reader of mentions asks by actor (the reports' counts, v_article_actors), and the
-- table's row id was never used: a table ordered by (actor, article, span) answers those reads
-- itself, where before a rowid table and its mentions_by_actor index held every mention twice.
-- Each article's write touches one B-tree fewer. The same mention (actor and span) is stored
-- once.
CREATE TABLE mentions_new (
    actor_id    INTEGER NOT NULL REFERENCES actors (actor_id),
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    how         TEXT NOT NULL,       -- name, alias, surname, descriptor, demonym, metonym, place,
                                     -- title, apposition, speech, pronoun, group
    PRIMARY KEY (actor_id, article_id, start, end)
) WITHOUT ROWID;

INSERT OR IGNORE INTO mentions_new (actor_id, article_id, start, end, sentence_id, how)
SELECT actor_id, article_id, start, end, sentence_id, how
FROM mentions
ORDER BY actor_id, article_id, start, end;

DROP VIEW v_article_actors;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;

CREATE VIEW v_article_actors AS
SELECT DISTINCT article_id, actor_id
FROM mentions;

-- Sentences. Their UNIQUE (article_id, position) constraint kept an index as large as a third
-- of the table that no query used: sentences are read by sentence_id, and the writer numbers
-- positions itself. The table is rebuilt without it; diplograph runs every migration with
-- foreign keys off and checks them before it commits (SQLite's procedure for rebuilding a
-- table that others refer to), so the facts that point at sentences keep their ids.
CREATE TABLE sentences_new (
    sentence_id INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    paragraph   INTEGER NOT NULL,
    position    INTEGER NOT NULL,    -- 0-based index of the sentence in the article
    start       INTEGER NOT NULL,    -- byte offsets into articles.text
    end         INTEGER NOT NULL
);
INSERT INTO sentences_new (sentence_id, article_id, paragraph, position, start, end)
SELECT sentence_id, article_id, paragraph, position, start, end
FROM sentences
ORDER BY sentence_id;

DROP VIEW v_relation_evidence;
DROP VIEW v_sentences;
DROP TABLE sentences;
ALTER TABLE sentences_new RENAME TO sentences;

-- The two views over sentences, as 002_views made them.
CREATE VIEW v_sentences AS
SELECT s.sentence_id, s.article_id, s.paragraph, s.position, s.start, s.end,
       CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text
FROM sentences s
JOIN articles a ON a.article_id = s.article_id;

CREATE VIEW v_relation_evidence AS
SELECT r.relation_id, r.article_id, ar.title AS article, r.date, s.name AS source,
       t.name AS target, r.type, r.polarity, r.negated, r.modality, r.pattern,
       (SELECT group_concat(tp.name, '; ') FROM relation_topics rt
        JOIN topics tp ON tp.topic_id = rt.topic_id WHERE rt.relation_id = r.relation_id) AS topics,
       vs.text AS sentence
FROM relations r
JOIN actors s ON s.actor_id = r.source_id
JOIN actors t ON t.actor_id = r.target_id
JOIN articles ar ON ar.article_id = r.article_id
JOIN v_sentences vs ON vs.sentence_id = r.sentence_id;
