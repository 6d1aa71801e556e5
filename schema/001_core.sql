-- 001_core: articles, the actor graph's nodes, and the facts extracted from each article.
-- Every fact points back to its article and the byte span of its sentence in articles.text.

CREATE TABLE articles (
    article_id   INTEGER PRIMARY KEY,
    title        TEXT,
    published    TEXT,               -- YYYY-MM-DD or NULL
    source       TEXT,
    url          TEXT,
    origin       TEXT,               -- the file (or "stdin", "file.jsonl:12") it was read from
    text         TEXT NOT NULL,      -- the NFC-normalised body; all offsets refer to it (in bytes)
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sentences (
    sentence_id INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    paragraph   INTEGER NOT NULL,
    position    INTEGER NOT NULL,    -- 0-based index of the sentence in the article
    start       INTEGER NOT NULL,    -- byte offsets into articles.text
    end         INTEGER NOT NULL,
    UNIQUE (article_id, position)
);

-- Nodes: people, countries, organisations, armed or political groups and places.
CREATE TABLE actors (
    actor_id INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('person', 'country', 'organization', 'group', 'place')),
    country  TEXT,                   -- ISO 3166-1 alpha-3; a country's own code
    origin   TEXT NOT NULL DEFAULT 'lexicon' CHECK (origin IN ('lexicon', 'text', 'user')),
    UNIQUE (name, kind, country)
);

CREATE TABLE aliases (
    alias    TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id) ON DELETE CASCADE,
    PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;
CREATE INDEX aliases_by_actor ON aliases (actor_id);

-- Offices held, copied from the lexicon when the person first appears.
CREATE TABLE roles (
    role_id   INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES actors (actor_id) ON DELETE CASCADE,
    office    TEXT NOT NULL,         -- president, prime_minister, foreign_minister, ...
    of_actor  INTEGER REFERENCES actors (actor_id),  -- the country or organisation
    start     TEXT,
    end       TEXT,                  -- NULL while in office
    UNIQUE (actor_id, office, of_actor, start)
);

CREATE TABLE mentions (
    mention_id  INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors (actor_id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    how         TEXT NOT NULL        -- name, alias, surname, descriptor, demonym, metonym, place,
                                     -- title, apposition, speech, pronoun, group
);
CREATE INDEX mentions_by_article ON mentions (article_id);
CREATE INDEX mentions_by_actor ON mentions (actor_id);

CREATE TABLE statements (
    statement_id INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    speaker_id   INTEGER REFERENCES actors (actor_id),   -- NULL when the text names no speaker
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    quote        TEXT NOT NULL,
    cue          TEXT,               -- the speech verb that attributes it, when there is one
    start        INTEGER NOT NULL,   -- byte span of the quote (without quote marks)
    end          INTEGER NOT NULL
);
CREATE INDEX statements_by_article ON statements (article_id);
CREATE INDEX statements_by_speaker ON statements (speaker_id);

CREATE TABLE statement_about (
    statement_id INTEGER NOT NULL REFERENCES statements (statement_id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors (actor_id),
    PRIMARY KEY (statement_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX statement_about_by_actor ON statement_about (actor_id);

-- One row per meeting episode; several articles may report the same one.
CREATE TABLE meetings (
    meeting_id INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,        -- "Emmanuel Macron + Vladimir Putin, 2017-05-29"
    date       TEXT,                 -- YYYY-MM-DD, YYYY-MM or YYYY; NULL when unknown
    place_id   INTEGER REFERENCES actors (actor_id),
    status     TEXT NOT NULL CHECK (status IN ('held', 'planned', 'cancelled')),
    trigger    TEXT                  -- the cue word that first named it
);
CREATE INDEX meetings_by_date ON meetings (date);

CREATE TABLE meeting_participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings (meeting_id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actors (actor_id),
    PRIMARY KEY (meeting_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_by_actor ON meeting_participants (actor_id);

-- Evidence: every sentence of every article that describes the meeting.
CREATE TABLE meeting_sources (
    source_id   INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (meeting_id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    trigger     TEXT NOT NULL
);
CREATE INDEX meeting_sources_by_meeting ON meeting_sources (meeting_id);
CREATE INDEX meeting_sources_by_article ON meeting_sources (article_id);

-- Topics: themes ("chemical weapons") or nodes (a country, a place) a relation is about.
CREATE TABLE topics (
    topic_id INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    actor_id INTEGER REFERENCES actors (actor_id)     -- set when the topic is a node
);

-- Edges, one row per piece of evidence.
CREATE TABLE relations (
    relation_id  INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES actors (actor_id),
    target_id    INTEGER NOT NULL REFERENCES actors (actor_id),
    type         TEXT NOT NULL CHECK (type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE',
                     'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
                     'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'OPPOSE', 'ALIGN')),
    polarity     TEXT NOT NULL CHECK (polarity IN ('cooperative', 'conflictual', 'neutral')),
    directed     INTEGER NOT NULL DEFAULT 1,
    negated      INTEGER NOT NULL DEFAULT 0,
    modality     TEXT NOT NULL DEFAULT 'asserted' CHECK (modality IN ('asserted', 'hypothetical')),
    date         TEXT,                -- the article's publication date
    pattern      TEXT NOT NULL,       -- the lexicon pattern (file:line) that fired
    start        INTEGER NOT NULL,    -- byte span of the matched words
    end          INTEGER NOT NULL
);
CREATE INDEX relations_by_source ON relations (source_id, target_id);
CREATE INDEX relations_by_target ON relations (target_id, source_id);
CREATE INDEX relations_by_article ON relations (article_id);

CREATE TABLE relation_topics (
    relation_id INTEGER NOT NULL REFERENCES relations (relation_id) ON DELETE CASCADE,
    topic_id    INTEGER NOT NULL REFERENCES topics (topic_id),
    PRIMARY KEY (relation_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX relation_topics_by_topic ON relation_topics (topic_id);

-- Full-text search over statements; an external-content table kept in step by triggers.
CREATE VIRTUAL TABLE statements_fts USING fts5 (quote, content = 'statements', content_rowid = 'statement_id');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, quote) VALUES (new.statement_id, new.quote);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote) VALUES ('delete', old.statement_id, old.quote);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote) VALUES ('delete', old.statement_id, old.quote);
    INSERT INTO statements_fts (rowid, quote) VALUES (new.statement_id, new.quote);
END;
