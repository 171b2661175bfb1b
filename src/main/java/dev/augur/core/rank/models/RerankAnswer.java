package dev.augur.core.rank.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable answer of the LLM re-ranker ({@link LlmReranker}): the distinct valid picks (0-based candidate
 * positions) in order, and the counts of what was wrong with the rest.
 *
 * @param invalid   entries that are no candidate number at all
 * @param duplicate entries naming a candidate already picked
 * @param invented  numbers outside the candidates
 * @param json      the picks as read back, {@code {"ranking": [candidate numbers…]}}
 */
record RerankAnswer(int[] picks, int invalid, int duplicate, int invented, String json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("^\\s*\\[?\\s*(-?\\d{1,9})\\s*]?(?:[\\s.:)].*)?$",
            Pattern.DOTALL);

    /**
     * Reads {@code text} as {@code {"ranking": [...]}} (or a bare array) over {@code n} candidates; null when it holds
     * no such array.
     */
    static RerankAnswer parse(String text, int n) {
        JsonNode root = readLenient(text);
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("ranking");
        if (list == null || !list.isArray()) {
            return null;
        }
        boolean[] seen = new boolean[n];
        int[] picks = new int[n];
        int w = 0;
        int invalid = 0;
        int duplicate = 0;
        int invented = 0;
        for (JsonNode e : list) {
            Integer number = number(e);
            if (number == null) {
                invalid++;
            } else if (number < 1 || number > n) {
                invented++;
            } else if (seen[number - 1]) {
                duplicate++;
            } else {
                seen[number - 1] = true;
                picks[w++] = number - 1;
            }
        }
        ObjectNode json = JSON.createObjectNode();
        ArrayNode ranking = json.putArray("ranking");
        for (int j = 0; j < w; j++) {
            ranking.add(picks[j] + 1);
        }
        return new RerankAnswer(Arrays.copyOf(picks, w), invalid, duplicate, invented, json.toString());
    }

    /** An integer, a whole float, or text starting with a number ("7", "[7]", "[7] Title"); else null. */
    private static Integer number(JsonNode e) {
        if (e.isIntegralNumber()) {
            return e.canConvertToInt() ? e.intValue() : Integer.MAX_VALUE;
        }
        if (e.isNumber()) {
            double d = e.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? (int) d : null;
        }
        if (e.isTextual()) {
            Matcher m = NUMBER.matcher(e.textValue());
            return m.matches() ? Integer.valueOf(m.group(1)) : null;
        }
        return null;
    }

    /** JSON from a model's text: as is, else the outermost {…} (code fences, a sentence around it). */
    private static JsonNode readLenient(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            int a = text.indexOf('{');
            int b = text.lastIndexOf('}');
            if (a < 0 || b <= a) {
                return null;
            }
            try {
                return JSON.readTree(text.substring(a, b + 1));
            } catch (JsonProcessingException again) {
                return null;
            }
        }
    }
}
