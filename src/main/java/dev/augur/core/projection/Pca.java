package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact principal component analysis of an {@code n × d} row-major float matrix ({@code d ≤} {@value #MAX_DIMS}).
 *
 * <p>{@link #fit} streams twice over the rows: once for the mean, once for the covariance, which is accumulated in
 * blocks of {@value #CHUNK} rows on several threads (float sums over 256 rows, then double) and added up in block
 * order, so the result does not depend on the thread count. The {@code d × d} covariance is diagonalised by
 * Householder tridiagonalisation and implicit QL ({@link SymmetricEigen}; for d = 384 about ten times faster than
 * cyclic Jacobi). Each component is sign-fixed so that its largest-magnitude loading is positive; with no library
 * maths beyond {@code sqrt}, the same input gives the same bits on any JVM and thread count.
 */
public final class Pca {
    /** The largest input dimension accepted (the eigen-decomposition is cubic in it). */
    public static final int MAX_DIMS = 1024;
    static final int CHUNK = 2048;
    private static final int FLUSH = 256;
    private static final int TILE = 128;

    private final int dims;
    private final int components;
    private final float[] mean;
    private final float[] basis;       // components × dims, row c = component c
    private final double[] variances;  // eigenvalues, descending
    private final double totalVariance;

    private Pca(int dims, int components, float[] mean, float[] basis, double[] variances, double totalVariance) {
        this.dims = dims;
        this.components = components;
        this.mean = mean;
        this.basis = basis;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /** Fits {@code m} components to the {@code n × d} rows of {@code data} on the default number of threads. */
    public static Pca fit(float[] data, int n, int d, int m, TaskMonitor monitor) {
        return fit(data, n, d, m, Parallel.defaultThreads(), monitor);
    }

    /**
     * Fits {@code m} components to the {@code n × d} rows of {@code data}.
     * @throws IllegalArgumentException when {@code d} is not in 1..{@value #MAX_DIMS}, {@code m} not in 1..d, or
     *         {@code data} is not {@code n × d}
     * @throws dev.augur.core.task.TaskCancelledException when the monitor is cancelled
     */
    public static Pca fit(float[] data, int n, int d, int m, int threads, TaskMonitor monitor) {
        check(data, n, d);
        if (d > MAX_DIMS) {
            throw new IllegalArgumentException("PCA takes at most " + MAX_DIMS + " dimensions, not " + d);
        }
        if (m < 1 || m > d) {
            throw new IllegalArgumentException("cannot keep " + m + " components of " + d + " dimensions");
        }
        Objects.requireNonNull(monitor, "monitor");
        double[] sum = new double[d];
        for (int r = 0; r < n; r++) {
            int o = r * d;
            for (int j = 0; j < d; j++) {
                sum[j] += data[o + j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = n > 0 ? (float) (sum[j] / n) : 0f;
        }
        double[][] vectors = covariance(data, n, d, mean, threads, new SubMonitor(monitor, 0, 80, 100));
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += vectors[j][j];
        }
        monitor.checkCancelled();
        double[] values = new double[d];
        SymmetricEigen.decompose(vectors, values); // rows: eigenvectors
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(values[y], values[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        float[] basis = new float[m * d];
        double[] variances = new double[m];
        for (int c = 0; c < m; c++) {
            double[] v = vectors[order[c]];
            variances[c] = Math.max(0, values[order[c]]);
            int at = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[at])) {
                    at = j;
                }
            }
            double sign = v[at] < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) {
                basis[c * d + j] = (float) (sign * v[j]);
            }
        }
        monitor.progress(100, 100);
        return new Pca(d, m, mean, basis, variances, total);
    }

    /** Fits {@code m} components and returns the {@code n × m} projection of the same rows. */
    public static float[] reduce(float[] data, int n, int d, int m, TaskMonitor monitor) {
        Pca pca = fit(data, n, d, m, new SubMonitor(monitor, 0, 85, 100));
        return pca.transform(data, n, new SubMonitor(monitor, 85, 15, 100));
    }

    /** The {@code n × components} row-major projection of {@code n} rows of this PCA's dimension, on the default threads. */
    public float[] transform(float[] data, int n, TaskMonitor monitor) {
        return transform(data, n, Parallel.defaultThreads(), monitor);
    }

    /**
     * The {@code n × components} row-major projection of {@code n} rows of this PCA's dimension. Rows go in blocks
     * of {@value #TILE}, transposed, so that the inner loop runs along the block's rows (long and vectorisable)
     * rather than along the few components.
     */
    public float[] transform(float[] data, int n, int threads, TaskMonitor monitor) {
        check(data, n, dims);
        int d = dims;
        int dp = (d + 3) & ~3; // padded with zero loadings
        int m = components;
        float[][] b = new float[m][dp];
        for (int c = 0; c < m; c++) {
            System.arraycopy(basis, c * d, b[c], 0, d);
        }
        float[] out = new float[n * m];
        int workers = Parallel.workers(n, CHUNK, threads);
        float[][][] tiles = new float[workers][dp][TILE];
        float[][] sums = new float[workers][TILE];
        Parallel.run(n, CHUNK, threads, monitor, (from, to, worker) -> {
            float[][] xt = tiles[worker];
            float[] s = sums[worker];
            for (int r0 = from; r0 < to; r0 += TILE) {
                int rows = Math.min(TILE, to - r0);
                for (int r = 0; r < rows; r++) {
                    int o = (r0 + r) * d;
                    for (int j = 0; j < d; j++) {
                        xt[j][r] = data[o + j] - mean[j];
                    }
                }
                for (int c = 0; c < m; c++) {
                    float[] bc = b[c];
                    Arrays.fill(s, 0f);
                    for (int j = 0; j < dp; j += 4) {
                        KnnGraph.axpy4(s, bc[j], xt[j], bc[j + 1], xt[j + 1], bc[j + 2], xt[j + 2], bc[j + 3], xt[j + 3],
                                TILE);
                    }
                    for (int r = 0; r < rows; r++) {
                        out[(r0 + r) * m + c] = s[r];
                    }
                }
            }
        });
        return out;
    }

    public int dims() {
        return dims;
    }

    public int components() {
        return components;
    }

    /** The mean row (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Component {@code c} (unit length; a copy), in order of decreasing variance. */
    public float[] component(int c) {
        return Arrays.copyOfRange(basis, c * dims, (c + 1) * dims);
    }

    /** The variance along each kept component (the covariance's eigenvalues), decreasing; a copy. */
    public double[] variances() {
        return variances.clone();
    }

    /** The share of the total variance the kept components explain, 0..1 (0 when the data has none). */
    public double explained() {
        double kept = 0;
        for (double v : variances) {
            kept += v;
        }
        return totalVariance > 0 ? Math.min(1, kept / totalVariance) : 0;
    }

    // ---- covariance --------------------------------------------------------------------------------------------

    /** The full {@code d × d} sample covariance (divided by n-1), summed block by block in block order. */
    private static double[][] covariance(float[] data, int n, int d, float[] mean, int threads, TaskMonitor monitor) {
        double[][] cov = new double[d][d];
        int workers = Parallel.workers(n, CHUNK, threads);
        double[][][] partial = new double[workers][d][d];
        float[][][] acc = new float[workers][d][d];
        float[][][] rows = new float[workers][4][d];
        Turns turns = new Turns();
        Parallel.run(n, CHUNK, threads, monitor, (from, to, worker) -> {
            try {
                double[][] part = partial[worker];
                for (double[] row : part) {
                    Arrays.fill(row, 0);
                }
                float[][] a = acc[worker];
                float[][] x = rows[worker];
                int sinceFlush = 0;
                for (int r = from; r < to; r += 4) {
                    for (int q = 0; q < 4; q++) {
                        float[] row = x[q];
                        if (r + q < to) {
                            int o = (r + q) * d;
                            for (int j = 0; j < d; j++) {
                                row[j] = data[o + j] - mean[j];
                            }
                        } else {
                            Arrays.fill(row, 0f);
                        }
                    }
                    outer4(a, x[0], x[1], x[2], x[3], d);
                    sinceFlush += 4;
                    if (sinceFlush >= FLUSH) {
                        flush(a, part, d);
                        sinceFlush = 0;
                    }
                }
                flush(a, part, d);
                turns.await(from / CHUNK);
                try {
                    for (int i = 0; i < d; i++) {
                        double[] c = cov[i];
                        double[] p = part[i];
                        for (int j = i; j < d; j++) {
                            c[j] += p[j];
                        }
                    }
                } finally {
                    turns.advance();
                }
            } catch (RuntimeException | Error e) {
                turns.abort();
                throw e;
            }
        });
        double scale = n > 1 ? 1.0 / (n - 1) : 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = cov[i][j] * scale;
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        return cov;
    }

    /**
     * The upper triangle of {@code a} += x0ᵀx0 + x1ᵀx1 + x2ᵀx2 + x3ᵀx3. One array per row: the JIT vectorises
     * the inner loop along j (with a flat array and an offset it did not, four times slower).
     */
    private static void outer4(float[][] a, float[] x0, float[] x1, float[] x2, float[] x3, int d) {
        for (int i = 0; i < d; i++) {
            float c0 = x0[i];
            float c1 = x1[i];
            float c2 = x2[i];
            float c3 = x3[i];
            float[] ai = a[i];
            for (int j = i; j < d; j++) {
                ai[j] += c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j];
            }
        }
    }

    private static void flush(float[][] a, double[][] part, int d) {
        for (int i = 0; i < d; i++) {
            float[] ai = a[i];
            double[] pi = part[i];
            for (int j = i; j < d; j++) {
                pi[j] += ai[j];
                ai[j] = 0f;
            }
        }
    }

    /** Lets blocks add their partial sums in block order, whichever thread computed them. */
    private static final class Turns {
        private int turn;
        private boolean aborted;

        synchronized void await(int mine) {
            boolean interrupted = false;
            while (turn != mine && !aborted) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (aborted) {
                throw new IllegalStateException("another block of the covariance failed");
            }
        }

        synchronized void advance() {
            turn++;
            notifyAll();
        }

        synchronized void abort() {
            aborted = true;
            notifyAll();
        }
    }

    private static void check(float[] data, int n, int d) {
        if (n < 0 || d < 1 || (long) n * d != data.length) {
            throw new IllegalArgumentException("a " + n + " × " + d + " matrix needs " + (long) n * d + " values, not "
                    + data.length);
        }
    }
}
