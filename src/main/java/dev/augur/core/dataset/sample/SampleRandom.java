package dev.augur.core.dataset.sample;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the sample generator is built from. Each takes its stream explicitly and uses only
 * {@link SplittableRandom} and {@link StrictMath}, so a seed gives the same data on every JVM.
 */
final class SampleRandom {

    private SampleRandom() {
    }

    /** An index drawn with probability proportional to its weight. */
    static int weighted(double[] weights, SplittableRandom r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** One of {@code pool} not yet in {@code has}, proportional to its weight; -1 when none is left. */
    static int weightedUnused(int[] pool, double[] weight, BitSet has, SplittableRandom r) {
        double total = 0;
        for (int i : pool) {
            if (!has.get(i)) {
                total += weight[i];
            }
        }
        if (total <= 0) {
            return -1;
        }
        double x = r.nextDouble() * total;
        int last = -1;
        for (int i : pool) {
            if (!has.get(i)) {
                last = i;
                x -= weight[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** A standard normal draw (Box-Muller with StrictMath, so it is the same on every JVM). */
    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, r);
        return p;
    }

    static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static <T> T pick(T[] array, SplittableRandom r) {
        return array[r.nextInt(array.length)];
    }
}
