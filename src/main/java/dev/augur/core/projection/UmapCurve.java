package dev.augur.core.projection;

/** The curve 1/(1 + a·d^2b) of UMAP's low-dimensional similarities, fitted to minDist and spread. */
final class UmapCurve {
    private UmapCurve() {
    }

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
}
