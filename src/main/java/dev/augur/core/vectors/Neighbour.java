package dev.augur.core.vectors;

/** One search result: the entity, its row in the index's matrix, and its cosine similarity to the query. */
public record Neighbour(long entityId, int row, float cosine) {
}
