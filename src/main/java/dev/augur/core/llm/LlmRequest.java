package dev.augur.core.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * One completion request. {@code system} carries the instructions only; {@code user} carries the task and the
 * dataset text inside delimited data blocks (see core.augment's renderer). {@code jsonSchema}, when present, is a
 * JSON Schema (as JSON text) the output must satisfy: sent as {@code response_format} to HTTP servers and turned into
 * a grammar for llama.cpp.
 */
public record LlmRequest(String system, String user, Optional<String> jsonSchema, double temperature, long seed,
                         int maxTokens, Duration timeout) {
}
