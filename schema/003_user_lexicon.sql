-- 003_user_lexicon: aliases users add with `diplograph actor alias`; ingest reads them (with
-- actors whose origin is 'user') into its lexicon.
CREATE TABLE user_aliases (
    alias    TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id) ON DELETE CASCADE,
    PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;
