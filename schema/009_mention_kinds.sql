-- 009_mention_kinds: how a mention names its actor, as a number with a table that says what
-- each number means.
--
-- Mentions are the largest table of facts (about fifty per article), and each one spelled out
-- its kind ("descriptor", "demonym", ...). A small number takes one byte instead of about six:
-- a fortieth of the database. The kinds, with what each one means, are now listed once.
CREATE TABLE mention_kinds (
    kind_id INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    meaning TEXT                 -- NULL for a kind a newer extractor added
);
INSERT INTO mention_kinds (kind_id, name, meaning) VALUES
    (1, 'name', 'its name or an alias from the lexicon: "Emmanuel Macron", "Paris Agreement"'),
    (2, 'surname', 'part of a known person''s name: "Macron", "King Abdullah"'),
    (3, 'descriptor', 'an office or role held on the article''s date: "the French president"'),
    (4, 'demonym', 'a country by its adjective: "French", "the Russians"'),
    (5, 'metonym', 'a country by its capital or seat of power: "Moscow", "the Kremlin"'),
    (6, 'place', 'a place where something happens: "at Versailles", "in Minsk"'),
    (7, 'pronoun', 'he, she, they: the actor named last that fits'),
    (8, 'apposition', 'a person not in the lexicon, introduced beside an office: "its leader, Jane Doe"'),
    (9, 'title', 'a person not in the lexicon, named after a title or a person noun: "Foreign Minister Jane Doe", "the envoy Jane Doe"'),
    (10, 'speech', 'a person not in the lexicon, named beside a speech verb: "Jane Doe said"'),
    (11, 'reference', 'a word that refers back to an organisation: "the bloc", "the alliance"');
INSERT OR IGNORE INTO mention_kinds (name) SELECT DISTINCT how FROM mentions ORDER BY how;

CREATE TABLE mentions_new (
    actor_id    INTEGER NOT NULL REFERENCES actors (actor_id),
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    kind_id     INTEGER NOT NULL REFERENCES mention_kinds (kind_id),
    PRIMARY KEY (actor_id, article_id, start, end)
) WITHOUT ROWID;
INSERT INTO mentions_new (actor_id, article_id, start, end, sentence_id, kind_id)
SELECT m.actor_id, m.article_id, m.start, m.end, m.sentence_id, k.kind_id
FROM mentions m
JOIN mention_kinds k ON k.name = m.how
ORDER BY m.actor_id, m.article_id, m.start, m.end;

DROP VIEW v_article_actors;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;

CREATE VIEW v_article_actors AS
SELECT DISTINCT article_id, actor_id
FROM mentions;
