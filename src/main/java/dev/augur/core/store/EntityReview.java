package dev.augur.core.store;

/**
 * One review of a user or item, for prompts: who wrote it about what (item title "" when none), rating and time (or
 * null), summary and text ("" when none).
 */
public record EntityReview(long id, String userExternalId, String itemExternalId, String itemTitle, Double rating,
                           Long ts, String summary, String text) {
}
