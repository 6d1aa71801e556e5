-- Steps of `diplograph merge`: fold one attached database (src) into main, inside one
-- transaction. Actors are the same when (name, kind, country) are; articles when their
-- content_hash is; meetings as the writer decides (same participants and status, dates a day
-- apart at most, or equal partial dates). Every id is remapped through temp.merge_* tables.

-- name: attach
ATTACH DATABASE :path AS src;

-- name: merge
CREATE TEMP TABLE merge_base AS SELECT
    (SELECT coalesce(max(sentence_id), 0) FROM main.sentences) AS sentence,
    (SELECT coalesce(max(statement_id), 0) FROM main.statements) AS statement,
    (SELECT coalesce(max(meeting_id), 0) FROM main.meetings) AS meeting,
    (SELECT coalesce(max(relation_id), 0) FROM main.relations) AS relation;

INSERT INTO main.actors (name, kind, country, origin)
SELECT s.name, s.kind, s.country, s.origin FROM src.actors s
WHERE NOT EXISTS (SELECT 1 FROM main.actors a
                  WHERE a.name = s.name AND a.kind = s.kind AND a.country IS s.country)
ORDER BY s.actor_id;

CREATE TEMP TABLE merge_actors (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_actors
SELECT s.actor_id, (SELECT min(a.actor_id) FROM main.actors a
                    WHERE a.name = s.name AND a.kind = s.kind AND a.country IS s.country)
FROM src.actors s;

INSERT OR IGNORE INTO main.aliases (alias, actor_id)
SELECT x.alias, m.new FROM src.aliases x JOIN merge_actors m ON m.old = x.actor_id;
INSERT OR IGNORE INTO main.user_aliases (alias, actor_id)
SELECT x.alias, m.new FROM src.user_aliases x JOIN merge_actors m ON m.old = x.actor_id;
INSERT OR IGNORE INTO main.roles (actor_id, office, of_actor, start, end)
SELECT a.new, r.office, o.new, r.start, r.end
FROM src.roles r JOIN merge_actors a ON a.old = r.actor_id LEFT JOIN merge_actors o ON o.old = r.of_actor
ORDER BY r.role_id;

-- Articles already in main (same text) are skipped with all their facts.
CREATE TEMP TABLE merge_articles (old INTEGER PRIMARY KEY, new INTEGER);
INSERT INTO merge_articles (old)
SELECT s.article_id FROM src.articles s
WHERE NOT EXISTS (SELECT 1 FROM main.articles a WHERE a.content_hash = s.content_hash)
ORDER BY s.article_id;
INSERT INTO main.articles (title, published, source, url, origin, text, content_hash, ingested_at)
SELECT s.title, s.published, s.source, s.url, s.origin, s.text, s.content_hash, s.ingested_at
FROM src.articles s JOIN merge_articles m ON m.old = s.article_id
ORDER BY s.article_id;
UPDATE merge_articles SET new = (SELECT a.article_id FROM src.articles s
                                 JOIN main.articles a ON a.content_hash = s.content_hash
                                 WHERE s.article_id = merge_articles.old);

CREATE TEMP TABLE merge_sentences (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_sentences
SELECT s.sentence_id, (SELECT sentence FROM merge_base) + row_number() OVER (ORDER BY s.sentence_id)
FROM src.sentences s JOIN merge_articles a ON a.old = s.article_id;
INSERT INTO main.sentences (sentence_id, article_id, paragraph, position, start, end)
SELECT m.new, a.new, s.paragraph, s.position, s.start, s.end
FROM src.sentences s JOIN merge_sentences m ON m.old = s.sentence_id JOIN merge_articles a ON a.old = s.article_id
ORDER BY m.new;

INSERT OR IGNORE INTO main.mention_kinds (name, meaning)
SELECT name, meaning FROM src.mention_kinds ORDER BY kind_id;
INSERT OR IGNORE INTO main.mentions (article_id, sentence_id, actor_id, start, end, kind_id)
SELECT a.new, s.new, x.new, m.start, m.end, k.kind_id
FROM src.mentions m
JOIN src.mention_kinds sk ON sk.kind_id = m.kind_id
JOIN main.mention_kinds k ON k.name = sk.name
JOIN merge_articles a ON a.old = m.article_id
JOIN merge_sentences s ON s.old = m.sentence_id
JOIN merge_actors x ON x.old = m.actor_id;

CREATE TEMP TABLE merge_statements (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_statements
SELECT s.statement_id, (SELECT statement FROM merge_base) + row_number() OVER (ORDER BY s.statement_id)
FROM src.statements s JOIN merge_articles a ON a.old = s.article_id;
INSERT INTO main.statements (statement_id, article_id, sentence_id, speaker_id, kind, cue, start, end)
SELECT m.new, a.new, se.new, sp.new, s.kind, s.cue, s.start, s.end
FROM src.statements s
JOIN merge_statements m ON m.old = s.statement_id
JOIN merge_articles a ON a.old = s.article_id
JOIN merge_sentences se ON se.old = s.sentence_id
LEFT JOIN merge_actors sp ON sp.old = s.speaker_id
ORDER BY m.new;
INSERT OR IGNORE INTO main.statement_about (statement_id, actor_id)
SELECT m.new, x.new FROM src.statement_about s
JOIN merge_statements m ON m.old = s.statement_id JOIN merge_actors x ON x.old = s.actor_id;

INSERT OR IGNORE INTO main.topics (name, actor_id)
SELECT t.name, x.new FROM src.topics t LEFT JOIN merge_actors x ON x.old = t.actor_id
ORDER BY t.topic_id;
CREATE TEMP TABLE merge_topics (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_topics
SELECT t.topic_id, m.topic_id FROM src.topics t JOIN main.topics m ON m.name = t.name;

CREATE TEMP TABLE merge_relations (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_relations
SELECT r.relation_id, (SELECT relation FROM merge_base) + row_number() OVER (ORDER BY r.relation_id)
FROM src.relations r JOIN merge_articles a ON a.old = r.article_id;
INSERT INTO main.relations (relation_id, article_id, sentence_id, source_id, target_id, type, polarity,
                            directed, negated, modality, date, pattern, start, end)
SELECT m.new, a.new, se.new, so.new, ta.new, r.type, r.polarity, r.directed, r.negated, r.modality,
       r.date, r.pattern, r.start, r.end
FROM src.relations r
JOIN merge_relations m ON m.old = r.relation_id
JOIN merge_articles a ON a.old = r.article_id
JOIN merge_sentences se ON se.old = r.sentence_id
JOIN merge_actors so ON so.old = r.source_id
JOIN merge_actors ta ON ta.old = r.target_id
ORDER BY m.new;
INSERT OR IGNORE INTO main.relation_topics (relation_id, topic_id)
SELECT m.new, t.new FROM src.relation_topics r
JOIN merge_relations m ON m.old = r.relation_id JOIN merge_topics t ON t.old = r.topic_id;

-- Meetings reported by a merged article, with their participants in main's ids.
CREATE TEMP TABLE merge_participants (meeting INTEGER, actor INTEGER, PRIMARY KEY (meeting, actor)) WITHOUT ROWID;
INSERT OR IGNORE INTO merge_participants
SELECT p.meeting_id, x.new FROM src.meeting_participants p JOIN merge_actors x ON x.old = p.actor_id
WHERE p.meeting_id IN (SELECT meeting_id FROM src.meeting_sources
                       WHERE article_id IN (SELECT old FROM merge_articles));
CREATE TEMP TABLE merge_meetings (old INTEGER PRIMARY KEY, found INTEGER, new INTEGER);
INSERT INTO merge_meetings (old, found)
SELECT s.meeting_id,
       (SELECT min(m.meeting_id)
        FROM main.meetings m
        WHERE m.first_participant_id = (SELECT min(actor) FROM merge_participants
                                        WHERE meeting = s.meeting_id)
          AND m.date IS NOT NULL
          AND m.status = s.status
          AND ((length(m.date) = 10 AND length(s.date) = 10
                AND abs(julianday(m.date) - julianday(s.date)) <= 1) OR m.date = s.date)
          AND (SELECT count(*) FROM main.meeting_participants c WHERE c.meeting_id = m.meeting_id)
              = (SELECT count(*) FROM merge_participants WHERE meeting = s.meeting_id)
          AND NOT EXISTS (SELECT actor FROM merge_participants WHERE meeting = s.meeting_id
                          EXCEPT
                          SELECT c.actor_id FROM main.meeting_participants c WHERE c.meeting_id = m.meeting_id))
FROM src.meetings s
WHERE s.meeting_id IN (SELECT meeting FROM merge_participants)
ORDER BY s.meeting_id;
CREATE TEMP TABLE merge_fresh_meetings (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO merge_fresh_meetings
SELECT old, (SELECT meeting FROM merge_base) + row_number() OVER (ORDER BY old)
FROM merge_meetings WHERE found IS NULL;
UPDATE merge_meetings SET new = coalesce(found, (SELECT f.new FROM merge_fresh_meetings f
                                                 WHERE f.old = merge_meetings.old));
INSERT INTO main.meetings (meeting_id, title, date, place_id, status, trigger, first_participant_id)
SELECT f.new, s.title, s.date, p.new, s.status, s.trigger,
       (SELECT min(x.actor) FROM merge_participants x WHERE x.meeting = f.old)
FROM merge_fresh_meetings f JOIN src.meetings s ON s.meeting_id = f.old
LEFT JOIN merge_actors p ON p.old = s.place_id
ORDER BY f.new;
INSERT INTO main.meeting_participants (meeting_id, actor_id)
SELECT f.new, p.actor FROM merge_fresh_meetings f JOIN merge_participants p ON p.meeting = f.old;
-- A place learnt from the other database fills a meeting that had none, as the writer does.
CREATE TEMP TABLE merge_places (found INTEGER PRIMARY KEY, place INTEGER);
INSERT OR IGNORE INTO merge_places
SELECT m.found, p.new FROM merge_meetings m JOIN src.meetings s ON s.meeting_id = m.old
JOIN merge_actors p ON p.old = s.place_id
WHERE m.found IS NOT NULL
ORDER BY m.old;
UPDATE main.meetings SET place_id = (SELECT place FROM merge_places WHERE found = meeting_id)
WHERE place_id IS NULL AND meeting_id IN (SELECT found FROM merge_places);
INSERT INTO main.meeting_sources (meeting_id, article_id, sentence_id, trigger)
SELECT m.new, a.new, se.new, x.trigger
FROM src.meeting_sources x
JOIN merge_meetings m ON m.old = x.meeting_id
JOIN merge_articles a ON a.old = x.article_id
JOIN merge_sentences se ON se.old = x.sentence_id
ORDER BY x.source_id;

-- name: counts
SELECT (SELECT count(*) FROM temp.merge_articles) AS added,
       (SELECT count(*) FROM src.articles) - (SELECT count(*) FROM temp.merge_articles) AS duplicates;

-- name: clean_up
DROP TABLE temp.merge_base;
DROP TABLE temp.merge_actors;
DROP TABLE temp.merge_articles;
DROP TABLE temp.merge_sentences;
DROP TABLE temp.merge_statements;
DROP TABLE temp.merge_topics;
DROP TABLE temp.merge_relations;
DROP TABLE temp.merge_participants;
DROP TABLE temp.merge_meetings;
DROP TABLE temp.merge_fresh_meetings;
DROP TABLE temp.merge_places;

-- name: detach
DETACH DATABASE src;
