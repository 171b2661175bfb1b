package dev.augur.core.vectors;

import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Similar items": exact cosine top-k over every item vector of one set (dataset, field, encoder). Indexes are
 * built on first use and kept while the set is unchanged (same count and last update), so the detail pane's
 * queries cost one scan of the matrix, not a reload.
 */
public final class SimilarItems implements AutoCloseable {
    public static final String ITEM_KIND = "item";

    private final Map<String, Cached> indexes = new HashMap<>();

    private record Cached(VectorSetInfo set, CosineIndex index) {
    }

    /** The item vector sets of a dataset, most recently updated first. */
    public static List<VectorSetInfo> itemSets(Workspace ws, long datasetId) {
        List<VectorSetInfo> sets = new ArrayList<>();
        for (VectorSetInfo s : ws.vectors().sets()) {
            if (s.datasetId() == datasetId && s.kind().equals(ITEM_KIND)) {
                sets.add(s);
            }
        }
        sets.sort(Comparator.comparing(VectorSetInfo::updatedAt).reversed());
        return sets;
    }

    /**
     * The set to search: the given encoder (and field, if given), else the most recently updated item set.
     * Empty when the dataset has no item vectors yet.
     */
    public static Optional<VectorSetInfo> choose(Workspace ws, long datasetId, Optional<String> encoder, Optional<String> field) {
        return itemSets(ws, datasetId).stream()
                .filter(s -> encoder.map(e -> e.equals(s.encoder())).orElse(true))
                .filter(s -> field.map(f -> f.equals(s.field())).orElse(true))
                .findFirst();
    }

    /** The {@code k} items closest to {@code itemId} in {@code set}, best first; empty if the item has no vector. */
    public synchronized List<SimilarItem> similar(Workspace ws, VectorSetInfo set, long itemId, int k) {
        CosineIndex index = index(ws, set);
        List<Neighbour> near = index.nearestTo(itemId, Math.min(k, index.maxK()));
        List<Long> ids = near.stream().map(Neighbour::entityId).toList();
        Map<Long, ItemRecord> records = new HashMap<>();
        for (ItemRecord r : ws.read().itemsByIds(ids)) {
            records.put(r.id(), r);
        }
        List<SimilarItem> out = new ArrayList<>(near.size());
        for (Neighbour n : near) {
            ItemRecord r = records.get(n.entityId());
            out.add(new SimilarItem(n.entityId(), r == null ? "?" : r.externalId(), r == null ? "" : r.title(), n.cosine()));
        }
        return out;
    }

    private CosineIndex index(Workspace ws, VectorSetInfo set) {
        String key = ws.file() + "|" + set.datasetId() + "|" + set.field() + "|" + set.encoder();
        Cached c = indexes.get(key);
        if (c != null && c.set().count() == set.count() && c.set().updatedAt().equals(set.updatedAt())) {
            return c.index();
        }
        if (c != null) {
            c.index().close();
        }
        CosineIndex index = new CosineIndex(ws.vectors().load(set.datasetId(), set.kind(), set.field(), set.encoder()));
        indexes.put(key, new Cached(set, index));
        return index;
    }

    @Override
    public synchronized void close() {
        indexes.values().forEach(c -> c.index().close());
        indexes.clear();
    }
}
