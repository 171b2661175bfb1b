package dev.augur.ui.review;

import dev.augur.core.store.ReviewStore;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One read of the review queue: a page of rows and what comes with it, the counts per status of the filter, the
 * filter choices found, the workspace's annotator and, in a batch, the annotator's work in it.
 *
 * @param total      rows in the filter
 * @param everything synthetic interactions of the dataset, whatever the filter
 * @param batchWork  null outside a batch
 */
record QueuePage(List<SyntheticRow> rows, long total, long pending, long accepted, long rejected, long everything,
                 List<String> models, List<String> batches, String annotator, BatchWork batchWork) {

    /** In a batch: the rows assigned to the annotator, and those of them they have not labelled yet. */
    record BatchWork(Set<Long> assigned, Set<Long> todo) {
    }

    /** Reads the page of {@code f} starting at row {@code from}, at most {@code pageSize} rows. */
    static QueuePage read(Workspace ws, SyntheticFilter f, long from, int pageSize) {
        List<SyntheticRow> page = ws.synthetic().list(f, from, pageSize);
        long n = ws.synthetic().count(f);
        long p = ws.synthetic().count(f.withStatus("pending"));
        long a = ws.synthetic().count(f.withStatus("accepted"));
        long r = ws.synthetic().count(f.withStatus("rejected"));
        long all = ws.synthetic().count(SyntheticFilter.all(f.datasetId()));
        List<String> batchList = ws.annotations().batches(f.datasetId()).stream()
                .map(ReviewStore.BatchInfo::batch).toList();
        String who = ws.annotations().annotator().orElse("");
        return new QueuePage(page, n, p, a, r, all, ws.synthetic().models(f.datasetId()), batchList, who,
                f.batch().isEmpty() ? null : batchWork(ws, f.batch(), who));
    }

    /** What is left for {@code who} in {@code batch}: in a batch "pending" means "not labelled by me yet". */
    private static BatchWork batchWork(Workspace ws, String batch, String who) {
        Set<Long> assigned = new HashSet<>();
        Set<Long> todo = new HashSet<>();
        for (ReviewStore.AnnotatorLabel l : ws.annotations().labels(batch)) {
            if (l.annotator().equals(who)) {
                assigned.add(l.interactionId());
                if (l.status().isEmpty()) {
                    todo.add(l.interactionId());
                }
            }
        }
        return new BatchWork(assigned, todo);
    }
}
