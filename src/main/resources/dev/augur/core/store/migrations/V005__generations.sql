-- LLM augmentation: versioned prompt templates edited in this workspace, and every generation with its provenance.

-- Edited versions of prompt templates; the bundled defaults live in the app (prompts/*.json). Never updated in place:
-- an edit is a new version.
CREATE TABLE prompt_templates (
    id            TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    body          TEXT    NOT NULL,   -- JSON: the whole template
    author        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (id, version)
);

-- One row per LLM output (or imported / edited output). entity_id is the internal id of a user or item of the
-- dataset (entity_kind says which). An edit is a new row pointing at what it edits (parent_id); the original stays.
CREATE TABLE generations (
    id                INTEGER PRIMARY KEY,
    dataset_id        INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    entity_kind       TEXT    NOT NULL CHECK (entity_kind IN ('user', 'item')),
    entity_id         INTEGER NOT NULL,
    template_id       TEXT    NOT NULL,
    template_version  INTEGER NOT NULL,
    cache_key         TEXT,             -- hex SHA-256 of template, rendered prompt, model and parameters; NULL for imports
    model             TEXT,
    params            TEXT,             -- JSON object, canonical (sorted keys)
    prompt_hash       TEXT,
    prompt            TEXT,             -- JSON: {"system": …, "user": …}
    latency_ms        INTEGER,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    raw_output        TEXT,
    parsed_json       TEXT,
    status            TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    error             TEXT,
    provenance        TEXT    NOT NULL CHECK (provenance IN ('llm', 'imported', 'edit')),
    source_file       TEXT,
    source_line       INTEGER,
    parent_id         INTEGER REFERENCES generations(id),
    author            TEXT,
    review_status     TEXT    NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'approved', 'rejected')),
    created_at        TEXT    NOT NULL
);

CREATE INDEX generations_by_cache_key ON generations (cache_key);
CREATE INDEX generations_by_entity ON generations (dataset_id, entity_kind, entity_id);
CREATE INDEX generations_by_template ON generations (template_id, template_version);
