package dev.augur.core.rank.ctr;

import java.util.Locale;

/**
 * How an interaction's value becomes a click label. {@code threshold}: label 1 when the value is ≥ it (ratings,
 * e.g. 4 on a 5-star scale); NaN: label 1 when the value is &gt; 0 (click logs such as MIND, where shown-but-not-
 * clicked impressions are stored with value 0). {@code sampledNegatives}: for logs that hold positives only, that
 * many random items the user never interacted with are added per positive as label-0 samples (0 = none).
 */
public record CtrLabels(double threshold, int sampledNegatives) {

    public CtrLabels {
        if (Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the label threshold must be a finite number (or NaN for clicks)");
        }
        if (sampledNegatives < 0 || sampledNegatives > 100) {
            throw new IllegalArgumentException("sampled negatives per positive must be in 0..100, not "
                    + sampledNegatives);
        }
    }

    /** Label 1 for a rating ≥ {@code threshold}. */
    public static CtrLabels ratingAtLeast(double threshold) {
        return new CtrLabels(threshold, 0);
    }

    /** Label 1 for a value &gt; 0 (a click). */
    public static CtrLabels clicks() {
        return new CtrLabels(Double.NaN, 0);
    }

    public CtrLabels withSampledNegatives(int n) {
        return new CtrLabels(threshold, n);
    }

    public boolean clickLabels() {
        return Double.isNaN(threshold);
    }

    public float label(float value) {
        return (clickLabels() ? value > 0 : value >= threshold) ? 1f : 0f;
    }

    public String describe() {
        String rule = clickLabels() ? "label = value > 0 (click)"
                : String.format(Locale.ROOT, "label = value ≥ %s", num(threshold));
        return rule + (sampledNegatives > 0 ? "; " + sampledNegatives + " sampled negatives per positive" : "");
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
