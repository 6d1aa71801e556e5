-- Every actor with kind, country, where it came from (lexicon, text, user) and how many articles mention it.
SELECT a.actor_id, a.name, a.kind, a.country, a.origin,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.actor_id) AS articles
FROM actors a
ORDER BY articles DESC, a.kind, a.name;
