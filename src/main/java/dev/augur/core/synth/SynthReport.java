package dev.augur.core.synth;

import java.util.List;

/**
 * What a synthetic-interaction run did. {@code targets}: items or users it proposed for; {@code prompts}: questions
 * put to the model (pairs, or users with their candidates), answered by a call or from the cache; {@code created}:
 * new pending proposals; {@code duplicates}: proposals (or pairs) skipped because the pair was already proposed or
 * observed; {@code cached}: prompts answered from an earlier generation without a call; {@code failed}: prompts with
 * no valid answer (the call failed, or the answer broke the schema after one re-ask); {@code invalid}: answers, or
 * entries of a user's picks, that were valid JSON but unusable (an id that was not a candidate, a confidence outside
 * 0..1), never stored; {@code problems}: the first few reasons, for people.
 */
public record SynthReport(String dataset, String target, String templateId, int templateVersion, String model,
                          String contentSource, String collabModel, int targets, long prompts, long created,
                          long duplicates, long llmCalls, long cached, long failed, long invalid,
                          List<String> problems, double seconds) {
    public static final int MAX_PROBLEMS = 20;

    public SynthReport {
        problems = List.copyOf(problems);
    }
}
