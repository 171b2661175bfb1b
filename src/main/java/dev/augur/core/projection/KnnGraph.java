package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.Objects;

/**
 * The exact {@code k} nearest neighbours of every row of an {@code n × d} float matrix among all the others (a
 * point is never its own neighbour), by euclidean or cosine distance.
 *
 * <p>Brute force, blocked like a matrix product, each pair scored once: rows go in blocks of {@value #BLOCK}, each
 * also stored dimension-major, so that the dot products of one row with a whole block are a few vectorisable axpy
 * loops; a row's block is scored against its own and every later block, and each score is offered to both points'
 * candidate lists. Threads take pairs of block rows (first with last, so every task is the same size) and keep
 * their own sorted top-k arrays for all points, merged at the end by (score, row); nothing is allocated per point,
 * and the result does not depend on the thread count. The chosen neighbours' distances are then recomputed
 * directly (not from norms and a dot product) and sorted ascending, ties by row.
 */
public final class KnnGraph {
    /** How distance is measured. */
    public enum Metric {
        /** ‖x − y‖. */
        EUCLIDEAN,
        /** 1 − cos(x, y); a zero row has cosine 0 to everything. */
        COSINE
    }

    static final int BLOCK = 128;
    /** Bytes all workers' candidate lists may take together (fewer workers for very large n). */
    private static final long TOP_BUDGET = 512L << 20;

    private final int n;
    private final int k;
    private final int[] indices;    // n × k
    private final float[] distances; // n × k, ascending per row

