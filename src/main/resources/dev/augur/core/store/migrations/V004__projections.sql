-- 2-D projections of vector sets for the embedding map (ProjectionStore). One row per (set, method, params): a
-- set is (dataset, kind, field, encoder) as in vectors; params is the method's canonical parameter string. The set's
-- vector count and latest write are kept so a reader can tell whether the set changed since.
CREATE TABLE projections (
    id              INTEGER PRIMARY KEY,
    dataset_id      INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    field           TEXT    NOT NULL,
    encoder         TEXT    NOT NULL,
    method          TEXT    NOT NULL,   -- pca | umap
    params          TEXT    NOT NULL,   -- canonical, e.g. 'neighbours=15 minDist=0.1 epochs=auto seed=42 pcaDims=50'
    set_count       INTEGER NOT NULL,   -- vectors in the set when projected
    set_updated_at  TEXT    NOT NULL,   -- the set's latest created_at when projected
    n               INTEGER NOT NULL,   -- points
    entity_ids      BLOB    NOT NULL,   -- int64 little-endian, n*8 bytes
    xy              BLOB    NOT NULL,   -- float32 little-endian, x and y interleaved, n*8 bytes
    seconds         REAL    NOT NULL,   -- time taken to compute
    created_at      TEXT    NOT NULL,
    UNIQUE (dataset_id, kind, field, encoder, method, params)
);
