package dev.augur.core.store;

/**
 * A proposed synthetic interaction before it is stored: workspace user and item ids, the label (1 / 0) or rating,
 * who proposed it ({@code origin} llm or imported, {@code target} the pipeline: cold-items, tail-items,
 * short-users or imported, the model), the proposer's confidence (NaN when not given) and one-sentence rationale,
 * the scores the pair was picked by (NaN when not computed), the generation it came from (0: none) and, for an
 * import, the file and line.
 */
public record SyntheticProposal(long userId, long itemId, double value, String origin, String target, String model,
                                double confidence, String rationale, double contentScore, double collabScore,
                                long generationId, String sourceFile, long sourceLine) {
    public SyntheticProposal {
        if (!origin.equals("llm") && !origin.equals("imported")) {
            throw new IllegalArgumentException("origin is llm or imported, not " + origin);
        }
        if (!Double.isNaN(confidence) && (confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        model = model == null ? "" : model;
        rationale = rationale == null ? "" : rationale;
        sourceFile = sourceFile == null ? "" : sourceFile;
    }
}
