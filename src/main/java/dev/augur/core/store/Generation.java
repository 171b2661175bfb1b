package dev.augur.core.store;

import java.util.Objects;

/**
 * One stored generation: an LLM output for one user or item, an imported one or an analyst's edit of another.
 * Absent text values are empty strings and absent numbers 0 (never null); {@code id} and {@code createdAt} are
 * assigned by {@link GenerationStore#put} (pass 0 and "" for a new row).
 *
 * @param entityKind   {@code user} or {@code item}
 * @param entityId     the internal id of the user or item
 * @param cacheKey     hex SHA-256 of template id+version, rendered prompt, model and parameters ("" for imports)
 * @param paramsJson   the generation parameters as canonical JSON (sorted keys)
 * @param prompt       the rendered prompt as JSON {@code {"system": …, "user": …}}
 * @param status       {@code ok} or {@code failed}
 * @param provenance   {@code llm}, {@code imported} or {@code edit}
 * @param parentId     for an edit, the generation it edits; else 0
 * @param reviewStatus {@code pending}, {@code approved} or {@code rejected}
 */
public record Generation(long id, long datasetId, String entityKind, long entityId, String templateId,
                         int templateVersion, String cacheKey, String model, String paramsJson, String promptHash,
                         String prompt, long latencyMs, int promptTokens, int completionTokens, String rawOutput,
                         String parsedJson, String status, String error, String provenance, String sourceFile,
                         long sourceLine, long parentId, String author, String reviewStatus, String createdAt) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public Generation {
        entityKind = check(entityKind, "entityKind", "user", "item");
        templateId = Objects.requireNonNull(templateId, "templateId");
        cacheKey = nz(cacheKey);
        model = nz(model);
        paramsJson = nz(paramsJson);
        promptHash = nz(promptHash);
        prompt = nz(prompt);
        rawOutput = nz(rawOutput);
        parsedJson = nz(parsedJson);
        status = check(status, "status", OK, FAILED);
        error = nz(error);
        provenance = check(provenance, "provenance", "llm", "imported", "edit");
        sourceFile = nz(sourceFile);
        author = nz(author);
        reviewStatus = check(reviewStatus == null || reviewStatus.isEmpty() ? "pending" : reviewStatus, "reviewStatus",
                "pending", "approved", "rejected");
        createdAt = nz(createdAt);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** A new LLM generation (id and time assigned on storing). */
    public static Generation llm(long datasetId, String entityKind, long entityId, String templateId, int templateVersion,
                                 String cacheKey, String model, String paramsJson, String promptHash, String prompt,
                                 long latencyMs, int promptTokens, int completionTokens, String rawOutput,
                                 String parsedJson, String status, String error) {
        return new Generation(0, datasetId, entityKind, entityId, templateId, templateVersion, cacheKey, model,
                paramsJson, promptHash, prompt, latencyMs, promptTokens, completionTokens, rawOutput, parsedJson,
                status, error, "llm", "", 0, 0, "", "pending", "");
    }

    /** A new imported generation from line {@code sourceLine} of {@code sourceFile}. */
    public static Generation imported(long datasetId, String entityKind, long entityId, String templateId, String model,
                                      String prompt, String rawOutput, String parsedJson, String sourceFile,
                                      long sourceLine) {
        return new Generation(0, datasetId, entityKind, entityId, templateId, 0, "", model, "", "", prompt, 0, 0, 0,
                rawOutput, parsedJson, OK, "", "imported", sourceFile, sourceLine, 0, "", "pending", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String check(String value, String what, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
}
