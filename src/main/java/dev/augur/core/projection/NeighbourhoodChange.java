package dev.augur.core.projection;

import dev.augur.core.store.VectorMatrix;
import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;

/**
 * How much two vector spaces of the same entities (two encoders, two text templates) disagree about who is near
 * whom: for each entity in both, the share of its k nearest neighbours in space a that are not among its k nearest
 * in space b.
 */
public final class NeighbourhoodChange {
    /** Principal components the spaces are reduced to before the neighbour search, unless told otherwise. */
    public static final int DEFAULT_PCA_DIMS = 50;

    private NeighbourhoodChange() {
    }

    /**
     * Scores the entities present in both {@code a} and {@code b} (matched by entity id).
     *
     * <p>Neighbours are exact ({@link KnnGraph}), by euclidean distance, but <b>not in the original spaces</b>: each
     * is first reduced by {@link Pca} to {@code pcaDims} components (typically {@value #DEFAULT_PCA_DIMS}; a space
     * with at most that many dimensions is only centred and rotated), which keeps a 100,000-entity comparison to seconds and
     * changes little for sentence vectors, whose variance sits in a few dozen directions. For L2-normalised vectors
     * euclidean order is cosine order.
     * @param k neighbours per entity; fewer when fewer than k+1 entities are shared
     * @return entities in id order with their share changed; empty when fewer than two are shared
     */
    public static NeighbourhoodChanges score(VectorMatrix a, VectorMatrix b, int k, int pcaDims, TaskMonitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, not " + k);
        }
        if (pcaDims < 1) {
            throw new IllegalArgumentException("pcaDims must be positive, not " + pcaDims);
        }
        int[] ra = sortedRows(a.entityIds());
        int[] rb = sortedRows(b.entityIds());
        int n = 0;
        long[] ids = new long[Math.min(ra.length, rb.length)];
        int[] rowA = new int[ids.length];
        int[] rowB = new int[ids.length];
        for (int i = 0, j = 0; i < ra.length && j < rb.length; ) {
            long ia = a.entityIds()[ra[i]];
            long ib = b.entityIds()[rb[j]];
            if (ia < ib) {
                i++;
            } else if (ia > ib) {
                j++;
            } else {
                ids[n] = ia;
                rowA[n] = ra[i];
                rowB[n] = rb[j];
                n++;
                i++;
                j++;
                while (i < ra.length && a.entityIds()[ra[i]] == ia) { // a repeated id counts once
                    i++;
                }
                while (j < rb.length && b.entityIds()[rb[j]] == ib) {
                    j++;
                }
            }
        }
        ids = Arrays.copyOf(ids, n);
        if (n < 2) {
            return new NeighbourhoodChanges(ids, new float[n]);
        }
        int kk = Math.min(k, n - 1);
        monitor.message("Neighbours in the first space (" + n + " shared entities)");
        KnnGraph ga = graph(a, rowA, n, kk, pcaDims, new SubMonitor(monitor, 0, 500, 1000));
        monitor.message("Neighbours in the second space");
        KnnGraph gb = graph(b, rowB, n, kk, pcaDims, new SubMonitor(monitor, 500, 500, 1000));
        int[] na = ga.indicesView();
        int[] nb = gb.indicesView();
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        float[] changed = new float[n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < kk; q++) {
                stamp[nb[i * kk + q]] = i;
            }
            int lost = 0;
            for (int q = 0; q < kk; q++) {
                if (stamp[na[i * kk + q]] != i) {
                    lost++;
                }
            }
            changed[i] = (float) lost / kk;
        }
        monitor.progress(1000, 1000);
        return new NeighbourhoodChanges(ids, changed);
    }

    private static KnnGraph graph(VectorMatrix m, int[] rows, int n, int k, int pcaDims, TaskMonitor monitor) {
        int d = m.dims();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m.data(), rows[i] * d, x, i * d, d);
        }
        int c = Math.min(pcaDims, d);
        Pca pca = Pca.fit(x, n, d, c, new SubMonitor(monitor, 0, 300, 1000));
        float[] reduced = pca.transform(x, n, new SubMonitor(monitor, 300, 50, 1000));
        return KnnGraph.build(reduced, n, c, k, KnnGraph.Metric.EUCLIDEAN, new SubMonitor(monitor, 350, 650, 1000));
    }

    /** Row numbers in entity id order (stable for repeated ids). */
    private static int[] sortedRows(long[] ids) {
        boolean sorted = true;
        for (int i = 1; i < ids.length && sorted; i++) {
            sorted = ids[i - 1] <= ids[i];
        }
        int[] rows = new int[ids.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        if (!sorted) {
            rows = java.util.stream.IntStream.range(0, ids.length).boxed()
                    .sorted((p, q) -> Long.compare(ids[p], ids[q])).mapToInt(Integer::intValue).toArray();
        }
        return rows;
    }
}
