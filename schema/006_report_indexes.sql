-- 006_report_indexes: the reports that walk the graph (neighbors, path, relations, actor) read
-- a busy actor's tens of thousands of relations by source or target. With negated, type,
-- polarity and date in the two indexes, those reads never visit the table rows. Same names
-- and same leading columns as before, so every existing lookup keeps its index.
DROP INDEX relations_by_source;
CREATE INDEX relations_by_source ON relations (source_id, target_id, negated, type, polarity, date);
DROP INDEX relations_by_target;
CREATE INDEX relations_by_target ON relations (target_id, source_id, negated, type, polarity, date);
