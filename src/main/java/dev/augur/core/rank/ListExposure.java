package dev.augur.core.rank;

import java.util.Arrays;
import java.util.Map;

/** How the recommended top-K lists spread over the items: the beyond-accuracy metrics of {@link Evaluator}. */
final class ListExposure {
    private ListExposure() {
    }

    /** Item counts of the top-{@code ks[ki]} lists of list group {@code group}, summed over the workers. */
    static int[] counts(int[][] recommended, int group, int ki, int numKs, int numItems) {
        int[] counts = new int[numItems];
        int at = (group * numKs + ki) * numItems;
        for (int[] r : recommended) {
            for (int i = 0; i < numItems; i++) {
                counts[i] += r[at + i];
            }
        }
        return counts;
    }

    /**
     * Coverage, Gini and average popularity at {@code k} of the recommended {@code counts}, over the items where
     * {@code in} is true (all items when null): the share of those items recommended at least once, the inequality
     * of their exposure, and the mean training popularity of the recommendations that went to them.
     */
    static void describe(Map<String, Double> m, int k, int[] counts, int[] pop, boolean[] in) {
        int n = 0;
        long listed = 0;
        long distinct = 0;
        double popSum = 0;
        int[] sub = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (in != null && !in[i]) {
                continue;
            }
            sub[n++] = counts[i];
            listed += counts[i];
            distinct += counts[i] > 0 ? 1 : 0;
            popSum += (double) counts[i] * pop[i];
        }
        m.put("coverage@" + k, n == 0 ? 0.0 : (double) distinct / n);
        m.put("gini@" + k, gini(Arrays.copyOf(sub, n)));
        m.put("avg_pop@" + k, listed == 0 ? 0.0 : popSum / listed);
    }

    /** RecBole's Gini index over all items' recommendation counts (0 = equal exposure, → 1 = one item only). */
    static double gini(int[] counts) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        long n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }
}
