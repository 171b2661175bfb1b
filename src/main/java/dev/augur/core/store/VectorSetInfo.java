package dev.augur.core.store;

/**
 * One stored vector set, a (dataset, kind, field, encoder) with its vector count and length; {@code updatedAt} is
 * the latest {@code created_at} of its rows (ISO-8601 instant).
 */
public record VectorSetInfo(long datasetId, String dataset, String kind, String field, String encoder, int dims,
                            long count, String updatedAt) {
}
