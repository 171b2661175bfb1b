package dev.augur.core.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.augur.core.review.ReviewExport.JSON;
import static dev.augur.core.review.ReviewExport.number;
import static dev.augur.core.review.ReviewExport.token;

/** The scalar attributes of a RecBole file's rows: their columns, float when every value is a number, else token. */
final class RecBoleAttributes {
    private final List<String> reserved;
    private final Map<String, String> columns = new LinkedHashMap<>(); // attribute key → column name
    private final Map<String, Boolean> numeric = new HashMap<>();

    RecBoleAttributes(List<String> reserved) {
        this.reserved = reserved;
    }

    void scan(String json) {
        JsonNode o = parse(json);
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                continue;
            }
            String column = e.getKey().strip().replaceAll("[\\s:]+", "_");
            if (!columns.containsKey(e.getKey())) {
                if (column.isEmpty() || reserved.contains(column.toLowerCase(Locale.ROOT))
                        || columns.containsValue(column)) {
                    continue;
                }
                columns.put(e.getKey(), column);
            }
            numeric.merge(e.getKey(), v.isNumber(), Boolean::logicalAnd);
        }
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    String header() {
        StringBuilder b = new StringBuilder();
        columns.forEach((key, column) -> b.append('\t').append(column).append(':')
                .append(numeric.get(key) ? "float" : "token"));
        return b.toString();
    }

    String values(String json) {
        JsonNode o = parse(json);
        StringBuilder b = new StringBuilder();
        for (String key : columns.keySet()) {
            JsonNode v = o.get(key);
            b.append('\t');
            if (v != null && v.isValueNode() && !v.isNull()) {
                b.append(numeric.get(key) ? number(v.asDouble()) : token(v.asText()));
            }
        }
        return b.toString();
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = json == null || json.isBlank() ? null : JSON.readTree(json);
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
