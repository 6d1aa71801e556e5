-- Relations rolled up to countries (a person or body stands for its country): between the countries of :actor and :other, or of :actor and everyone, or all pairs; at most :limit rows.
WITH chosen (which, name) AS (
    SELECT 'actor', coalesce(c.name, a.name)
    FROM actors a LEFT JOIN actors c ON c.kind = 'country' AND c.country = a.country
    WHERE a.actor_id = CAST(:actor AS INTEGER)
    UNION ALL
    SELECT 'other', coalesce(c.name, a.name)
    FROM actors a LEFT JOIN actors c ON c.kind = 'country' AND c.country = a.country
    WHERE a.actor_id = CAST(:other AS INTEGER)
),
actor_side (name) AS (SELECT name FROM chosen WHERE which = 'actor'),
other_side (name) AS (SELECT name FROM chosen WHERE which = 'other')
SELECT cr.source, cr.target, cr.type, cr.polarity, cr.topics, cr.relations, cr.first_date,
       cr.last_date
FROM v_country_relations cr
WHERE ((:actor IS NULL OR cr.source IN actor_side) AND (:other IS NULL OR cr.target IN other_side))
   OR ((:actor IS NULL OR cr.target IN actor_side) AND (:other IS NULL OR cr.source IN other_side))
ORDER BY cr.relations DESC, cr.first_date, cr.source, cr.target, cr.type
LIMIT coalesce(CAST(:limit AS INTEGER), -1);
