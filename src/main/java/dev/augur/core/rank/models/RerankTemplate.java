package dev.augur.core.rank.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augur.core.augment.PromptRenderer;
import dev.augur.core.augment.RenderedPrompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listwise re-ranking prompt: the same JSON file format as the profile templates ({@code resources/prompts},
 * fields id, version, target, title, paper, system, task, data, schema, maxTokens, temperature) with target
 * {@value #TARGET}. The augment {@code TemplateRegistry} only knows the targets users and items, so this class reads
 * the file itself. Variables: {@code {{history}}} and {@code {{candidates}}} in {@code data} (dataset text, wrapped in
 * one data block with {@code <data}/{@code </data} neutralised, as the profile renderer does) and {@code {{n}}}, the
 * number of candidates, anywhere.
 *
 * <p>The schema's {@code ranking} array is narrowed per call to the candidates' numbers ({@code items.enum} 1..n,
 * {@code minItems}/{@code maxItems} n) unless the template sets those itself: llama.cpp's grammar and servers with
 * structured output then cannot return a number that is not a candidate, or too few.
 */
public record RerankTemplate(String id, int version, String title, String paper, String system, String task,
                             String data, String schemaJson, int maxTokens, double temperature) {
    public static final String TARGET = "rankings";
    /** The bundled template's class-path location. */
    public static final String BUNDLED = "/prompts/llmrank-listwise.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final Pattern DELIMITER = Pattern.compile("<(\\s*/?\\s*data)", Pattern.CASE_INSENSITIVE);

    public RerankTemplate {
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, "");
        paper = Objects.requireNonNullElse(paper, "");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schemaJson, "schemaJson");
        if (version < 1) {
            throw new IllegalArgumentException("template " + id + ": version must be 1 or more: " + version);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("template " + id + ": maxTokens must be positive: " + maxTokens);
        }
        if (!data.contains("{{candidates}}")) {
            throw new IllegalArgumentException("template " + id + ": its data must contain {{candidates}}");
        }
    }

    /** The template shipped with the app. */
    public static RerankTemplate bundled() {
        try (InputStream in = RerankTemplate.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled re-ranking template " + BUNDLED + " is missing");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "prompts/llmrank-listwise.json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED, e);
        }
    }

    /** Parses a template file's JSON (an edited version, say); {@code where} names it in errors. */
    public static RerankTemplate fromJson(String json, String where) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException(where + ": a template must be a JSON object");
        }
        String target = required(o, "target", where).asText();
        if (!TARGET.equals(target)) {
            throw new IllegalArgumentException(where + ": a re-ranking template has target '" + TARGET + "', not '"
                    + target + "'");
        }
        JsonNode schema = o.path("schema");
        if (!schema.isObject() || !schema.path("properties").path("ranking").isObject()) {
            throw new IllegalArgumentException(where
                    + ": 'schema' must be a JSON Schema object with a 'ranking' property");
        }
        try {
            return new RerankTemplate(required(o, "id", where).asText(), required(o, "version", where).asInt(),
                    o.path("title").asText(""), o.path("paper").asText(""), required(o, "system", where).asText(),
                    required(o, "task", where).asText(), required(o, "data", where).asText(),
                    JSON.writeValueAsString(schema), o.path("maxTokens").asInt(256), o.path("temperature").asDouble(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The prompt for one user: {@code history} titles (oldest first) as a bulleted list (unnumbered, so that no
     * history number can be mistaken for a candidate's), {@code candidates} titles numbered {@code [1]..[n]} in the
     * retriever's order.
     */
    public RenderedPrompt render(List<String> history, List<String> candidates) {
        int n = candidates.size();
        StringBuilder h = new StringBuilder();
        for (int j = 0; j < history.size(); j++) {
            h.append(j == 0 ? "" : "\n").append("- ").append(oneLine(history.get(j)));
        }
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < n; j++) {
            c.append(j == 0 ? "" : "\n").append('[').append(j + 1).append("] ").append(oneLine(candidates.get(j)));
        }
        String count = Integer.toString(n);
        String body = substitute(data, Map.of("history", history.isEmpty() ? "(none)" : h.toString(),
                "candidates", c.toString(), "n", count), true);
        String user = substitute(task, Map.of("n", count), false).strip() + "\n\n" + PromptRenderer.DATA_RULE
                + "\n\n<data id=\"ranking\">\n" + body.strip() + "\n</data>";
        return new RenderedPrompt(substitute(system, Map.of("n", count), false).strip(), user);
    }

    /** The schema for {@code n} candidates (see the class comment), as JSON text. */
    public String schemaFor(int n) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(schemaJson);
            JsonNode node = schema.path("properties").path("ranking");
            if (node instanceof ObjectNode ranking) {
                if (!ranking.has("minItems")) {
                    ranking.put("minItems", n);
                }
                if (!ranking.has("maxItems")) {
                    ranking.put("maxItems", n);
                }
                if (ranking.path("items") instanceof ObjectNode items && !items.has("enum")
                        && "integer".equals(items.path("type").asText())) {
                    ArrayNode values = items.putArray("enum");
                    for (int j = 1; j <= n; j++) {
                        values.add(j);
                    }
                }
            }
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template " + id + " has an invalid schema", e);
        }
    }

    private static String substitute(String text, Map<String, String> values, boolean neutralise) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            String value = v == null ? m.group() : neutralise ? DELIMITER.matcher(v).replaceAll("‹$1") : v;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= 160 ? t : t.substring(0, 160) + "…";
    }

    private static JsonNode required(JsonNode o, String field, String where) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(where + ": missing field '" + field + "'");
        }
        return n;
    }
}
