package dev.augur.ui.rankings;

import dev.augur.core.rank.SplitSpec;

/** The splits the Rankings top bar offers, with the ratios the issue names; the command line takes any. */
public enum SplitChoice {
    RANDOM("random 8:1:1", new SplitSpec.Random(0.8, 0.1, 0.1)),
    LEAVE_LAST_OUT("leave-last-out", new SplitSpec.LeaveLastOut()),
    TEMPORAL("temporal 0.2", new SplitSpec.Temporal(0.2)),
    COLD_ITEMS("cold items 0.1", new SplitSpec.ColdItems(0.1));

    private final String label;
    private final SplitSpec spec;

    SplitChoice(String label, SplitSpec spec) {
        this.label = label;
        this.spec = spec;
    }

    public SplitSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return label;
    }
}
