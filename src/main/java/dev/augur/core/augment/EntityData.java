package dev.augur.core.augment;

import dev.augur.core.store.EntityReview;
import dev.augur.core.store.HistoryEntry;

import java.util.List;

/**
 * What a prompt may say about one user or item: its text fields ("" when absent), its history (users: most recent
 * interactions, oldest first) and its reviews (newest first).
 */
public record EntityData(AugmentTarget target, long datasetId, long id, String externalId, String title,
                         String description, String categoriesJson, String attributesJson, List<HistoryEntry> history,
                         List<EntityReview> reviews) {
    public EntityData {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        categoriesJson = categoriesJson == null ? "[]" : categoriesJson;
        attributesJson = attributesJson == null ? "{}" : attributesJson;
        history = List.copyOf(history);
        reviews = List.copyOf(reviews);
    }
}
