package dev.augur.core.store;

/** One item with its text; {@code categoriesJson} is a JSON array, {@code attributesJson} a JSON object. */
public record ItemRecord(long id, String dataset, String externalId, String title, String description,
                         String categoriesJson, String attributesJson, long interactions, long reviews) {
}
