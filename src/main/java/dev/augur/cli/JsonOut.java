package dev.augur.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** The {@code --json} contract: the last line printed is one JSON object. */
final class JsonOut {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOut() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    static void print(PrintWriter out, ObjectNode o) {
        out.println(o.toString());
        out.flush();
    }
}
