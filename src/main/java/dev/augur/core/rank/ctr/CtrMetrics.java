package dev.augur.core.rank.ctr;

import java.util.Arrays;

/** The CTR papers' metrics, as pure functions over predicted scores and 0/1 labels. */
public final class CtrMetrics {
    /** Probabilities are clipped to [EPS, 1 − EPS] before taking logs, as scikit-learn and the papers do. */
    public static final double EPS = 1e-7;

    private CtrMetrics() {
    }

    /**
     * Area under the ROC curve, exact: the probability that a random positive scores above a random negative, a
     * tie counting half (Mann–Whitney with mid-ranks). NaN when either class is absent.
     */
    public static double auc(float[] scores, float[] labels) {
        check(scores, labels);
        int[] all = new int[scores.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return auc(scores, labels, all, 0, all.length);
    }

    /** AUC over the samples {@code rows[from..to)}. */
    private static double auc(float[] scores, float[] labels, int[] rows, int from, int to) {
        int n = to - from;
        long[] keys = new long[n];
        long pos = 0;
        for (int j = 0; j < n; j++) {
            int r = rows[from + j];
            keys[j] = ((long) sortable(scores[r]) << 32) | (r & 0xFFFFFFFFL);
            pos += labels[r] > 0.5f ? 1 : 0;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Arrays.sort(keys);
        double rankSum = 0; // sum of the positives' 1-based mid-ranks
        int j = 0;
        while (j < n) {
            int hi = (int) (keys[j] >> 32);
            int end = j;
            long tiedPos = 0;
            while (end < n && (int) (keys[end] >> 32) == hi) {
                tiedPos += labels[(int) keys[end]] > 0.5f ? 1 : 0;
                end++;
            }
            double midRank = (j + 1 + end) / 2.0; // ranks j+1 .. end
            rankSum += tiedPos * midRank;
            j = end;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** An int whose signed order is the float's numeric order. */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f == 0f ? 0f : f); // -0 and +0 tie
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /**
     * Group AUC: each user's AUC over their own samples, averaged with weights equal to the user's number of
     * samples; users whose samples are all of one class are skipped. NaN when every user is skipped.
     */
    public static double gauc(float[] scores, float[] labels, int[] users) {
        check(scores, labels);
        if (users.length != scores.length) {
            throw new IllegalArgumentException(users.length + " user ids for " + scores.length + " scores");
        }
        int max = -1;
        for (int u : users) {
            if (u < 0) {
                throw new IllegalArgumentException("negative user id " + u);
            }
            max = Math.max(max, u);
        }
        int[] start = new int[max + 2];
        for (int u : users) {
            start[u + 1]++;
        }
        for (int u = 0; u <= max; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = Arrays.copyOf(start, max + 1);
        int[] rows = new int[users.length];
        for (int r = 0; r < users.length; r++) {
            rows[fill[users[r]]++] = r;
        }
        double sum = 0;
        long weight = 0;
        for (int u = 0; u <= max; u++) {
            int n = start[u + 1] - start[u];
            if (n < 2) {
                continue;
            }
            double a = auc(scores, labels, rows, start[u], start[u + 1]);
            if (!Double.isNaN(a)) {
                sum += a * n;
                weight += n;
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** Mean binary cross-entropy of probabilities {@code p} against labels, p clipped to [EPS, 1 − EPS]. NaN when
     * empty. */
    public static double logLoss(float[] p, float[] labels) {
        check(p, labels);
        if (p.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
            sum -= labels[i] > 0.5f ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    /**
     * RelaImpr (Yan et al. 2014, as KAR reports it): {@code ((AUC − 0.5) / (AUC_base − 0.5) − 1) × 100} %. NaN when
     * the base is no better than chance (AUC ≤ 0.5, as on a cold-start slice the ids cannot rank): the ratio has
     * no meaning there and would flip sign; the AUC difference still does.
     */
    public static double relaImpr(double auc, double baseAuc) {
        if (!(baseAuc > 0.5)) {
            return Double.NaN;
        }
        return ((auc - 0.5) / (baseAuc - 0.5) - 1) * 100;
    }

    private static void check(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        for (float s : scores) {
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("a score is NaN: the model diverged");
            }
        }
    }
}
