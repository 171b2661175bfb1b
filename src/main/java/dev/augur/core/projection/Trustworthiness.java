package dev.augur.core.projection;

/**
 * Trustworthiness (Venna and Kaski, 2001): how far a layout's neighbourhoods can be trusted, 0..1 (1 when every
 * point's k nearest neighbours in the layout are among its k nearest in the original space). Exact, euclidean in
 * both spaces, ties broken by row (as scikit-learn's {@code trustworthiness}, which it matches); O(n²·(d + k)) time, so meant for
 * samples up to a few thousand points.
 */
public final class Trustworthiness {
    private Trustworthiness() {
    }

    /**
     * T(k) = 1 − 2 / (n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Uₖ(i)} (r(i, j) − k), where Uₖ(i) are the layout's k nearest
     * neighbours of i that are not among its k nearest in the original space and r(i, j) is j's rank (1 = nearest)
     * from i there.
     * @param high  the original rows, {@code n × dHigh}
     * @param low2d the layout, x and y interleaved
     * @throws IllegalArgumentException when {@code k} is not in 1..(n-1)/2 or the arrays do not match {@code n}
     */
    public static double at(float[] high, int dHigh, float[] low2d, int n, int k) {
        if ((long) n * dHigh != high.length || 2L * n != low2d.length) {
            throw new IllegalArgumentException("the arrays do not hold " + n + " points");
        }
        if (k < 1 || 2 * k >= n) {
            throw new IllegalArgumentException("trustworthiness at " + k + " needs more than " + 2 * k + " points, not "
                    + n);
        }
        long[] sums = new long[Parallel.defaultThreads()];
        int threads = sums.length;
        float[][] dh = new float[threads][n];
        float[][] dl = new float[threads][n];
        int[][] near = new int[threads][k];
        float[][] nearD = new float[threads][k];
        Parallel.run(n, 64, threads, dev.augur.core.task.TaskMonitor.NONE, (from, to, w) -> {
            float[] h = dh[w];
            float[] l = dl[w];
            int[] nb = near[w];
            float[] nbd = nearD[w];
            long sum = 0;
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int c = 0; c < dHigh; c++) {
                        float diff = high[i * dHigh + c] - high[j * dHigh + c];
                        s += diff * diff;
                    }
                    h[j] = s;
                    float dx = low2d[2 * i] - low2d[2 * j];
                    float dy = low2d[2 * i + 1] - low2d[2 * j + 1];
                    l[j] = dx * dx + dy * dy;
                }
                // the layout's k nearest, ties by row
                int size = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i || size == k && l[j] >= nbd[k - 1]) {
                        continue;
                    }
                    int at = size < k ? size++ : k - 1;
                    while (at > 0 && nbd[at - 1] > l[j]) {
                        nbd[at] = nbd[at - 1];
                        nb[at] = nb[at - 1];
                        at--;
                    }
                    nbd[at] = l[j];
                    nb[at] = j;
                }
                for (int q = 0; q < k; q++) {
                    int j = nb[q];
                    float dj = h[j];
                    int rank = 1;
                    for (int o = 0; o < n; o++) {
                        if (o != i && (h[o] < dj || h[o] == dj && o < j)) {
                            rank++;
                        }
                    }
                    if (rank > k) {
                        sum += rank - k;
                    }
                }
            }
            sums[w] += sum;
        });
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        return 1 - 2.0 / ((double) n * k * (2.0 * n - 3.0 * k - 1.0)) * total;
    }
}
