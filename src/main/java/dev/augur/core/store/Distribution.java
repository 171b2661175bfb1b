package dev.augur.core.store;

import java.util.Arrays;

/** Summary of a count distribution (interactions per user or per item). */
public record Distribution(long min, double p25, double median, double p75, double p90, double p99, long max, double mean) {

    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0, 0);

    /** Nearest-rank-with-interpolation percentiles of {@code counts} (sorted in place). */
    public static Distribution of(long[] counts) {
        if (counts.length == 0) {
            return EMPTY;
        }
        Arrays.sort(counts);
        double sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return new Distribution(counts[0], pct(counts, 0.25), pct(counts, 0.5), pct(counts, 0.75), pct(counts, 0.9),
                pct(counts, 0.99), counts[counts.length - 1], sum / counts.length);
    }

    private static double pct(long[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
