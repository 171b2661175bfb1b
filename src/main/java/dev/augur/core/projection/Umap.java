package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * UMAP (McInnes, Healy and Melville, 2018) to two dimensions, after the reference implementation (umap-learn):
 * <ol>
 *   <li>the input is reduced by {@link Pca} to {@code pcaDims} components;</li>
 *   <li>exact euclidean neighbours ({@link KnnGraph}) of every point;</li>
 *   <li>the fuzzy simplicial set: per point {@code rho} (distance to the nearest neighbour) and {@code sigma} found by
 *       binary search so that the memberships sum to log2(neighbours), symmetrised by fuzzy union
 *       {@code a + b − ab}; edges below max/epochs are dropped;</li>
 *   <li>the layout starts from the first two principal components scaled to [-10, 10] with ±1e-4 seeded jitter
 *       (not the spectral embedding) and is optimised by SGD: each edge sampled every max(w)/w epochs, 5 negative
 *       samples per positive one, the curve 1/(1 + a·d^2b) fitted to minDist and spread 1, gradients clipped to
 *       ±4, learning rate 1 decaying linearly to 0.</li>
 * </ol>
 * The SGD runs on one thread with a {@link SplittableRandom} seeded from the parameters; {@code exp} and {@code pow}
 * come from tables built with {@link StrictMath} ({@link FastMath}) and every other step is plain IEEE arithmetic in
 * a fixed order, so the same input and parameters give the same bytes every time, whatever the thread count.
 */
public final class Umap {
    static final double SPREAD = 1.0;
    static final int NEGATIVE_SAMPLE_RATE = 5;
    private static final double GAMMA = 1.0;
    private static final int BINARY_SEARCH_STEPS = 64;
    private static final double SMOOTH_K_TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;

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
        Edges edges = fuzzyGraph(knn, params.neighbours(), epochs);
        monitor.progress(600, TOTAL);
        monitor.checkCancelled();
        double[] ab = fitAb(SPREAD, params.minDist());
        layout(xy, n, edges, epochs, ab[0], ab[1], rng, new SubMonitor(monitor, 600, 400, TOTAL));
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

    // ---- the fuzzy simplicial set --------------------------------------------------------------------------------

    /** Directed edges of the symmetric graph, grouped by head and ordered by tail within a head. */
    record Edges(int[] head, int[] tail, double[] weight) {
        int size() {
            return head.length;
        }
    }

