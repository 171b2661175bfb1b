package dev.augur.core.rank.models;

/**
 * Dense symmetric positive-definite solve for small d (ALS's d × d row systems), row-major, in place. Only the lower
 * triangle of {@code a} is read, so a caller may fill just that half.
 */
final class DenseCholesky {
    private DenseCholesky() {
    }

    /** Solves {@code a z = b} in place of {@code b}; {@code a} (row-major d × d) is overwritten by its factor. */
    static void solveInPlace(double[] a, int d, double[] b) {
        solveInPlace(a, d, b, 0);
    }

    /**
     * As {@link #solveInPlace(double[], int, double[])} with the right-hand side at {@code b[ob .. ob+d)}; {@code b}
     * may be {@code a} itself when {@code ob ≥ d²} (the exact ALS solver keeps matrix and vector in one buffer).
     */
    static void solveInPlace(double[] a, int d, double[] b, int ob) {
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * d + k] * a[j * d + k];
            }
            double l = Math.sqrt(Math.max(s, 1e-12));
            a[j * d + j] = l;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = t / l;
            }
        }
        // forward then backward substitution
        for (int i = 0; i < d; i++) {
            double t = b[ob + i];
            for (int k = 0; k < i; k++) {
                t -= a[i * d + k] * b[ob + k];
            }
            b[ob + i] = t / a[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double t = b[ob + i];
            for (int k = i + 1; k < d; k++) {
                t -= a[k * d + i] * b[ob + k];
            }
            b[ob + i] = t / a[i * d + i];
        }
    }
}
