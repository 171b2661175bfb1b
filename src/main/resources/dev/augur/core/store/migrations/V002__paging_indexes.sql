-- For paging the tables of a dataset (TablePager).

-- The Items table sorted by title, as the UI sorts it (case-insensitive), read in index order with OFFSET.
CREATE INDEX items_by_title ON items (dataset_id, title COLLATE NOCASE);

-- Synthetic interactions per user and per item. Imported rows are all observed, so these stay empty (and cost an
-- import nothing but one comparison per row); with them the observed interactions of a user or item are counted
-- on indexes alone: all rows (interactions_by_user / interactions_by_item) minus the synthetic ones.
CREATE INDEX interactions_synthetic_by_user ON interactions (user_id) WHERE source <> 'observed';
CREATE INDEX interactions_synthetic_by_item ON interactions (item_id) WHERE source <> 'observed';