    /**
     * The fuzzy union of the points' fuzzy neighbourhoods, each edge once per direction, edges lighter than
     * max/epochs left out.
     */
    static Edges fuzzyGraph(KnnGraph knn, int neighbours, int epochs) {
        int n = knn.n();
        int k = knn.k();
        int[] idx = knn.indicesView();
        float[] dist = knn.distancesView();
        double[] w = memberships(n, k, idx, dist, neighbours);
        // neighbour rows sorted by index, for looking up the reverse edge
        int[] sortedIdx = new int[n * k];
        double[] sortedW = new double[n * k];
        for (int i = 0; i < n; i++) { // insertion sort: k is small
            int o = i * k;
            for (int j = 0; j < k; j++) {
                int v = idx[o + j];
                double wv = w[o + j];
                int at = o + j;
                while (at > o && sortedIdx[at - 1] > v) {
                    sortedIdx[at] = sortedIdx[at - 1];
                    sortedW[at] = sortedW[at - 1];
                    at--;
                }
                sortedIdx[at] = v;
                sortedW[at] = wv;
            }
        }
        // undirected edges (lo < hi): each from the side that owns it
        int[] lo = new int[2 * n * k];
        int[] hi = new int[2 * n * k];
        double[] uw = new double[2 * n * k];
        int count = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int t = sortedIdx[i * k + j];
                double a = sortedW[i * k + j];
                int back = find(sortedIdx, t * k, k, i);
                double b = back >= 0 ? sortedW[back] : 0;
                if (back >= 0 && t < i) {
                    continue; // emitted from t's side
                }
                double u = a + b - a * b;
                if (u > 0) {
                    lo[count] = Math.min(i, t);
                    hi[count] = Math.max(i, t);
                    uw[count] = u;
                    max = Math.max(max, u);
                    count++;
                }
            }
        }
        double floor = max / epochs;
        int[] degree = new int[n + 1];
        int kept = 0;
        for (int e = 0; e < count; e++) {
            if (uw[e] >= floor) {
                degree[lo[e] + 1]++;
                degree[hi[e] + 1]++;
                kept++;
            }
        }
        for (int i = 0; i < n; i++) {
            degree[i + 1] += degree[i];
        }
        int[] head = new int[2 * kept];
        int[] tail = new int[2 * kept];
        double[] weight = new double[2 * kept];
        int[] fill = Arrays.copyOf(degree, n);
        for (int e = 0; e < count; e++) {
            if (uw[e] >= floor) {
                int p = fill[lo[e]]++;
                head[p] = lo[e];
                tail[p] = hi[e];
                weight[p] = uw[e];
                p = fill[hi[e]]++;
                head[p] = hi[e];
                tail[p] = lo[e];
                weight[p] = uw[e];
            }
        }
        for (int i = 0; i < n; i++) { // order each head's tails (insertion sort: a few dozen at most)
            for (int p = degree[i] + 1; p < degree[i + 1]; p++) {
                int t = tail[p];
                double wt = weight[p];
                int q = p;
                while (q > degree[i] && tail[q - 1] > t) {
                    tail[q] = tail[q - 1];
                    weight[q] = weight[q - 1];
                    q--;
                }
                tail[q] = t;
                weight[q] = wt;
            }
        }
        return new Edges(head, tail, weight);
    }

    private static int find(int[] sorted, int from, int len, int value) {
        int at = Arrays.binarySearch(sorted, from, from + len, value);
        return at >= 0 ? at : -1;
    }

    /** Each point's membership strengths to its neighbours: smooth-kNN rho and sigma, as umap-learn. */
    static double[] memberships(int n, int k, int[] idx, float[] dist, int neighbours) {
        double target = log2(neighbours);
        double meanAll = 0;
        for (float v : dist) {
            meanAll += v;
        }
        meanAll /= Math.max(1, dist.length);
        double[] w = new double[n * k];
        for (int i = 0; i < n; i++) {
            int o = i * k;
            double rho = 0;
            double mean = 0;
            for (int j = 0; j < k; j++) {
                mean += dist[o + j];
                if (rho == 0 && dist[o + j] > 0) {
                    rho = dist[o + j];
                }
            }
            mean /= k + 1; // the point itself, at distance 0, counts in umap-learn's mean
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double mid = 1;
            for (int step = 0; step < BINARY_SEARCH_STEPS; step++) {
                double psum = 0;
                for (int j = 0; j < k; j++) {
                    double dd = dist[o + j] - rho;
                    psum += dd > 0 ? FastMath.exp(-dd / mid) : 1;
                }
                if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) {
                    break;
                }
                if (psum > target) {
                    hi = mid;
                    mid = (lo + hi) / 2;
                } else {
                    lo = mid;
                    mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
                }
            }
            double sigma = mid;
            sigma = Math.max(sigma, MIN_K_DIST_SCALE * (rho > 0 ? mean : meanAll));
            for (int j = 0; j < k; j++) {
                double dd = dist[o + j] - rho;
                w[o + j] = dd <= 0 || sigma == 0 ? 1 : FastMath.exp(-dd / sigma);
            }
        }
        return w;
    }

    private static double log2(double x) {
        return StrictMath.log(x) / StrictMath.log(2);
    }

    // ---- layout ----------------------------------------------------------------------------------------------

    /**
     * The a and b of 1/(1 + a·x^2b) that best fit (least squares over 300 points of [0, 3·spread], Levenberg-
     * Marquardt) the curve that is 1 up to minDist and decays as exp(-(x − minDist)/spread) beyond.
     */
    static double[] fitAb(double spread, double minDist) {
        int points = 300;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = 3 * spread * i / (points - 1);
            y[i] = x[i] < minDist ? 1 : StrictMath.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = abCost(x, y, a, b);
        for (int iter = 0; iter < 500; iter++) {
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 1; i < points; i++) { // x = 0 fits exactly whatever a and b
                double u = StrictMath.pow(x[i], 2 * b);
                double f = 1 / (1 + a * u);
                double r = f - y[i];
                double da = -u * f * f;
                double db = -a * u * 2 * StrictMath.log(x[i]) * f * f;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            boolean accepted = false;
            while (!accepted && lambda < 1e12) {
                double maa = jaa * (1 + lambda);
                double mbb = jbb * (1 + lambda);
                double det = maa * mbb - jab * jab;
                double stepA = -(mbb * ga - jab * gb) / det;
                double stepB = -(maa * gb - jab * ga) / det;
                double c = abCost(x, y, a + stepA, b + stepB);
                if (c < cost) {
                    boolean small = Math.abs(stepA) < 1e-12 * (1 + Math.abs(a)) && Math.abs(stepB) < 1e-12 * (1 + Math.abs(b));
                    a += stepA;
                    b += stepB;
                    double gain = cost - c;
                    cost = c;
                    lambda = Math.max(lambda / 10, 1e-12);
                    accepted = true;
                    if (small || gain < 1e-15 * cost) {
                        return new double[] {a, b};
                    }
                } else {
                    lambda *= 10;
                }
            }
            if (!accepted) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double abCost(double[] x, double[] y, double a, double b) {
        double cost = 0;
        for (int i = 0; i < x.length; i++) {
            double f = x[i] == 0 ? 1 : 1 / (1 + a * StrictMath.pow(x[i], 2 * b));
            cost += (f - y[i]) * (f - y[i]);
        }
        return cost;
    }

    /** Optimises the layout {@code xy} in place: umap-learn's {@code optimize_layout_euclidean}, single-threaded. */
    static void layout(float[] xy, int n, Edges edges, int epochs, double a, double b, SplittableRandom rng,
                       TaskMonitor monitor) {
        Layout layout = new Layout(xy, n, edges, a, b, rng);
        double alpha = 1;
        for (int epoch = 0; epoch < epochs; epoch++) {
            monitor.checkCancelled();
            layout.epoch(epoch, alpha);
            alpha = 1 - (double) epoch / epochs;
            monitor.progress(epoch + 1, epochs);
            if ((epoch + 1) % 10 == 0 || epoch + 1 == epochs) {
                monitor.message("UMAP: layout epoch " + (epoch + 1) + " of " + epochs);
            }
        }
    }

    /** The SGD state: edge schedules and the curve; one epoch per call (so the JIT compiles it as a whole method). */
    private static final class Layout {
        private final float[] xy;
        private final int n;
        private final int[] head;
        private final int[] tail;
        private final double[] perSample;
        private final double[] nextSample;
        private final double[] perNegative;
        private final double[] nextNegative;
        private final double a;
        private final double twoAb;
        private final double twoGammaB;
        private final FastMath.Power power;
        private final SplittableRandom rng;

        Layout(float[] xy, int n, Edges edges, double a, double b, SplittableRandom rng) {
            this.xy = xy;
            this.n = n;
            this.head = edges.head();
            this.tail = edges.tail();
            this.a = a;
            this.twoAb = 2 * a * b;
            this.twoGammaB = 2 * GAMMA * b;
            this.power = new FastMath.Power(b);
            this.rng = rng;
            int size = edges.size();
            double max = 0;
            for (double v : edges.weight()) {
                max = Math.max(max, v);
            }
            perSample = new double[size];
            nextSample = new double[size];
            perNegative = new double[size];
            nextNegative = new double[size];
            for (int e = 0; e < size; e++) {
                perSample[e] = max / edges.weight()[e];
                nextSample[e] = perSample[e];
                perNegative[e] = perSample[e] / NEGATIVE_SAMPLE_RATE;
                nextNegative[e] = perNegative[e];
            }
        }

        void epoch(int epoch, double alpha) {
            for (int e = 0; e < head.length; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                int j = head[e];
                int t = tail[e];
                double cx = xy[2 * j];
                double cy = xy[2 * j + 1];
                double dx = cx - xy[2 * t];
                double dy = cy - xy[2 * t + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    double pb = power.of(d2);
                    double coeff = -twoAb * pb / (d2 * (a * pb + 1));
                    double gx = clip(coeff * dx) * alpha;
                    double gy = clip(coeff * dy) * alpha;
                    cx += gx;
                    cy += gy;
                    xy[2 * t] = (float) (xy[2 * t] - gx);
                    xy[2 * t + 1] = (float) (xy[2 * t + 1] - gy);
                }
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    int o = rng.nextInt(n);
                    if (o == j) {
                        continue; // umap-learn skips a point drawn as its own negative sample
                    }
                    dx = cx - xy[2 * o];
                    dy = cy - xy[2 * o + 1];
                    d2 = dx * dx + dy * dy;
                    if (d2 > 0) {
                        double coeff = twoGammaB / ((0.001 + d2) * (a * power.of(d2) + 1));
                        cx += clip(coeff * dx) * alpha;
                        cy += clip(coeff * dy) * alpha;
                    } else { // a different point at the same place
                        cx += 4 * alpha;
                        cy += 4 * alpha;
                    }
                }
                xy[2 * j] = (float) cx;
                xy[2 * j + 1] = (float) cy;
                nextNegative[e] += negatives * perNegative[e];
            }
        }
    }

    private static double clip(double v) {
        return v > 4 ? 4 : v < -4 ? -4 : v;
    }
}
