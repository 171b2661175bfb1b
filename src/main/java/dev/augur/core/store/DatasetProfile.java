package dev.augur.core.store;

/**
 * What the statistics panel draws for one dataset: the item popularity curve (interactions per item, most
 * popular first, cold items at the end as zeros) and interactions per user, plus the headline counts.
 */
public record DatasetProfile(WorkspaceStats stats, long[] itemPopularityDescending, long[] userActivity) {
}
