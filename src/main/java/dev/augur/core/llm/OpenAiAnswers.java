package dev.augur.core.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON objects an OpenAI-compatible server answers with: a chat completion's first choice, its token
 * usage (estimated when the server leaves it out) and finish reason; a model list. Anything else is BAD_RESPONSE.
 */
final class OpenAiAnswers {

    private OpenAiAnswers() {
    }

    /**
     * The response to {@code request} from a chat-completions answer.
     * @param body   the raw answer, quoted (scrubbed, cut short) in errors
     * @param secret the API key to scrub from error text, or null
     */
    static LlmResponse chatCompletion(JsonNode root, String body, LlmRequest request, long latencyMillis, String secret) {
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE,
                    "the server answered without choices: " + HttpErrors.snippet(body, secret));
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            String refusal = choice.path("message").path("refusal").asText("");
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, refusal.isEmpty()
                    ? "the server's first choice has no text content"
                    : "the model refused: " + Redacted.scrub(refusal, secret));
        }
        String text = content.asText();
        JsonNode usage = root.path("usage");
        int promptTokens = usage.path("prompt_tokens").isNumber() ? usage.path("prompt_tokens").asInt()
                : estimateTokens(request.system()) + estimateTokens(request.user());
        int completionTokens = usage.path("completion_tokens").isNumber()
                ? usage.path("completion_tokens").asInt() : estimateTokens(text);
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : "unknown";
        return new LlmResponse(text, promptTokens, completionTokens, latencyMillis, finish);
    }

    /** Model ids from OpenAI's {@code data[].id} or Ollama's native {@code models[].name}. */
    static List<String> modelIds(JsonNode root, String body, String secret) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").asText());
            }
        }
        for (JsonNode m : root.path("models")) {
            JsonNode name = m.has("name") ? m.path("name") : m.path("model");
            if (name.isTextual()) {
                ids.add(name.asText());
            }
        }
        if (ids.isEmpty() && !root.path("data").isArray() && !root.path("models").isArray()) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE,
                    "not a model list: " + HttpErrors.snippet(body, secret));
        }
        return List.copyOf(ids);
    }

    static int estimateTokens(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
