package dev.augur.core.rank.models;

import dev.augur.core.task.BlockRunner;
import dev.augur.core.task.TaskMonitor;

/**
 * Weighted ridge regression from unit text vectors to item vectors, in closed form:
 * {@code W = (Σ w_i y_i t_iᵀ) (Σ w_i t_i t_iᵀ + λI)⁻¹}, solved by Cholesky (the text dims are a few hundred).
 */
final class TextMap {
    private TextMap() {
    }

    /**
     * The map ({@code k × dims}) from item text to the {@code k}-wide rows of {@code target}; item {@code i} counts
     * with weight {@code weight[i]} (0 leaves it out) and only when it has text.
     */
    static double[][] fit(TextVectors text, float[] target, int k, float[] weight, double ridge, int threads,
                          TaskMonitor monitor) {
        int d = text.dims();
        int n = text.has().length;
        float[] t = text.unit();
        boolean[] has = text.has();
        double[][] gram = new double[d][d];
        double[][] cross = new double[k][d];
        // rows r < d fill the upper triangle of the Gram matrix (Σ_i w_i t_ir t_ic, c ≥ r), rows d.. the cross terms
        BlockRunner.run(d + k, 1, threads, monitor, -1, 0, (from, to, worker) -> {
            for (int r = from; r < to; r++) {
                boolean gramRow = r < d;
                double[] row = gramRow ? gram[r] : cross[r - d];
                for (int i = 0; i < n; i++) {
                    if (!has[i] || weight[i] == 0) {
                        continue;
                    }
                    double a = weight[i] * (gramRow ? t[i * d + r] : target[i * k + r - d]);
                    if (a == 0) {
                        continue;
                    }
                    int o = i * d;
                    for (int c = gramRow ? r : 0; c < d; c++) {
                        row[c] += a * t[o + c];
                    }
                }
            }
        });
        for (int r = 0; r < d; r++) {
            gram[r][r] += ridge;
            for (int c = 0; c < r; c++) {
                gram[r][c] = gram[c][r];
            }
        }
        double[][] l = cholesky(gram);
        double[][] w = new double[k][];
        for (int f = 0; f < k; f++) {
            w[f] = solve(l, cross[f]); // (A⁻¹ b) = row f of W, A symmetric
        }
        return w;
    }

    /** Lower-triangular L with A = L·Lᵀ; A must be symmetric positive definite (the ridge makes it so). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            double s = a[j][j];
            for (int m = 0; m < j; m++) {
                s -= l[j][m] * l[j][m];
            }
            if (!(s > 0)) {
                throw new IllegalStateException("the text map's normal equations are not positive definite");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < d; i++) {
                double v = a[i][j];
                for (int m = 0; m < j; m++) {
                    v -= l[i][m] * l[j][m];
                }
                l[i][j] = v / l[j][j];
            }
        }
        return l;
    }

    /** x with L·Lᵀ·x = b. */
    static double[] solve(double[][] l, double[] b) {
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * y[m];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int m = i + 1; m < d; m++) {
                s -= l[m][i] * x[m];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
