package dev.augur.core.bench;

import java.util.SplittableRandom;

/**
 * The mean per-user difference of a metric between two models scored on the same users (A − B), with a 95 %
 * percentile-bootstrap interval over users: the paired comparison information-retrieval evaluations use, which
 * separates a real difference from the luck of which users happen to be in the test set.
 *
 * @param mean  mean over users of A − B (equal to A's mean minus B's mean)
 * @param low   2.5th percentile of the bootstrapped means
 * @param high  97.5th percentile
 * @param users users compared
 */
public record PairedDifference(double mean, double low, double high, int users) {
    static final int RESAMPLES = 2000;

    /**
     * Compares {@code a} and {@code b} (one value per user, aligned) over the users where {@code scored} is true,
     * resampling users {@value #RESAMPLES} times with {@code seed}.
     */
    public static PairedDifference of(double[] a, double[] b, boolean[] scored, long seed) {
        if (a.length != b.length || a.length != scored.length) {
            throw new IllegalArgumentException("paired values need equal lengths: " + a.length + ", " + b.length
                    + ", " + scored.length);
        }
        int n = 0;
        for (boolean s : scored) {
            n += s ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no user was scored by both models");
        }
        double[] diff = new double[n];
        double sum = 0;
        for (int u = 0, k = 0; u < a.length; u++) {
            if (scored[u]) {
                diff[k] = a[u] - b[u];
                sum += diff[k++];
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += diff[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        java.util.Arrays.sort(means);
        return new PairedDifference(sum / n, means[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                means[(int) Math.ceil(0.975 * (RESAMPLES - 1))], n);
    }

    /** Whether B is not shown to be better: the interval reaches 0 or lies above it. */
    public boolean notWorse() {
        return high >= 0;
    }
}
