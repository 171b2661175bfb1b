package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * UMAP (McInnes, Healy and Melville, 2018) to two dimensions, after the reference implementation (umap-learn):
 * <ol>
 *   <li>the input is reduced by {@link Pca} to {@code pcaDims} components;</li>
 *   <li>exact euclidean neighbours ({@link KnnGraph}) of every point;</li>
 *   <li>the fuzzy simplicial set ({@link FuzzyGraph}): per point {@code rho} (distance to the nearest neighbour) and
 *       {@code sigma} found by binary search so that the memberships sum to log2(neighbours), symmetrised by fuzzy
 *       union {@code a + b − ab}; edges below max/epochs are dropped;</li>
 *   <li>the layout starts from the first two principal components scaled to [-10, 10] with ±1e-4 seeded jitter
 *       (not the spectral embedding) and is optimised by SGD ({@link UmapLayout}): each edge sampled every
 *       max(w)/w epochs, 5 negative samples per positive one, the curve 1/(1 + a·d^2b) fitted to minDist and
 *       spread 1 ({@link UmapCurve}), gradients clipped to ±4, learning rate 1 decaying linearly to 0.</li>
 * </ol>
 * The SGD runs on one thread with a {@link SplittableRandom} seeded from the parameters; {@code exp} and {@code pow}
 * come from tables built with {@link StrictMath} ({@link FastMath}) and every other step is plain IEEE arithmetic in
 * a fixed order, so the same input and parameters give the same bytes every time, whatever the thread count.
 */
public final class Umap {
    static final double SPREAD = 1.0;

    // progress units of one run
    private static final int TOTAL = 1000;

    private Umap() {
    }

    /** The layout on the default number of threads (for the PCA and neighbour phases). */
    public static float[] embed(float[] data, int n, int d, UmapParams params, TaskMonitor monitor) {
        return embed(data, n, d, params, Parallel.defaultThreads(), monitor);
    }

    /**
     * Lays out the {@code n × d} rows of {@code data} in two dimensions.
     * @return x and y interleaved, point by point ({@code 2n} values)
     * @throws dev.augur.core.task.TaskCancelledException when the monitor is cancelled (checked between blocks and
     *         epochs)
     */
    public static float[] embed(float[] data, int n, int d, UmapParams params, int threads, TaskMonitor monitor) {
        Objects.requireNonNull(params, "params");
        if (n < 0 || d < 1 || (long) n * d != data.length) {
            throw new IllegalArgumentException("a " + n + " × " + d + " matrix needs " + (long) n * d + " values, not "
                    + data.length);
        }
        if (n == 0) {
            return new float[0];
        }
        int m = Math.min(params.pcaDims(), d);
        if (d > Pca.MAX_DIMS) {
            throw new IllegalArgumentException("UMAP takes at most " + Pca.MAX_DIMS + " dimensions, not " + d);
        }
        monitor.message("UMAP: principal components (" + d + " → " + m + " dimensions) of " + n + " points");
        Pca pca = Pca.fit(data, n, d, m, threads, new SubMonitor(monitor, 0, 80, TOTAL));
        float[] reduced = pca.transform(data, n, threads, new SubMonitor(monitor, 80, 20, TOTAL));
        SplittableRandom rng = new SplittableRandom(params.seed());
        float[] xy = initial(reduced, n, m, rng);
        if (n < 3) {
            monitor.progress(TOTAL, TOTAL);
            return xy;
        }
        int k = Math.min(params.neighbours() - 1, n - 1);
        monitor.message("UMAP: " + k + " nearest neighbours of " + n + " points");
        KnnGraph knn = KnnGraph.build(reduced, n, m, k, KnnGraph.Metric.EUCLIDEAN, threads,
                new SubMonitor(monitor, 100, 450, TOTAL));
        monitor.message("UMAP: fuzzy neighbour graph");
        int epochs = params.epochsFor(n);
        FuzzyGraph edges = FuzzyGraph.of(knn, params.neighbours(), epochs);
        monitor.progress(600, TOTAL);
        monitor.checkCancelled();
        double[] ab = UmapCurve.fitAb(SPREAD, params.minDist());
        UmapLayout.optimise(xy, n, edges, epochs, ab[0], ab[1], rng, new SubMonitor(monitor, 600, 400, TOTAL));
        monitor.progress(TOTAL, TOTAL);
        return xy;
    }

    /** The first two principal components scaled to [-10, 10], plus ±1e-4 jitter. */
    static float[] initial(float[] reduced, int n, int m, SplittableRandom rng) {
        float[] xy = new float[2 * n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(reduced[i * m]));
            if (m > 1) {
                max = Math.max(max, Math.abs(reduced[i * m + 1]));
            }
        }
        double scale = max > 0 ? 10 / max : 0;
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) (reduced[i * m] * scale + (rng.nextDouble() - 0.5) * 2e-4);
            xy[2 * i + 1] = (float) ((m > 1 ? reduced[i * m + 1] * scale : 0) + (rng.nextDouble() - 0.5) * 2e-4);
        }
        return xy;
    }
}
