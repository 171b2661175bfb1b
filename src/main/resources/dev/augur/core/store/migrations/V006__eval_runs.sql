-- Evaluation runs (EvalRunStore): each row one evaluation of one or more models under one protocol. The protocol
-- (split, filters, seed, mode, K) and the results (per model: parameters, metrics, per-slice metrics, timings) are
-- JSON so new metrics need no migration; the protocol is always stored next to the numbers it produced.
CREATE TABLE eval_runs (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    task          TEXT    NOT NULL,   -- ranking | ctr
    label         TEXT    NOT NULL DEFAULT '',
    protocol      TEXT    NOT NULL,   -- JSON object
    results       TEXT    NOT NULL,   -- JSON object keyed by model name
    created_at    TEXT    NOT NULL
);
CREATE INDEX eval_runs_by_dataset ON eval_runs (dataset_id, id);
