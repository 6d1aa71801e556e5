-- 004_statement_topics: the themes a statement is about ("chemical weapons", "sanctions"),
-- beside the actors it names (statement_about).
CREATE TABLE statement_topics (
    statement_id INTEGER NOT NULL REFERENCES statements (statement_id) ON DELETE CASCADE,
    topic_id     INTEGER NOT NULL REFERENCES topics (topic_id),
    PRIMARY KEY (statement_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id);
