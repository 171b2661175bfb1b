package dev.augur.core.projection;

import java.util.SplittableRandom;

/** Seeded synthetic data for the projection tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** n points in d dimensions around c random centres (point i in cluster i % c), gaussian noise of sd {@code sd}. */
    static float[] clusters(int n, int d, int c, double centreSd, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[c][d];
        for (double[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = centreSd * gauss(r);
            }
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (centres[i % c][j] + sd * gauss(r));
            }
        }
        return x;
    }

    /** Rows of uniform noise in [-1, 1). */
    static float[] uniform(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /** Each row scaled to unit length. */
    static float[] normalise(float[] x, int d) {
        float[] out = x.clone();
        for (int i = 0; i < x.length / d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (double) x[i * d + j] * x[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (x[i * d + j] / Math.sqrt(s));
            }
        }
        return out;
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
