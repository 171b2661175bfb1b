package dev.augur.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body of an OpenAI chat-completions request: the system and user messages, temperature, seed and
 * {@code max_tokens}, no streaming; a JSON schema goes as
 * {@code response_format: {type: json_schema, json_schema: {name: output, schema, strict: true}}}.
 */
final class ChatRequestBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatRequestBody() {
    }

    /** The body as UTF-8 JSON; a schema that is not JSON is a CONFIGURATION error. */
    static byte[] of(String model, LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        root.put("temperature", request.temperature());
        root.put("seed", request.seed());
        root.put("max_tokens", request.maxTokens());
        root.put("stream", false);
        if (request.jsonSchema().isPresent()) {
            JsonNode schema;
            try {
                schema = JSON.readTree(request.jsonSchema().get());
            } catch (JsonProcessingException e) {
                throw new LlmException(LlmException.Kind.CONFIGURATION,
                        "the request's JSON schema is not valid JSON: " + e.getOriginalMessage());
            }
            ObjectNode format = root.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode jsonSchema = format.putObject("json_schema");
            jsonSchema.put("name", "output");
            jsonSchema.set("schema", schema);
            jsonSchema.put("strict", true);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
