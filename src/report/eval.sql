-- Statements `diplograph eval` runs on a fresh one-article database; each follows a
-- "-- name:" line. They read only the public views, exactly as shared/eval/score.py does,
-- and keep its row order (no ORDER BY), which decides which meeting a gold meeting is
-- matched with.

-- name: article_actors
SELECT a.name, a.kind, a.country FROM v_article_actors x JOIN v_actors a ON a.actor_id = x.actor_id;

-- name: all_actors
SELECT actor_id, name, kind, country FROM v_actors;

-- name: statements
SELECT statement_id, speaker, quote, kind FROM v_statements;

-- name: meetings
SELECT meeting_id, date, place, participant FROM v_meetings;

-- name: relations
SELECT relation_id, source, target, type, polarity, topic FROM v_relations;
