package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exact cosine top-k over the rows of a {@link VectorMatrix}: every query scans all rows. The index keeps its own
 * L2-normalised copy of the matrix (a zero row stays zero and has cosine 0 to everything), so a cosine is one dot
 * product, computed by a plain float loop the JIT unrolls.
 *
 * <p>The rows are split into one contiguous partition per thread: the calling thread scans the first, the index's
 * own daemon threads the others, each into its own top-k heap (parallel int/float arrays allocated once, at
 * construction, for up to {@code maxK} results); the heaps are then merged. A query allocates nothing but its
 * result.
 *
 * <p>Thread-safe, but <b>queries run one at a time</b>: a lock serialises them, because they share the heaps and
 * every query already uses all partitions' threads. Results are sorted by cosine, highest first, ties by entity id
 * ascending, so equal inputs give equal answers whatever the thread count; cosines are clamped to [-1, 1] (rounding
 * can take a vector's product with itself just past 1). {@link #close()} stops the threads.
 */
public final class CosineIndex implements AutoCloseable {
    /** Pass as {@code excludeEntityId} to exclude nothing. */
    public static final long NO_ENTITY = Long.MIN_VALUE;
    /** The default {@code maxK}. */
    public static final int DEFAULT_MAX_K = 100;
    /** With the default thread count, a partition gets at least this many rows (fewer do not pay for a thread). */
    static final int MIN_ROWS_PER_THREAD = 4096;

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final int n;
    private final int dims;
    private final int maxK;
    private final float[] data;      // row-major n × dims, rows L2-normalised
    private final long[] ids;        // entity id of each row
    private final long[] sortedIds;  // ids sorted, for entity → row
    private final int[] sortedRows;  // row of sortedIds[i]; null when the ids were sorted already

    private final int parts;
    private final int[] partFrom;    // partition p covers rows partFrom[p] .. partFrom[p+1]-1
    private final int[][] heapRows;
    private final float[][] heapScores;
    private final int[] heapSize;
    private final int[] mergedRows;
    private final float[] mergedScores;
    private final float[] query;

    private final ReentrantLock queryLock = new ReentrantLock();
    private final Object gate = new Object();
    private final Thread[] workers;
    // the current query, published to the workers through gate
    private int k;
    private int skipRow;
    private long generation;
    private int pending;
    private Throwable failure;
    private boolean closed;

    /** An index with {@code maxK} {@value #DEFAULT_MAX_K} and the default thread count. */
    public CosineIndex(VectorMatrix m) {
        this(m, DEFAULT_MAX_K);
    }

    /**
     * An index answering up to {@code maxK} neighbours per query, on up to {@link Runtime#availableProcessors()}
     * threads (fewer for a small matrix: at least {@value #MIN_ROWS_PER_THREAD} rows per thread).
     */
    public CosineIndex(VectorMatrix m, int maxK) {
        this(m, maxK, defaultThreads(m.size()));
    }

    /**
     * An index answering up to {@code maxK} neighbours per query on {@code threads} threads (the caller's included;
     * never more than there are rows).
     * @throws IllegalArgumentException when {@code maxK} or {@code threads} is below 1, or a value is NaN or infinite
     */
    public CosineIndex(VectorMatrix m, int maxK, int threads) {
        if (maxK < 1 || threads < 1) {
            throw new IllegalArgumentException("maxK and threads must be at least 1, not " + maxK + " and " + threads);
        }
        this.n = m.size();
        this.dims = m.dims();
        this.maxK = maxK;
        this.ids = m.entityIds().clone();
        this.data = normalisedCopy(m);
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = ids[i - 1] <= ids[i];
        }
        if (sorted) {
            sortedIds = ids;
            sortedRows = null;
        } else {
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
            sortedIds = new long[n];
            sortedRows = new int[n];
            for (int i = 0; i < n; i++) {
                sortedRows[i] = order[i];
                sortedIds[i] = ids[order[i]];
            }
        }
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
        this.workers = new Thread[parts - 1];
        int seq = SEQ.incrementAndGet();
        for (int p = 1; p < parts; p++) {
            int part = p;
            Thread t = new Thread(() -> work(part), "cosine-index-" + seq + "-" + p);
            t.setDaemon(true);
            workers[p - 1] = t;
            t.start();
        }
    }

    private static int defaultThreads(int rows) {
        int byRows = (int) Math.max(1, ((long) rows + MIN_ROWS_PER_THREAD - 1) / MIN_ROWS_PER_THREAD);
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byRows));
    }

    private static float[] normalisedCopy(VectorMatrix m) {
        int n = m.size();
        int d = m.dims();
        float[] src = m.data();
        float[] out = new float[n * d];
        for (int r = 0; r < n; r++) {
            int off = r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                float v = src[off + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("the vector of entity " + m.entityIds()[r] + " holds " + v);
                }
                sum += (double) v * v;
            }
            if (sum > 0) {
                double inv = 1.0 / Math.sqrt(sum);
                for (int j = 0; j < d; j++) {
                    out[off + j] = (float) (src[off + j] * inv);
                }
            }
        }
        return out;
    }

    /** The number of rows (vectors) indexed. */
    public int size() {
        return n;
    }

    public int dims() {
        return dims;
    }

    /** The most neighbours one query may ask for (beyond the number of rows). */
    public int maxK() {
        return maxK;
    }

    /**
     * The {@code k} rows most similar to {@code query} (any length but zero: it is normalised here), leaving out
     * the row of {@code excludeEntityId} ({@link #NO_ENTITY} for none). Fewer when the index has fewer rows.
     * @throws IllegalArgumentException when the index is not empty and the query's length is not {@link #dims()}, it holds NaN or infinity,
     *         {@code k} is negative, or more than {@link #maxK()} results would be returned
     */
    public List<Neighbour> nearest(float[] query, int k, long excludeEntityId) {
        checkK(k);
        if (n == 0) {
            return List.of(); // an empty set loads with 0 dimensions; any query finds nothing
        }
        if (query.length != dims) {
            throw new IllegalArgumentException("the query has " + query.length + " dimensions, the index " + dims);
        }
        double sum = 0;
        for (float v : query) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("the query holds " + v);
            }
            sum += (double) v * v;
        }
        double inv = sum > 0 ? 1.0 / Math.sqrt(sum) : 0;
        queryLock.lock();
        try {
            for (int j = 0; j < dims; j++) {
                this.query[j] = (float) (query[j] * inv);
            }
            return search(k, rowOf(excludeEntityId));
        } finally {
            queryLock.unlock();
        }
    }

    /**
     * The {@code k} rows most similar to the row of {@code entityId}, leaving that row out; empty when the entity is
     * not in the index.
     * @throws IllegalArgumentException when {@code k} is negative or more than {@link #maxK()} results would be returned
     */
    public List<Neighbour> nearestTo(long entityId, int k) {
        checkK(k);
        int row = rowOf(entityId);
        if (row < 0) {
            return List.of();
        }
        queryLock.lock();
        try {
            System.arraycopy(data, row * dims, this.query, 0, dims);
            return search(k, row);
        } finally {
            queryLock.unlock();
        }
    }

    private void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
    }

    /** The row of an entity, or -1. */
    private int rowOf(long entityId) {
        int i = Arrays.binarySearch(sortedIds, entityId);
        if (i < 0) {
            return -1;
        }
        return sortedRows == null ? i : sortedRows[i];
    }

    /** Runs one query over all partitions; the caller holds queryLock and has filled {@link #query}. */
    private List<Neighbour> search(int wanted, int skip) {
        int kEff = Math.min(wanted, n - (skip >= 0 ? 1 : 0));
        if (kEff <= 0) {
            return List.of();
        }
        if (kEff > maxK) {
            throw new IllegalArgumentException("asked for " + wanted + " neighbours; this index answers at most " + maxK);
        }
        synchronized (gate) {
            if (closed) {
                throw new IllegalStateException("the index is closed");
            }
            k = kEff;
            skipRow = skip;
            failure = null;
            pending = parts - 1;
            generation++;
            gate.notifyAll();
        }
        Throwable own = null;
        try {
            scan(0);
        } catch (Throwable t) {
            own = t;
        }
        boolean interrupted = false;
        Throwable theirs;
        synchronized (gate) {
            while (pending > 0) { // the heaps are ours again only when every worker is done
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            theirs = failure;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (own != null || theirs != null) {
            Throwable t = own != null ? own : theirs;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
        return merge(kEff);
    }

    private void work(int p) {
        long seen = 0;
        while (true) {
            synchronized (gate) {
                while (generation == seen && !closed) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        return; // only close() or the JVM's end interrupts a daemon worker
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
            }
            Throwable err = null;
            try {
                scan(p);
            } catch (Throwable t) {
                err = t;
            }
            synchronized (gate) {
                if (err != null && failure == null) {
                    failure = err;
                }
                if (--pending == 0) {
                    gate.notifyAll();
                }
            }
        }
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

    /** Stops the worker threads; later queries throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        queryLock.lock();
        try {
            synchronized (gate) {
                closed = true;
                gate.notifyAll();
            }
        } finally {
            queryLock.unlock();
        }
    }
}
