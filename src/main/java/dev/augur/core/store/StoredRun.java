package dev.augur.core.store;

/**
 * One stored evaluation run: its task ({@code ranking} or {@code ctr}), a label, the protocol and the results as
 * JSON text. {@code id} and {@code createdAt} are assigned by {@link EvalRunStore#put} (pass 0 and "").
 */
public record StoredRun(long id, long datasetId, String task, String label, String protocolJson, String resultsJson,
                        String createdAt) {
}
