-- Synthetic interactions and their review (SyntheticStore, ReviewStore). A synthetic interaction is an interactions
-- row with source = 'synthetic' and status pending | accepted | rejected; this table holds where it came from.
-- interactions.value is the current label or rating (an annotator's edit changes it); proposed_value keeps what the
-- proposer said.
CREATE TABLE synthetic (
    interaction_id  INTEGER PRIMARY KEY REFERENCES interactions(id) ON DELETE CASCADE,
    dataset_id      INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    origin          TEXT    NOT NULL,              -- llm | imported
    target          TEXT    NOT NULL,              -- cold-items | tail-items | short-users | imported
    model           TEXT    NOT NULL DEFAULT '',
    confidence      REAL,                          -- 0..1 as the proposer stated it; NULL when not given
    rationale       TEXT    NOT NULL DEFAULT '',
    proposed_value  REAL,
    content_score   REAL,                          -- why the pair was picked: cosine of the user's history and the item
    collab_score    REAL,                          -- and the collaborative model's score
    generation_id   INTEGER,                       -- the cached LLM generation it was parsed from
    source_file     TEXT    NOT NULL DEFAULT '',
    source_line     INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL
);
CREATE INDEX synthetic_by_dataset ON synthetic (dataset_id, interaction_id);

-- The audit log: one row per decision, never updated or deleted; each is committed on its own, so a killed app
-- loses nothing. An undo is itself a decision (action 'undo', undoes = the decision it reverts).
CREATE TABLE review_decisions (
    id              INTEGER PRIMARY KEY,
    interaction_id  INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    annotator       TEXT    NOT NULL,
    action          TEXT    NOT NULL,              -- accept | reject | edit | skip | undo | adjudicate
    before_status   TEXT,
    before_value    REAL,
    after_status    TEXT,
    after_value     REAL,
    undoes          INTEGER,
    batch           TEXT    NOT NULL DEFAULT '',
    at              TEXT    NOT NULL
);
CREATE INDEX review_decisions_by_interaction ON review_decisions (interaction_id, id);
CREATE INDEX review_decisions_by_annotator ON review_decisions (annotator, id);

-- Batches handed to several annotators (with overlap, for agreement).
CREATE TABLE review_assignments (
    batch           TEXT    NOT NULL,
    interaction_id  INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    annotator       TEXT    NOT NULL,
    PRIMARY KEY (batch, interaction_id, annotator)
);

-- Small per-workspace settings (the annotator's name, set once per workspace).
CREATE TABLE workspace_settings (
    key             TEXT    PRIMARY KEY,
    value           TEXT    NOT NULL
);
