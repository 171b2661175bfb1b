-- The ground floor: datasets and what they hold.
CREATE TABLE datasets (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    format        TEXT    NOT NULL,
    source_path   TEXT,
    imported_at   TEXT    NOT NULL,
    report        TEXT    -- JSON: the import report (counts, skipped lines, warnings)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    external_id   TEXT    NOT NULL,
    attributes    TEXT    NOT NULL DEFAULT '{}',   -- JSON object
    UNIQUE (dataset_id, external_id)
);

CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    external_id   TEXT    NOT NULL,
    title         TEXT,
    description   TEXT,
    categories    TEXT    NOT NULL DEFAULT '[]',   -- JSON array of strings
    attributes    TEXT    NOT NULL DEFAULT '{}',   -- JSON object: every other field of the source
    UNIQUE (dataset_id, external_id)
);

-- Observed interactions come from files; synthetic ones from the LLM and carry a review status
-- (pending | accepted | rejected; NULL for observed rows). No CHECK constraints here: on a million-row import
-- they cost more than the inserts themselves (ADR 0002); DatasetWriter and the review store keep the rule.
CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    item_id       INTEGER NOT NULL REFERENCES items(id),
    value         REAL,                 -- rating, click label (1/0) or 1 for implicit feedback
    ts            INTEGER,              -- seconds since the epoch, UTC; NULL when the source has none
    impression    INTEGER,              -- groups one impression or session (MIND), else NULL
    source        TEXT    NOT NULL DEFAULT 'observed',   -- observed | synthetic
    status        TEXT                                   -- NULL | pending | accepted | rejected
);

CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    item_id       INTEGER NOT NULL REFERENCES items(id),
    rating        REAL,
    ts            INTEGER,
    summary       TEXT,
    text          TEXT,
    attributes    TEXT    NOT NULL DEFAULT '{}'
);

-- Free-text tags a user put on an item (MovieLens tags.csv).
CREATE TABLE tags (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    item_id       INTEGER NOT NULL REFERENCES items(id),
    tag           TEXT    NOT NULL,
    ts            INTEGER
);

-- Built after each bulk import (see DatasetWriter): per-user history and per-item audience.
CREATE INDEX interactions_by_user ON interactions (user_id, item_id, ts);
CREATE INDEX interactions_by_item ON interactions (item_id);
CREATE INDEX reviews_by_item ON reviews (item_id);
CREATE INDEX reviews_by_user ON reviews (user_id);
CREATE INDEX tags_by_item ON tags (item_id);
