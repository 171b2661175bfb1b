package dev.augur.ui.rankings;

/**
 * A row of the experiments table: one model of one stored run, its ndcg@K and recall@K, the differences to the
 * baseline (absolute and in percent; NaN where either side lacks the number), and {@code flag}: empty, "baseline",
 * or why comparing with the baseline is invalid ("⚠ different protocol: seed, split").
 */
public record ExperimentRow(RunModel key, String createdAt, String label, String protocol, double ndcg,
                            double recall, double ndcgDelta, double ndcgPercent, double recallDelta,
                            double recallPercent, String flag) {
    public static final String BASELINE = "baseline";

    public boolean isBaseline() {
        return BASELINE.equals(flag);
    }

    public boolean isFlagged() {
        return flag.startsWith("⚠");
    }
}
