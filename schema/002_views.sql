-- 002_views: the public views (stable names and columns; the evaluation reads only these)
-- and convenience views for people and generic graph tools.

-- Public: every node.
CREATE VIEW v_actors AS
SELECT actor_id, name, kind, country
FROM actors;

-- Public: the actors each article mentions.
CREATE VIEW v_article_actors AS
SELECT DISTINCT article_id, actor_id
FROM mentions;

-- Public: quotes and reported speech with their speaker (NULL when the text names none).
CREATE VIEW v_statements AS
SELECT s.statement_id, s.article_id, a.name AS speaker, s.quote, s.kind
FROM statements s
LEFT JOIN actors a ON a.actor_id = s.speaker_id;

-- Public: meetings that took place, one row per participant and reporting article.
CREATE VIEW v_meetings AS
SELECT DISTINCT m.meeting_id, src.article_id, m.date, p.name AS place, a.name AS participant
FROM meetings m
JOIN meeting_sources src ON src.meeting_id = m.meeting_id
JOIN meeting_participants mp ON mp.meeting_id = m.meeting_id
JOIN actors a ON a.actor_id = mp.actor_id
LEFT JOIN actors p ON p.actor_id = m.place_id
WHERE m.status = 'held';

-- Public: asserted (not negated) relations, one row per topic (topic NULL when none).
CREATE VIEW v_relations AS
SELECT r.relation_id, r.article_id, s.name AS source, t.name AS target, r.type, r.polarity,
       tp.name AS topic
FROM relations r
JOIN actors s ON s.actor_id = r.source_id
JOIN actors t ON t.actor_id = r.target_id
LEFT JOIN relation_topics rt ON rt.relation_id = r.relation_id
LEFT JOIN topics tp ON tp.topic_id = rt.topic_id
WHERE r.negated = 0;

-- The text of every sentence (offsets are bytes, so the substring is taken on the blob).
CREATE VIEW v_sentences AS
SELECT s.sentence_id, s.article_id, s.paragraph, s.position, s.start, s.end,
       CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text
FROM sentences s
JOIN articles a ON a.article_id = s.article_id;

-- Every relation with its evidence sentence and the pattern that produced it.
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

-- Relations lifted to country pairs: a person or an organisation with a country stands for
-- its country. Negated relations are left out.
CREATE VIEW v_country_relations AS
WITH lifted AS (
    SELECT r.relation_id,
           COALESCE(sc.actor_id, r.source_id) AS source_id,
           COALESCE(tc.actor_id, r.target_id) AS target_id,
           r.type, r.polarity, r.date
    FROM relations r
    JOIN actors s ON s.actor_id = r.source_id
    JOIN actors t ON t.actor_id = r.target_id
    LEFT JOIN actors sc ON sc.kind = 'country' AND sc.country = s.country AND s.kind <> 'country'
    LEFT JOIN actors tc ON tc.kind = 'country' AND tc.country = t.country AND t.kind <> 'country'
    WHERE r.negated = 0
)
SELECT s.name AS source, t.name AS target, l.type, l.polarity, count(*) AS relations,
       (SELECT group_concat(DISTINCT tp.name) FROM lifted l2
        JOIN relation_topics rt ON rt.relation_id = l2.relation_id
        JOIN topics tp ON tp.topic_id = rt.topic_id
        WHERE l2.source_id = l.source_id AND l2.target_id = l.target_id
          AND l2.type = l.type AND l2.polarity = l.polarity) AS topics,
       min(l.date) AS first_date, max(l.date) AS last_date
FROM lifted l
JOIN actors s ON s.actor_id = l.source_id
JOIN actors t ON t.actor_id = l.target_id
WHERE l.source_id <> l.target_id
GROUP BY l.source_id, l.target_id, l.type, l.polarity;

-- Generic graph views for tools that want nodes and edges.
CREATE VIEW v_nodes AS
SELECT actor_id AS id, name, kind, country
FROM actors;

CREATE VIEW v_edges AS
SELECT 'relation' AS edge, r.relation_id AS edge_id, r.source_id AS source, r.target_id AS target,
       r.type, r.polarity, r.article_id, r.date
FROM relations r
WHERE r.negated = 0
UNION ALL
SELECT 'meeting', m.meeting_id, a.actor_id, b.actor_id, 'MEETING', 'neutral',
       (SELECT min(article_id) FROM meeting_sources ms WHERE ms.meeting_id = m.meeting_id), m.date
FROM meetings m
JOIN meeting_participants a ON a.meeting_id = m.meeting_id
JOIN meeting_participants b ON b.meeting_id = m.meeting_id AND a.actor_id < b.actor_id
WHERE m.status = 'held';
