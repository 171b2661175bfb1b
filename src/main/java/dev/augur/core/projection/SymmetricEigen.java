package dev.augur.core.projection;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix: Householder reduction to tridiagonal form, then the
 * implicit QL method (EISPACK's {@code tred2} and {@code tql2}, in the form JAMA made public-domain). The matrix is
 * kept transposed, so that every inner loop walks a row: eigenvector {@code j} ends up as row {@code j}. Plain
 * double arithmetic and {@code sqrt} only, so the result is the same on every JVM.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * Decomposes the symmetric {@code a} (overwritten: it becomes the eigenvectors, one per row, in the order of
     * {@code values}, which receives the eigenvalues, unsorted).
     */
    static void decompose(double[][] a, double[] values) {
        int n = values.length;
        double[] e = new double[n];
        tred2(a, values, e, n);
        tql2(a, values, e, n);
    }

    /** Householder tridiagonalisation of u (= Vᵀ in JAMA's terms) with the transformation accumulated in u. */
    private static void tred2(double[][] u, double[] d, double[] e, int n) {
        for (int j = 0; j < n; j++) {
            d[j] = u[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = u[j][i - 1];
                    u[j][i] = 0;
                    u[i][j] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                for (int j = 0; j < i; j++) {
                    double[] uj = u[j];
                    f = d[j];
                    u[i][j] = f;
                    g = e[j] + uj[j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += uj[k] * d[k];
                        e[k] += uj[k] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    double[] uj = u[j];
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        uj[k] -= f * e[k] + g * d[k];
                    }
                    d[j] = uj[i - 1];
                    uj[i] = 0;
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++) {
            u[i][n - 1] = u[i][i];
            u[i][i] = 1;
            double h = d[i + 1];
            double[] next = u[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = next[k] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double[] uj = u[j];
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += next[k] * uj[k];
                    }
                    for (int k = 0; k <= i; k++) {
                        uj[k] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                next[k] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = u[j][n - 1];
            u[j][n - 1] = 0;
        }
        u[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /** Implicit QL iterations on the tridiagonal (d, e), rotating the rows of u along. */
    private static void tql2(double[][] u, double[] d, double[] e, int n) {
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = 0x1p-52;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 60) {
                        throw new ArithmeticException("the eigen-decomposition did not converge");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        rotate(u[i], u[i + 1], c, s, n);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    /** (x, y) ← (c·x − s·y, s·x + c·y), elementwise. */
    private static void rotate(double[] x, double[] y, double c, double s, int n) {
        for (int k = 0; k < n; k++) {
            double h = y[k];
            double v = x[k];
            y[k] = s * v + c * h;
            x[k] = c * v - s * h;
        }
    }

    private static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (x == 0) {
            return 0;
        }
        double r = y / x;
        return x * Math.sqrt(1 + r * r);
    }
}
