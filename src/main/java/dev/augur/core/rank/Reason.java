package dev.augur.core.rank;

/**
 * One reason behind a recommendation: a history item it is near ({@code historyItem} ≥ 0, its dense index) or a
 * feature ({@code historyItem} = -1, {@code label} names it), with its contribution to the score.
 */
public record Reason(int historyItem, String label, double contribution) {
    public static Reason item(int historyItem, double contribution) {
        return new Reason(historyItem, "", contribution);
    }

    public static Reason feature(String label, double contribution) {
        return new Reason(-1, label, contribution);
    }
}
