package dev.augur.core.vectors;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The search kernel of a {@link CosineIndex}: scans every normalised row against the query, one contiguous partition
 * per thread ({@link PartitionWorkers}), each into its own top-k heap (parallel int/float arrays allocated once, for
 * up to {@code maxK} results), then merges the heaps. A search allocates nothing but its result.
 *
 * <p>Not thread-safe: one search at a time, because the searches share the heaps and the query buffer. Results are
 * sorted by cosine, highest first, ties by entity id ascending, so equal inputs give equal answers whatever the
 * thread count.
 */
final class TopKSearch {
    private final int n;
    private final int dims;
    private final int maxK;
    private final float[] data;      // row-major n × dims, rows L2-normalised
    private final long[] ids;        // entity id of each row

    private final int parts;
    private final int[] partFrom;    // partition p covers rows partFrom[p] .. partFrom[p+1]-1
    private final int[][] heapRows;
    private final float[][] heapScores;
    private final int[] heapSize;
    private final int[] mergedRows;
    private final float[] mergedScores;
    private final float[] query;
    private final PartitionWorkers workers;
    // the current search, published to the workers by PartitionWorkers.runAll
    private int k;
    private int skipRow;

    /** A kernel over {@code rows} on {@code threads} threads (the caller's included; never more than there are rows). */
    TopKSearch(NormalisedRows rows, int maxK, int threads) {
        this.n = rows.size();
        this.dims = rows.dims();
        this.maxK = maxK;
        this.data = rows.data();
        this.ids = rows.ids();
        this.parts = Math.max(1, Math.min(threads, n));
        this.partFrom = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            partFrom[p] = (int) ((long) n * p / parts);
        }
        int perPart = Math.min(maxK, Math.max(1, n));
        this.heapRows = new int[parts][perPart];
        this.heapScores = new float[parts][perPart];
        this.heapSize = new int[parts];
        this.mergedRows = new int[perPart];
        this.mergedScores = new float[perPart];
        this.query = new float[dims];
        this.workers = new PartitionWorkers(parts, this::scan, "cosine-index");
    }

    /** The query buffer: the caller fills it with a normalised query of {@code dims} values before {@link #search}. */
    float[] query() {
        return query;
    }

    /**
     * The {@code wanted} rows most similar to the query in {@link #query()}, leaving out row {@code skip} (-1 for
     * none); fewer when there are fewer rows.
     * @throws IllegalArgumentException when more than {@code maxK} results would be returned
     * @throws IllegalStateException when closed
     */
    List<Neighbour> search(int wanted, int skip) {
        int kEff = Math.min(wanted, n - (skip >= 0 ? 1 : 0));
        if (kEff <= 0) {
            return List.of();
        }
        if (kEff > maxK) {
            throw new IllegalArgumentException("asked for " + wanted + " neighbours; this index answers at most " + maxK);
        }
        k = kEff;
        skipRow = skip;
        workers.runAll();
        return merge(kEff);
    }

    /** Scans partition {@code p} into its heap: a min-heap whose root is the worst of the best {@code k} so far. */
    private void scan(int p) {
        final int[] hr = heapRows[p];
        final float[] hs = heapScores[p];
        final float[] a = data;
        final float[] q = query;
        final int d = dims;
        final int kk = k;
        final int skip = skipRow;
        int size = 0;
        for (int r = partFrom[p], end = partFrom[p + 1]; r < end; r++) {
            if (r == skip) {
                continue;
            }
            float s = dot(a, r * d, q, d);
            if (size < kk) {
                siftUp(hr, hs, size++, r, s);
            } else if (better(s, r, hs[0], hr[0])) {
                siftDown(hr, hs, size, r, s);
            }
        }
        heapSize[p] = size;
    }

    /** The dot product of a row and the query; four sums so the multiply-adds overlap. Clamped to [-1, 1]. */
    static float dot(float[] a, int off, float[] q, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += a[off + j] * q[j];
            s1 += a[off + j + 1] * q[j + 1];
            s2 += a[off + j + 2] * q[j + 2];
            s3 += a[off + j + 3] * q[j + 3];
        }
        for (; j < d; j++) {
            s0 += a[off + j] * q[j];
        }
        float s = (s0 + s1) + (s2 + s3);
        return s > 1f ? 1f : (s < -1f ? -1f : s); // rounding can leave a unit vector's self-product above 1
    }

    /** Whether (score s, row r) ranks above (s0, r0): higher cosine, or equal cosine and lower entity id. */
    private boolean better(float s, int r, float s0, int r0) {
        return s > s0 || (s == s0 && ids[r] < ids[r0]);
    }

    /** Adds (r, s) at position {@code i} (the heap's new last slot) and restores the heap. */
    private void siftUp(int[] hr, float[] hs, int i, int r, float s) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(hs[parent], hr[parent], s, r)) {
                break; // the parent is not better than the new entry: the worst stays on top
            }
            hr[i] = hr[parent];
            hs[i] = hs[parent];
            i = parent;
        }
        hr[i] = r;
        hs[i] = s;
    }

    /** Replaces the root of a heap of {@code size} entries with (r, s) and restores the heap. */
    private void siftDown(int[] hr, float[] hs, int size, int r, float s) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(hs[child], hr[child], hs[child + 1], hr[child + 1])) {
                child++; // the worse child
            }
            if (!better(s, r, hs[child], hr[child])) {
                break;
            }
            hr[i] = hr[child];
            hs[i] = hs[child];
            i = child;
        }
        hr[i] = r;
        hs[i] = s;
    }

    private List<Neighbour> merge(int kk) {
        int size = 0;
        for (int p = 0; p < parts; p++) {
            int[] hr = heapRows[p];
            float[] hs = heapScores[p];
            for (int i = 0, m = heapSize[p]; i < m; i++) {
                if (size < kk) {
                    siftUp(mergedRows, mergedScores, size++, hr[i], hs[i]);
                } else if (better(hs[i], hr[i], mergedScores[0], mergedRows[0])) {
                    siftDown(mergedRows, mergedScores, size, hr[i], hs[i]);
                }
            }
        }
        Neighbour[] out = new Neighbour[size];
        for (int i = size - 1; i >= 0; i--) { // pop the worst first
            int r = mergedRows[0];
            out[i] = new Neighbour(ids[r], r, mergedScores[0]);
            int last = i; // entries left after this pop
            if (last > 0) {
                siftDown(mergedRows, mergedScores, last, mergedRows[last], mergedScores[last]);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** Stops the worker threads; later searches throw {@link IllegalStateException}. Idempotent. */
    void close() {
        workers.close();
    }
}
