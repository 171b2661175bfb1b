package dev.augur.core.bench;

import dev.augur.core.rank.Interactions;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The generated interaction log of {@code bench rank --generated}: MovieLens-1M scale by default, with planted
 * latent tastes and power-law item popularity, so a fitted model can be checked against popularity.
 */
public final class GeneratedLog {
    private static final int TASTE_DIMS = 8;

    private GeneratedLog() {
    }

    /**
     * {@code n} interactions (fewer when a user's share exceeds the items), users with power-law activity, each
     * picking distinct items with probability ∝ popularity(i) · exp(taste(u) · profile(i)), popularity a power law
     * over a random item order; rows in per-user time order. Seeded: the same arguments give the same data.
     */
    public static Interactions generate(int n, int users, int items, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] pop = new double[items];
        int[] rank = shuffled(items, r);
        for (int i = 0; i < items; i++) {
            pop[i] = Math.pow(rank[i] + 1, -0.8);
        }
        float[] profile = gaussian(items * TASTE_DIMS, r);
        float[] taste = gaussian(users * TASTE_DIMS, r);
        double[] activity = new double[users];
        for (int u = 0; u < users; u++) {
            activity[u] = Math.pow(1 - r.nextDouble(), -1 / 1.5); // Pareto: a few heavy users
        }
        int[] counts = userCounts(activity, n, items / 2);
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] user = new int[(int) total];
        int[] item = new int[(int) total];
        float[] value = new float[(int) total];
        long[] ts = new long[(int) total];
        double[] cum = new double[items];
        boolean[] taken = new boolean[items];
        int[] picked = new int[items];
        int k = 0;
        for (int u = 0; u < users; u++) {
            double sum = 0;
            for (int i = 0; i < items; i++) {
                double dot = 0;
                for (int f = 0; f < TASTE_DIMS; f++) {
                    dot += taste[u * TASTE_DIMS + f] * profile[i * TASTE_DIMS + f];
                }
                sum += pop[i] * Math.exp(dot / Math.sqrt(TASTE_DIMS) * 2);
                cum[i] = sum;
            }
            for (int c = 0; c < counts[u]; c++) {
                int i;
                do {
                    int at = Arrays.binarySearch(cum, r.nextDouble() * sum);
                    i = Math.min(items - 1, at < 0 ? -at - 1 : at);
                } while (taken[i]);
                taken[i] = true;
                picked[c] = i;
                user[k] = u;
                item[k] = i;
                value[k] = 1 + r.nextInt(5);
                ts[k] = c;
                k++;
            }
            for (int c = 0; c < counts[u]; c++) {
                taken[picked[c]] = false;
            }
        }
        long[] ids = new long[Math.max(users, items)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new Interactions(0, Arrays.copyOf(ids, users), Arrays.copyOf(ids, items), user, item, value, ts,
                new boolean[k]);
    }

    /** Interactions per user ∝ activity, each between 5 and {@code cap}, adding up to about {@code n}. */
    private static int[] userCounts(double[] activity, int n, int cap) {
        int[] counts = new int[activity.length];
        double lo = 0;
        double hi = n;
        for (int round = 0; round < 60; round++) { // bisect the scale: capped users push the rest up
            double scale = (lo + hi) / 2;
            long total = 0;
            for (double a : activity) {
                total += Math.min(cap, Math.max(5, Math.round(a * scale)));
            }
            if (total < n) {
                lo = scale;
            } else {
                hi = scale;
            }
        }
        for (int u = 0; u < activity.length; u++) {
            counts[u] = (int) Math.min(cap, Math.max(5, Math.round(activity[u] * hi)));
        }
        return counts;
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static float[] gaussian(int n, SplittableRandom r) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }
}
