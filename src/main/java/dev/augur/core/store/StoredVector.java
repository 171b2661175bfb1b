package dev.augur.core.store;

/**
 * One vector to store: the entity it belongs to ({@code items.id}, {@code users.id} or {@code reviews.id}, by the
 * set's kind), the hash of the text it was encoded from (SHA-256, first 16 bytes) and its values.
 */
public record StoredVector(long entityId, byte[] textHash, float[] vector) {
}
