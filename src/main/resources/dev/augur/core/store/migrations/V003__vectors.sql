-- Sentence vectors of items, reviews and profiles (VectorStore). One row per (set, entity): a set is
-- (dataset, kind, field, encoder); text_hash lets an encode job skip entities whose text did not change.
CREATE TABLE vectors (
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,   -- item | review | item-reviews | user-reviews | item-profile | user-profile
    entity_id   INTEGER NOT NULL,   -- items.id, users.id or reviews.id, by kind
    field       TEXT    NOT NULL,   -- what text: e.g. 'title+categories+description', 'text', a profile template id
    encoder     TEXT    NOT NULL,   -- model id: minilm | minilm-q | bge-small | bge-small-q
    text_hash   BLOB    NOT NULL,   -- SHA-256 of the encoded text (16 bytes kept)
    dims        INTEGER NOT NULL,
    vector      BLOB    NOT NULL,   -- float32 little-endian, dims*4 bytes
    created_at  TEXT    NOT NULL,
    UNIQUE (dataset_id, kind, field, encoder, entity_id)
);

-- VectorStore.sets() reads each set's count, length and latest write from this index alone, never touching the
-- table's pages (1.5 KiB of vector per row).
CREATE INDEX vectors_by_set ON vectors (dataset_id, kind, field, encoder, created_at, dims);
