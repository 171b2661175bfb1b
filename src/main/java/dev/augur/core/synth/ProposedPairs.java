package dev.augur.core.synth;

import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.SyntheticStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The (user, item) pairs that already have a synthetic interaction in a dataset, whatever its status: a pair an
 * annotator rejected must not come back as pending from a re-run or a re-import.
 */
final class ProposedPairs {
    private static final int PAGE = 5000;

    record Pair(long user, long item) {
    }

    private final Set<Pair> pairs = new HashSet<>();

    static ProposedPairs load(SyntheticStore store, long datasetId) {
        ProposedPairs out = new ProposedPairs();
        SyntheticFilter all = SyntheticFilter.all(datasetId);
        for (long offset = 0; ; offset += PAGE) {
            List<SyntheticRow> rows = store.list(all, offset, PAGE);
            for (SyntheticRow r : rows) {
                out.pairs.add(new Pair(r.userId(), r.itemId()));
            }
            if (rows.size() < PAGE) {
                return out;
            }
        }
    }

    boolean contains(long user, long item) {
        return pairs.contains(new Pair(user, item));
    }

    /** Adds the pair; false when it was there already. */
    boolean add(long user, long item) {
        return pairs.add(new Pair(user, item));
    }
}
