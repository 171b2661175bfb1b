package dev.augur.core.rank.models;

import java.util.Optional;

/**
 * Where the LLM re-ranker keeps the model's answers, so that no ranking depends on an uncached LLM call (ADR 0007):
 * keyed by SHA-256 of template id and version, rendered prompt, model and parameters, exactly as profile generations
 * are. Implementations must be thread-safe (users are re-ranked from several threads). {@link InMemoryRerankCache}
 * lives as long as the process; to keep answers for good, back it with the workspace's generations:
 * {@code get} = {@code GenerationStore.findOkByCacheKey(key).map(Generation::rawOutput)}, {@code put} = one
 * {@code Generation.llm} row (entity kind user, the user's workspace id, status ok) built from the {@link Entry}.
 */
public interface RerankCache {

    /** The raw answer stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores a readable answer (a call whose answer held no readable ranking is not stored, and is asked again). */
    void put(String key, Entry entry);

    /**
     * One answer with what a store needs for its provenance.
     *
     * @param user       the dense user index it ranks for (the caller maps it to a workspace id)
     * @param paramsJson the generation parameters as canonical JSON (sorted keys)
     * @param parsedJson the ranking as read back, {@code {"ranking": [candidate numbers…]}}
     */
    record Entry(int user, String templateId, int templateVersion, String model, String paramsJson, String system,
                 String prompt, String rawOutput, String parsedJson, long latencyMs, int promptTokens,
                 int completionTokens) {
    }
}