    private KnnGraph(int n, int k, int[] indices, float[] distances) {
        this.n = n;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** The graph on the default number of threads. */
    public static KnnGraph build(float[] data, int n, int d, int k, Metric metric, TaskMonitor monitor) {
        return build(data, n, d, k, metric, Parallel.defaultThreads(), monitor);
    }

    /**
     * The {@code k} nearest neighbours of each of the {@code n} rows of {@code data} ({@code n × d}, row-major).
     * @throws IllegalArgumentException when {@code k} is not in 1..n-1 or {@code data} is not {@code n × d}
     * @throws dev.augur.core.task.TaskCancelledException when the monitor is cancelled
     */
    public static KnnGraph build(float[] data, int n, int d, int k, Metric metric, int threads, TaskMonitor monitor) {
        if (n < 0 || d < 1 || (long) n * d != data.length) {
            throw new IllegalArgumentException("a " + n + " × " + d + " matrix needs " + (long) n * d + " values, not "
                    + data.length);
        }
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("cannot find " + k + " neighbours among " + n + " points");
        }
        Objects.requireNonNull(metric, "metric");
        float[] x = metric == Metric.COSINE ? normalised(data, n, d) : data;
        int blocks = (n + BLOCK - 1) / BLOCK;
        int dp = (d + 3) & ~3; // dimensions padded to a multiple of 4 with zeros
        float[][][] cand = new float[blocks][dp][BLOCK]; // block-transposed rows
        float[][] query = new float[n][dp];               // −2 × each row
        // score(p, c) = bias[c] − 2 p·c orders p's candidates as their distances do: ‖c‖² (euclidean), 1 (cosine)
        float[] bias = new float[n];
        for (int row = 0; row < n; row++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                float v = x[row * d + j];
                cand[row / BLOCK][j][row % BLOCK] = v;
                query[row][j] = -2f * v;
                norm += (double) v * v;
            }
            bias[row] = metric == Metric.COSINE ? 1f : (float) norm;
        }
        int items = (blocks + 1) / 2;
        // each worker keeps n × k candidates (8 bytes each): at most TOP_BUDGET bytes of them in all
        int affordable = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TOP_BUDGET / (8L * n * k)));
        int workers = Parallel.workers(items, 1, Math.min(threads, affordable));
        Top[] tops = new Top[workers];
        for (int w = 0; w < workers; w++) {
            tops[w] = new Top(n, k);
        }
        float[][] scores = new float[workers][BLOCK];
        // item t covers block rows t and blocks-1-t, so that every item does about the same work
        Parallel.run(items, 1, workers, monitor, (from, to, w) -> {
            for (int t = from; t < to; t++) {
                blockRow(t, blocks, n, dp, cand, query, bias, scores[w], tops[w]);
                if (blocks - 1 - t != t) {
                    blockRow(blocks - 1 - t, blocks, n, dp, cand, query, bias, scores[w], tops[w]);
                }
            }
        });
        int[] indices = new int[n * k];
        float[] distances = new float[n * k];
        Parallel.run(n, 4096, threads, TaskMonitor.NONE, (from, to, w) -> {
            int[] chosen = new int[k];
            int[] at = new int[workers];
            for (int p = from; p < to; p++) {
                Top.merge(tops, p, k, at, chosen);
                exact(x, d, metric, p, chosen, indices, distances, k);
            }
        });
        return new KnnGraph(n, k, indices, distances);
    }

    /**
     * Scores every pair of block row {@code b} with itself and with every later block, each pair once, into both
     * points' candidate lists.
     */
    private static void blockRow(int b, int blocks, int n, int dp, float[][][] cand, float[][] query, float[] bias,
                                 float[] s, Top top) {
        int first = b * BLOCK;
        int last = Math.min(n, first + BLOCK);
        for (int cb = b; cb < blocks; cb++) {
            float[][] c = cand[cb];
            int base = cb * BLOCK;
            int size = Math.min(BLOCK, n - base);
            for (int r = first; r < last; r++) {
                float[] q = query[r];
                Arrays.fill(s, 0f);
                for (int j = 0; j < dp; j += 4) {
                    axpy4(s, q[j], c[j], q[j + 1], c[j + 1], q[j + 2], c[j + 2], q[j + 3], c[j + 3], BLOCK);
                }
                float worst = top.worst[r];
                for (int i = 0; i < size; i++) { // r's candidates (within its own block: both orders of each pair)
                    float score = s[i] + bias[base + i];
                    if (score <= worst && base + i != r) {
                        worst = top.offer(r, score, base + i);
                    }
                }
                if (cb != b) { // and r as a candidate of the later block's points
                    float br = bias[r];
                    float[] worsts = top.worst;
                    for (int i = 0; i < size; i++) {
                        float score = s[i] + br;
                        if (score <= worsts[base + i]) {
                            top.offer(base + i, score, r);
                        }
                    }
                }
            }
        }
    }

    /** One thread's k best candidates of every point, sorted by (score, row), with each list's worst score. */
    private static final class Top {
        final int k;
        final float[] score;
        final int[] row;
        final float[] worst;

        Top(int n, int k) {
            this.k = k;
            score = new float[n * k];
            row = new int[n * k];
            worst = new float[n];
            Arrays.fill(score, Float.POSITIVE_INFINITY);
            Arrays.fill(row, Integer.MAX_VALUE);
            Arrays.fill(worst, Float.POSITIVE_INFINITY);
        }

        /** Adds (s, c) to p's list when it beats the worst; returns p's new worst score. */
        float offer(int p, float s, int c) {
            int t = p * k;
            int i = t + k - 1;
            if (s > score[i] || s == score[i] && c >= row[i]) {
                return worst[p];
            }
            while (i > t && (score[i - 1] > s || score[i - 1] == s && row[i - 1] > c)) {
                score[i] = score[i - 1];
                row[i] = row[i - 1];
                i--;
            }
            score[i] = s;
            row[i] = c;
            return worst[p] = score[t + k - 1];
        }

        /** The k best of p over all threads' lists, by (score, row), into {@code out}. */
        static void merge(Top[] tops, int p, int k, int[] at, int[] out) {
            Arrays.fill(at, 0);
            for (int i = 0; i < k; i++) {
                int best = -1;
                for (int w = 0; w < tops.length; w++) {
                    if (at[w] < k) {
                        int o = p * k + at[w];
                        if (best < 0) {
                            best = w;
                        } else {
                            int ob = p * k + at[best];
                            float sw = tops[w].score[o];
                            float sb = tops[best].score[ob];
                            if (sw < sb || sw == sb && tops[w].row[o] < tops[best].row[ob]) {
                                best = w;
                            }
                        }
                    }
                }
                out[i] = tops[best].row[p * k + at[best]];
                at[best]++;
            }
        }
    }

    /** s += a0·c0 + a1·c1 + a2·c2 + a3·c3, elementwise over the first {@code len} entries. */
    static void axpy4(float[] s, float a0, float[] c0, float a1, float[] c1, float a2, float[] c2, float a3,
                      float[] c3, int len) {
        for (int c = 0; c < len; c++) {
            s[c] += a0 * c0[c] + a1 * c1[c] + a2 * c2[c] + a3 * c3[c];
        }
    }

    /** Exact distances from row r to its chosen neighbours, sorted ascending (ties by row) into the result. */
    private static void exact(float[] x, int d, Metric metric, int r, int[] chosen, int[] indices, float[] distances,
                              int k) {
        int o = r * k;
        for (int i = 0; i < k; i++) {
            int c = chosen[i];
            double sum = 0;
            if (metric == Metric.COSINE) {
                for (int j = 0; j < d; j++) {
                    sum += (double) x[r * d + j] * x[c * d + j];
                }
                sum = Math.max(0, 1 - sum);
            } else {
                for (int j = 0; j < d; j++) {
                    double diff = (double) x[r * d + j] - x[c * d + j];
                    sum += diff * diff;
                }
                sum = Math.sqrt(sum);
            }
            float dist = (float) sum;
            int at = o + i; // insertion sort by (distance, row): k is small
            while (at > o && (distances[at - 1] > dist || distances[at - 1] == dist && indices[at - 1] > c)) {
                distances[at] = distances[at - 1];
                indices[at] = indices[at - 1];
                at--;
            }
            distances[at] = dist;
            indices[at] = c;
        }
    }

    private static float[] normalised(float[] data, int n, int d) {
        float[] out = new float[data.length];
        for (int r = 0; r < n; r++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) data[r * d + j] * data[r * d + j];
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < d; j++) {
                out[r * d + j] = (float) (data[r * d + j] * inv);
            }
        }
        return out;
    }

    /** The number of points. */
    public int n() {
        return n;
    }

    /** Neighbours per point. */
    public int k() {
        return k;
    }

    /** The row of point {@code i}'s {@code j}-th nearest neighbour (j = 0 is the nearest). */
    public int neighbour(int i, int j) {
        return indices[i * k + j];
    }

    /** The distance from point {@code i} to its {@code j}-th nearest neighbour. */
    public float distance(int i, int j) {
        return distances[i * k + j];
    }

    /** All neighbour rows, {@code n × k} row-major (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** All distances, {@code n × k} row-major, ascending per row (a copy). */
    public float[] distances() {
        return distances.clone();
    }

    int[] indicesView() {
        return indices;
    }

    float[] distancesView() {
        return distances;
    }
}
