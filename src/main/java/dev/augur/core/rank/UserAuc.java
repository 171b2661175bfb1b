package dev.augur.core.rank;

import java.util.Arrays;

/** One user's AUC over their candidates, for {@link Evaluator}'s GAUC overall and per item slice. */
final class UserAuc {
    private UserAuc() {
    }

    /** The share of (positive, negative) candidate pairs ordered correctly; ties count half. */
    /**
     * The user's AUC over all their positives ({@code [0]}) and over their positives in each item slice
     * ({@code [1 + s]}, NaN without any), each against the same negatives (every candidate that is not a positive), in
     * one pass over the candidates; ties count half.
     */
    static double[] perSlice(float[] scores, int[] positives, boolean[] candidate, byte[] itemSlice) {
        int slices = Slices.ITEM.size();
        float[][] pos = new float[1 + slices][];
        int[] sizes = new int[1 + slices];
        for (int item : positives) {
            sizes[1 + itemSlice[item]]++;
        }
        sizes[0] = positives.length;
        for (int g = 0; g <= slices; g++) {
            pos[g] = new float[sizes[g]];
        }
        int[] fill = new int[1 + slices];
        for (int item : positives) {
            pos[0][fill[0]++] = scores[item];
            int g = 1 + itemSlice[item];
            pos[g][fill[g]++] = scores[item];
        }
        for (float[] a : pos) {
            Arrays.sort(a);
        }
        int[] sorted = positives.clone();
        Arrays.sort(sorted);
        double[] correct = new double[1 + slices];
        long negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY && (candidate == null || !candidate[i])) {
                continue; // excluded (training item) or not a sampled candidate
            }
            if (Arrays.binarySearch(sorted, i) >= 0) {
                continue;
            }
            negatives++;
            for (int g = 0; g <= slices; g++) {
                float[] p = pos[g];
                if (p.length == 0) {
                    continue;
                }
                int below = lowerBound(p, s);        // positives with a lower score
                int upTo = upperBound(p, s);         // positives with a score ≤ s
                correct[g] += (p.length - upTo) + 0.5 * (upTo - below);
            }
        }
        double[] auc = new double[1 + slices];
        for (int g = 0; g <= slices; g++) {
            auc[g] = pos[g].length == 0 ? Double.NaN : negatives == 0 ? 0.5 : correct[g] / ((double) negatives * pos[g].length);
        }
        return auc;
    }

    private static int lowerBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
