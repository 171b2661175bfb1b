package dev.augur.core.vectors;

/** A nearest neighbour of an item, with what a person needs to recognise it. */
public record SimilarItem(long id, String externalId, String title, float cosine) {
}
