package dev.augur.core.projection;

/**
 * {@code exp} and {@code x^b} for UMAP's inner loops, by table lookup with linear interpolation over 1,024 steps:
 * relative error below 1e-6, a few times faster than {@link Math#exp} and {@link Math#pow} where it matters (the
 * layout's {@code pow} sits on a chain of dependent updates), and the same bits on every JVM and CPU: the tables come
 * from {@link StrictMath}, the rest is plain double arithmetic.
 */
final class FastMath {
    private static final int BITS = 10;
    private static final int STEPS = 1 << BITS;
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double[] LOG2 = new double[STEPS + 1]; // log2(1 + i/STEPS)
    private static final double[] EXP2 = new double[STEPS + 1]; // 2^(i/STEPS)

    static {
        for (int i = 0; i <= STEPS; i++) {
            LOG2[i] = StrictMath.log1p((double) i / STEPS) / StrictMath.log(2);
            EXP2[i] = StrictMath.pow(2, (double) i / STEPS);
        }
    }

    private FastMath() {
    }

    /** e^x. */
    static double exp(double x) {
        return exp2(x * INV_LN2);
    }

    /** log2(x) for finite x > 0. */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) & 0x7ff;
        if (e == 0) { // subnormal: scale up by 2^54
            bits = Double.doubleToRawLongBits(x * 0x1p54);
            e = ((int) (bits >>> 52) & 0x7ff) - 54;
        }
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        int i = (int) (mantissa >>> (52 - BITS));
        double f = (mantissa & ((1L << (52 - BITS)) - 1)) * 0x1p-42; // the rest, in [0, 1)
        return e - 1023 + LOG2[i] + (LOG2[i + 1] - LOG2[i]) * f;
    }

    /** 2^t. */
    static double exp2(double t) {
        if (!(t > -1074)) {
            return t != t ? t : 0;
        }
        if (t >= 1024) {
            return Double.POSITIVE_INFINITY;
        }
        int k = (int) t;
        if (k > t) {
            k--; // floor for negative t
        }
        double s = (t - k) * STEPS;
        int i = (int) s;
        double p = EXP2[i] + (EXP2[i + 1] - EXP2[i]) * (s - i);
        if (k < -1021) { // scale in two steps to reach the subnormals
            return p * Double.longBitsToDouble((long) (k + 1021 + 1023) << 52) * 0x1p-1021;
        }
        if (k > 1023) {
            return p * 2 * 0x1p1023;
        }
        return p * Double.longBitsToDouble((long) (k + 1023) << 52);
    }

    /** x^b for one fixed exponent b and any x > 0: 2^(b·e) from a table by exponent, m^b interpolated by mantissa. */
    static final class Power {
        private final double[] byExponent = new double[2048 + 54]; // 2^(b·(e − 1023)) for biased e, subnormals below
        private final double[] byMantissa = new double[STEPS + 1]; // (1 + i/STEPS)^b

        Power(double b) {
            for (int e = 0; e < byExponent.length; e++) {
                byExponent[e] = StrictMath.pow(2, b * (e - 54 - 1023));
            }
            for (int i = 0; i <= STEPS; i++) {
                byMantissa[i] = StrictMath.pow(1 + (double) i / STEPS, b);
            }
        }

        /** x^b for finite x > 0. */
        double of(double x) {
            long bits = Double.doubleToRawLongBits(x);
            int e = (int) (bits >>> 52) & 0x7ff;
            if (e == 0) { // subnormal: scale up by 2^54
                bits = Double.doubleToRawLongBits(x * 0x1p54);
                e = ((int) (bits >>> 52) & 0x7ff) - 54;
            }
            long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
            int i = (int) (mantissa >>> (52 - BITS));
            double f = (mantissa & ((1L << (52 - BITS)) - 1)) * 0x1p-42;
            return byExponent[e + 54] * (byMantissa[i] + (byMantissa[i + 1] - byMantissa[i]) * f);
        }
    }
}
