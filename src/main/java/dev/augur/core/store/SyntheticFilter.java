package dev.augur.core.store;

import java.util.Locale;

/**
 * Which synthetic interactions the queue shows and in what order. Empty strings and NaN mean "any".
 * {@code sort}: confidence (high first), confidence-asc, newest, oldest, item, user.
 */
public record SyntheticFilter(long datasetId, String status, String model, double minConfidence,
                              double maxConfidence, String itemExternalId, String userExternalId, String batch,
                              String sort) {
    public SyntheticFilter {
        status = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("pending") && !status.equals("accepted") && !status.equals("rejected")) {
            throw new IllegalArgumentException("status is pending, accepted or rejected, not " + status);
        }
        model = model == null ? "" : model;
        itemExternalId = itemExternalId == null ? "" : itemExternalId;
        userExternalId = userExternalId == null ? "" : userExternalId;
        batch = batch == null ? "" : batch;
        sort = sort == null || sort.isBlank() ? "oldest" : sort;
        if (!java.util.List.of("confidence", "confidence-asc", "newest", "oldest", "item", "user").contains(sort)) {
            throw new IllegalArgumentException("sort is confidence, confidence-asc, newest, oldest, item or user, not "
                    + sort);
        }
    }

    /** Everything of one dataset (0: all datasets), oldest first. */
    public static SyntheticFilter all(long datasetId) {
        return new SyntheticFilter(datasetId, "", "", Double.NaN, Double.NaN, "", "", "", "oldest");
    }

    public SyntheticFilter withStatus(String s) {
        return new SyntheticFilter(datasetId, s, model, minConfidence, maxConfidence, itemExternalId, userExternalId,
                batch, sort);
    }

    public SyntheticFilter withModel(String m) {
        return new SyntheticFilter(datasetId, status, m, minConfidence, maxConfidence, itemExternalId, userExternalId,
                batch, sort);
    }

    public SyntheticFilter withConfidence(double min, double max) {
        return new SyntheticFilter(datasetId, status, model, min, max, itemExternalId, userExternalId, batch, sort);
    }

    public SyntheticFilter withItem(String externalId) {
        return new SyntheticFilter(datasetId, status, model, minConfidence, maxConfidence, externalId, userExternalId,
                batch, sort);
    }

    public SyntheticFilter withUser(String externalId) {
        return new SyntheticFilter(datasetId, status, model, minConfidence, maxConfidence, itemExternalId, externalId,
                batch, sort);
    }

    public SyntheticFilter withBatch(String b) {
        return new SyntheticFilter(datasetId, status, model, minConfidence, maxConfidence, itemExternalId,
                userExternalId, b, sort);
    }

    public SyntheticFilter sortedBy(String s) {
        return new SyntheticFilter(datasetId, status, model, minConfidence, maxConfidence, itemExternalId,
                userExternalId, batch, s);
    }
}
