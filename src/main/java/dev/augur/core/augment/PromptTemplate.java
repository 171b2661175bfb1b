package dev.augur.core.augment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One version of a prompt template. {@code system} holds instructions only; {@code task} is the instruction part of
 * the user message; {@code data} is the data block's body with variables ({@code {{title}}}, {@code {{description}}},
 * {@code {{categories}}}, {@code {{attributes}}}, {@code {{history}}}, {@code {{reviews}}}), which the renderer wraps
 * in delimiters; {@code schemaJson} is the JSON Schema the output must satisfy.
 *
 * @param author    who saved this version ({@value #BUNDLED} for the versions shipped with the app)
 * @param createdAt when it was saved (ISO-8601), "" for bundled versions
 */
public record PromptTemplate(String id, int version, AugmentTarget target, String title, String paper, String system,
                             String task, String data, String schemaJson, int maxTokens, double temperature,
                             String author, String createdAt) {
    public static final String BUNDLED = "bundled";
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public PromptTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        title = Objects.requireNonNullElse(title, "");
        paper = Objects.requireNonNullElse(paper, "");
        system = Objects.requireNonNull(system, "system");
        task = Objects.requireNonNull(task, "task");
        data = Objects.requireNonNull(data, "data");
        schemaJson = Objects.requireNonNull(schemaJson, "schemaJson");
        author = Objects.requireNonNullElse(author, "");
        createdAt = Objects.requireNonNullElse(createdAt, "");
        if (version < 1) {
            throw new IllegalArgumentException("template " + id + ": version must be 1 or more: " + version);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("template " + id + ": maxTokens must be positive: " + maxTokens);
        }
    }

    /** The schema as a JSON tree (a fresh copy). */
    public JsonNode schema() {
        try {
            return JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new AugmentException("template " + id + " v" + version + " has an invalid schema: " + e.getOriginalMessage(), e);
        }
    }

    public PromptTemplate withSystem(String s) {
        return new PromptTemplate(id, version, target, title, paper, s, task, data, schemaJson, maxTokens, temperature, author, createdAt);
    }

    public PromptTemplate withTask(String t) {
        return new PromptTemplate(id, version, target, title, paper, system, t, data, schemaJson, maxTokens, temperature, author, createdAt);
    }

    public PromptTemplate withData(String d) {
        return new PromptTemplate(id, version, target, title, paper, system, task, d, schemaJson, maxTokens, temperature, author, createdAt);
    }

    public PromptTemplate withSchemaJson(String s) {
        return new PromptTemplate(id, version, target, title, paper, system, task, data, s, maxTokens, temperature, author, createdAt);
    }

    public PromptTemplate withMaxTokens(int m) {
        return new PromptTemplate(id, version, target, title, paper, system, task, data, schemaJson, m, temperature, author, createdAt);
    }

    public PromptTemplate withTemperature(double t) {
        return new PromptTemplate(id, version, target, title, paper, system, task, data, schemaJson, maxTokens, t, author, createdAt);
    }

    PromptTemplate withVersion(int v, String newAuthor, String newCreatedAt) {
        return new PromptTemplate(id, v, target, title, paper, system, task, data, schemaJson, maxTokens, temperature, newAuthor, newCreatedAt);
    }

    /** The template file's JSON (fields id, version, target, title, paper, system, task, data, schema, maxTokens, temperature). */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("version", version);
        o.put("target", target.id());
        o.put("title", title);
        o.put("paper", paper);
        o.put("system", system);
        o.put("task", task);
        o.put("data", data);
        o.set("schema", schema());
        o.put("maxTokens", maxTokens);
        o.put("temperature", temperature);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a template file's JSON; {@code where} names it in errors. */
    public static PromptTemplate fromJson(String json, String where, String author, String createdAt) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !o.isObject()) {
                throw new AugmentException(where + ": a template must be a JSON object");
            }
            JsonNode schema = o.path("schema");
            if (!schema.isObject()) {
                throw new AugmentException(where + ": 'schema' must be a JSON Schema object");
            }
            return new PromptTemplate(required(o, "id", where).asText(), required(o, "version", where).asInt(),
                    AugmentTarget.parse(required(o, "target", where).asText()), o.path("title").asText(""),
                    o.path("paper").asText(""), required(o, "system", where).asText(), required(o, "task", where).asText(),
                    required(o, "data", where).asText(), JSON.writeValueAsString(schema),
                    o.path("maxTokens").asInt(512), o.path("temperature").asDouble(0.2), author, createdAt);
        } catch (JsonProcessingException e) {
            throw new AugmentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AugmentException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode o, String field, String where) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new AugmentException(where + ": missing field '" + field + "'");
        }
        return n;
    }
}
