package dev.augur.core.store;

/** One user; {@code attributesJson} is a JSON object (age, gender, occupation … where the source has them). */
public record UserRecord(long id, String dataset, String externalId, String attributesJson, long interactions, long reviews) {
}
