package dev.augur.core.store;

/** How many generations match a filter, by status, review status and provenance. */
public record GenerationCounts(long total, long ok, long failed, long pending, long approved, long rejected,
                               long llm, long imported, long edits) {
}
