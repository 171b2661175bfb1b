package dev.augur.core.store;

/**
 * Counts over one dataset or the whole workspace. {@code density} = interactions / (users × items);
 * {@code coldItems} = items without any observed interaction.
 */
public record WorkspaceStats(String scope, long users, long items, long interactions, long reviews, long tags,
                             double density, long coldItems, Distribution perUser, Distribution perItem,
                             SyntheticCounts synthetic) {

    /** Synthetic interactions by review status; they are never counted in {@code interactions}. */
    public record SyntheticCounts(long pending, long accepted, long rejected) {
    }
}
