package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exact cosine top-k over the rows of a {@link VectorMatrix}: every query scans all rows. The index keeps its own
 * L2-normalised copy of the matrix ({@link NormalisedRows}: a zero row stays zero and has cosine 0 to everything), so
 * a cosine is one dot product, computed by a plain float loop the JIT unrolls.
 *
 * <p>The rows are split into one contiguous partition per thread: the calling thread scans the first, the index's
 * own daemon threads the others, each into its own top-k heap, allocated once, at construction, for up to
 * {@code maxK} results; the heaps are then merged ({@link TopKSearch}). A query allocates nothing but its result.
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

    private final int n;
    private final int dims;
    private final int maxK;
    private final NormalisedRows rows;
    private final TopKSearch search;
    private final ReentrantLock queryLock = new ReentrantLock();

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
        this.rows = new NormalisedRows(m);
        this.search = new TopKSearch(rows, maxK, threads);
    }

    private static int defaultThreads(int rows) {
        int byRows = (int) Math.max(1, ((long) rows + MIN_ROWS_PER_THREAD - 1) / MIN_ROWS_PER_THREAD);
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byRows));
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
            float[] buffer = search.query();
            for (int j = 0; j < dims; j++) {
                buffer[j] = (float) (query[j] * inv);
            }
            return search.search(k, rows.rowOf(excludeEntityId));
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
        int row = rows.rowOf(entityId);
        if (row < 0) {
            return List.of();
        }
        queryLock.lock();
        try {
            System.arraycopy(rows.data(), row * dims, search.query(), 0, dims);
            return search.search(k, row);
        } finally {
            queryLock.unlock();
        }
    }

    private void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
    }

    /** Stops the worker threads; later queries throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        queryLock.lock();
        try {
            search.close();
        } finally {
            queryLock.unlock();
        }
    }
}
