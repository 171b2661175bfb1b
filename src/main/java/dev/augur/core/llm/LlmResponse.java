package dev.augur.core.llm;

/** What the model said, with its token counts (as reported by the provider, or counted) and wall-clock latency. */
public record LlmResponse(String text, int promptTokens, int completionTokens, long latencyMillis, String finishReason) {
}
