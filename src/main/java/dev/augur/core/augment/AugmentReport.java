package dev.augur.core.augment;

/**
 * What one augmentation run did. {@code generated}: new ok generations; {@code cached}: entities that already had an
 * ok generation under the same cache key (no LLM call); {@code failed}: stored as failed (retried on the next run);
 * {@code llmCalls}: every call to the model, retries and re-asks included; token counts as the provider reported.
 */
public record AugmentReport(String dataset, String templateId, int templateVersion, String model, long total,
                            long generated, long cached, long failed, long llmCalls, long retries, long reasks,
                            double seconds, long promptTokens, long completionTokens) {
}
