package dev.augur.core.rank;

/**
 * What is dropped before splitting. {@code minRating}: interactions with a value below it are removed (RecBole's
 * "ratings &lt; 3 removed"; NaN keeps all). {@code minUserInteractions} / {@code minItemInteractions}: users and
 * items with fewer are removed, repeatedly until both hold (a k-core). {@code withSynthetic}: accepted synthetic
 * interactions join the training data (never the test).
 */
public record Filters(double minRating, int minUserInteractions, int minItemInteractions, boolean withSynthetic) {
    public static final Filters NONE = new Filters(Double.NaN, 0, 0, false);

    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!Double.isNaN(minRating)) {
            b.append("value ≥ ").append(minRating).append("; ");
        }
        if (minUserInteractions > 0) {
            b.append("users with ≥ ").append(minUserInteractions).append("; ");
        }
        if (minItemInteractions > 0) {
            b.append("items with ≥ ").append(minItemInteractions).append("; ");
        }
        b.append(withSynthetic ? "with accepted synthetic interactions in training" : "observed interactions only");
        return b.toString();
    }
}
