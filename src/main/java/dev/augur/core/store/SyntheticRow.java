package dev.augur.core.store;

/**
 * One synthetic interaction as the review queue shows it: ids (internal and external), the item's title, the
 * current value and status, and its provenance. Absent numbers are NaN.
 */
public record SyntheticRow(long interactionId, long datasetId, long userId, String userExternalId, long itemId,
                           String itemExternalId, String itemTitle, double value, String status, String origin,
                           String target, String model, double confidence, String rationale, double proposedValue,
                           double contentScore, double collabScore, long generationId, String sourceFile,
                           long sourceLine, String createdAt) {
}
