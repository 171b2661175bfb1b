package dev.augur.core.projection;

import java.util.Arrays;

/**
 * UMAP's fuzzy simplicial set: per point {@code rho} (distance to the nearest neighbour) and {@code sigma} found by
 * binary search so that the memberships sum to log2(neighbours) (smooth kNN, as umap-learn), symmetrised by fuzzy
 * union {@code a + b − ab}; edges below max/epochs are dropped.
 *
 * <p>Holds the directed edges of the symmetric graph, grouped by head and ordered by tail within a head.
 */
record FuzzyGraph(int[] head, int[] tail, double[] weight) {
    private static final int BINARY_SEARCH_STEPS = 64;
    private static final double SMOOTH_K_TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;

    int size() {
        return head.length;
    }

    /**
     * The fuzzy union of the points' fuzzy neighbourhoods, each edge once per direction, edges lighter than
     * max/epochs left out.
     */
    static FuzzyGraph of(KnnGraph knn, int neighbours, int epochs) {
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
        return new FuzzyGraph(head, tail, weight);
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
}
