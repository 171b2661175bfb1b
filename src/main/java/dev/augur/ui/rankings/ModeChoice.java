package dev.augur.ui.rankings;

import dev.augur.core.rank.EvalMode;

/** Full ranking, or 100 sampled negatives, labelled SAMPLED because its numbers are not comparable. */
public enum ModeChoice {
    FULL("full ranking", EvalMode.FULL),
    SAMPLED("SAMPLED, 100 negatives", new EvalMode(100));

    private final String label;
    private final EvalMode mode;

    ModeChoice(String label, EvalMode mode) {
        this.label = label;
        this.mode = mode;
    }

    public EvalMode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return label;
    }
}
