package dev.augur.core.store;

/**
 * Which generations {@link GenerationStore#list} and {@link GenerationStore#counts} look at; an empty string (or
 * dataset id 0) means any.
 */
public record GenerationFilter(long datasetId, String entityKind, String templateId, String status,
                               String reviewStatus) {
    public GenerationFilter {
        entityKind = entityKind == null ? "" : entityKind;
        templateId = templateId == null ? "" : templateId;
        status = status == null ? "" : status;
        reviewStatus = reviewStatus == null ? "" : reviewStatus;
    }

    public static GenerationFilter all() {
        return new GenerationFilter(0, "", "", "", "");
    }

    public static GenerationFilter dataset(long datasetId) {
        return new GenerationFilter(datasetId, "", "", "", "");
    }

    public GenerationFilter withEntityKind(String kind) {
        return new GenerationFilter(datasetId, kind, templateId, status, reviewStatus);
    }

    public GenerationFilter withTemplate(String template) {
        return new GenerationFilter(datasetId, entityKind, template, status, reviewStatus);
    }

    public GenerationFilter withStatus(String s) {
        return new GenerationFilter(datasetId, entityKind, templateId, s, reviewStatus);
    }

    public GenerationFilter withReviewStatus(String s) {
        return new GenerationFilter(datasetId, entityKind, templateId, status, s);
    }
}
