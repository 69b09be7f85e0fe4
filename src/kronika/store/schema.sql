-- kronika store schema. schema_version: 1
-- The whole current schema, applied to a new store in one transaction; older stores are brought up to date by the
-- steps in migrations.py (each bumps schema_version). Change this file and add a migration step together.
--
-- Every article is kept in every version whose text differed (articles.version 1, 2, ...); exactly one version per
-- id has current = true, and the queries read only current versions. Fact tables carry (article_id, version), a copy
-- of the article's `current` flag (so that queries over many facts need no join) and character spans
-- [start_char, end_char) into that version's text (Unicode code points, Python string indices).

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS articles (
    id              VARCHAR NOT NULL,
    version         INTEGER NOT NULL,
    content_hash    VARCHAR NOT NULL,      -- sha256 of the text, hex
    current         BOOLEAN NOT NULL,
    url             VARCHAR,
    title           VARCHAR,
    authors         VARCHAR[],
    published       VARCHAR,               -- ISO 8601 as the analyser gave it (aware), or NULL
    published_date  DATE,
    language        VARCHAR,
    text            VARCHAR NOT NULL,
    ingested_at     TIMESTAMP NOT NULL,    -- UTC
    actor_codes     VARCHAR[],             -- summary for listings: the actors, most mentioned first,
    n_events        INTEGER,               --   and how many events and quotes the version has
    n_quotes        INTEGER,
    PRIMARY KEY (id, version)
);

CREATE TABLE IF NOT EXISTS entities (
    article_id  VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    start_char  INTEGER,
    end_char    INTEGER,
    text        VARCHAR,
    lemma       VARCHAR,
    label       VARCHAR,
    actor       VARCHAR
);

-- article-level actors: one row per (article, actor code)
CREATE TABLE IF NOT EXISTS actors (
    article_id  VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    code        VARCHAR NOT NULL,
    name        VARCHAR,
    mentions    INTEGER
);

-- every mention span of an actor
CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id  VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    code        VARCHAR NOT NULL,
    start_char  INTEGER,
    end_char    INTEGER,
    text        VARCHAR,
    sector      VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id     VARCHAR NOT NULL,
    version        INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    quote_no       INTEGER NOT NULL,
    start_char     INTEGER,
    end_char       INTEGER,
    text           VARCHAR,
    kind           VARCHAR,
    speaker        VARCHAR,
    speaker_actor  VARCHAR,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue            VARCHAR
);

-- cited media: one row per mention (start_char NULL when the analyser gave the name without a span)
CREATE TABLE IF NOT EXISTS sources (
    article_id  VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    name        VARCHAR NOT NULL,
    start_char  INTEGER,
    end_char    INTEGER,
    text        VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR NOT NULL,      -- article_id:version:event_no
    article_id      VARCHAR NOT NULL,
    version         INTEGER NOT NULL,
    current         BOOLEAN NOT NULL,
    event_no        INTEGER NOT NULL,
    type            VARCHAR NOT NULL,      -- PLOVER type
    mode            VARCHAR,
    modality        VARCHAR,               -- asserted | future | historical | hypothetical | negated
    confidence      DOUBLE,
    cameo           VARCHAR,
    goldstein       DOUBLE,
    quad_class      VARCHAR,               -- verbal_cooperation | material_cooperation | verbal_conflict | material_conflict
    source_actor    VARCHAR,
    source_sector   VARCHAR,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    target_actor    VARCHAR,
    target_sector   VARCHAR,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    start_char      INTEGER,               -- evidence span
    end_char        INTEGER,
    evidence        VARCHAR,
    event_date      DATE,                  -- the date the text gives the event, else the article's published date
    date_from       VARCHAR                -- 'text' | 'published' | NULL (no date known)
);
