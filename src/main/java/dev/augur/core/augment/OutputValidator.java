package dev.augur.core.augment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks model output against a template's JSON Schema: the subset the templates use ({@code type} object, array,
 * string, number, integer, boolean, null; {@code properties}, {@code required}, {@code additionalProperties: false},
 * {@code items}, {@code enum}, {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength}). Repairs what
 * small models commonly get wrong ({@code ```} fences, prose around the object, trailing commas) before giving up;
 * {@link #validateOrRepair} then asks the model once more with the errors.
 */
public final class OutputValidator {
    private static final int MAX_ERRORS = 10;

    private final JsonNode schema;

    public OutputValidator(JsonNode schema) {
        this.schema = schema;
    }

    /** The outcome of checking one output: valid or not, the parsed JSON (canonical text) and the errors. */
    public record Outcome(boolean valid, String json, String raw, List<String> errors, boolean repairedLocally,
                          boolean reasked) {
        public Outcome {
            errors = List.copyOf(errors);
        }

        /** The errors joined into one line, for the store. */
        public String reason() {
            return String.join("; ", errors);
        }
    }

    /** Asks the model again, given the errors of its previous answer; returns the new raw answer. */
    @FunctionalInterface
    public interface Reasker {
        String reask(String previous, List<String> errors);
    }

    /** Parses and validates {@code raw} as is. */
    public Outcome validate(String raw) {
        JsonNode node;
        try {
            node = PromptTemplate.JSON.readTree(raw);
        } catch (Exception e) {
            return new Outcome(false, "", raw, List.of("not valid JSON: " + firstLine(e.getMessage())), false, false);
        }
        if (node == null || node.isMissingNode()) {
            return new Outcome(false, "", raw, List.of("empty output"), false, false);
        }
        List<String> errors = errors(node);
        return new Outcome(errors.isEmpty(), errors.isEmpty() ? node.toString() : "", raw, errors, false, false);
    }

    /** The schema violations of {@code value}; empty when it is valid. */
    public List<String> errors(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
    }

    /** Validates; if invalid, repairs locally; if still invalid, validates after a local repair. */
    public Outcome validateOrRepairLocally(String raw) {
        Outcome first = validate(raw);
        if (first.valid()) {
            return first;
        }
        String repaired = repairLocally(raw);
        if (repaired.equals(raw)) {
            return first;
        }
        Outcome second = validate(repaired);
        return second.valid() ? new Outcome(true, second.json(), raw, List.of(), true, false) : first;
    }

    /**
     * Validates {@code raw}, repairs it locally if needed, and if it is still invalid asks {@code reasker} once with
     * the errors and checks (and locally repairs) that answer. The outcome's errors say why it failed.
     */
    public Outcome validateOrRepair(String raw, Reasker reasker) {
        Outcome local = validateOrRepairLocally(raw);
        if (local.valid()) {
            return local;
        }
        String again = reasker.reask(raw, local.errors());
        Outcome second = validateOrRepairLocally(again);
        if (second.valid()) {
            return new Outcome(true, second.json(), again, List.of(), second.repairedLocally(), true);
        }
        List<String> errors = new ArrayList<>();
        errors.add("invalid after one re-ask");
        errors.addAll(second.errors());
        return new Outcome(false, "", again, errors, false, true);
    }

    /** Strips {@code ```} fences, keeps the outermost {@code {…}} (or {@code […]}), drops trailing commas. */
    public static String repairLocally(String raw) {
        String s = raw.strip();
        if (s.startsWith("```")) {
            int nl = s.indexOf('\n');
            s = nl < 0 ? s.substring(3) : s.substring(nl + 1);
            int end = s.lastIndexOf("```");
            if (end >= 0) {
                s = s.substring(0, end);
            }
            s = s.strip();
        }
        int open = s.indexOf('{');
        int close = s.lastIndexOf('}');
        if (open >= 0 && close > open) {
            s = s.substring(open, close + 1);
        } else {
            int ao = s.indexOf('[');
            int ac = s.lastIndexOf(']');
            if (ao >= 0 && ac > ao) {
                s = s.substring(ao, ac + 1);
            }
        }
        return dropTrailingCommas(s);
    }

    /** Removes a comma followed (after blanks) by } or ], outside strings. */
    private static String dropTrailingCommas(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (inString) {
                out.append(ch);
                if (ch == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == ',') {
                int j = i + 1;
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && (s.charAt(j) == '}' || s.charAt(j) == ']')) {
                    continue;
                }
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            boolean ok = false;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    ok |= hasType(v, t.asText());
                }
            } else {
                ok = hasType(v, type.asText());
            }
            if (!ok) {
                errors.add(path + ": expected " + (type.isArray() ? type.toString() : type.asText()) + ", got " + typeOf(v));
                return;
            }
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray()) {
            boolean found = false;
            for (JsonNode e : en) {
                // JSON Schema compares numbers by value: 1 matches 1.0
                found |= e.equals(v) || (e.isNumber() && v.isNumber() && e.decimalValue().compareTo(v.decimalValue()) == 0);
            }
            if (!found) {
                errors.add(path + ": " + v + " is not one of " + en);
            }
        }
        if (v.isTextual()) {
            int len = v.asText().codePointCount(0, v.asText().length());
            if (schema.has("maxLength") && len > schema.get("maxLength").asInt()) {
                errors.add(path + ": longer than " + schema.get("maxLength").asInt() + " characters (" + len + ")");
            }
            if (schema.has("minLength") && len < schema.get("minLength").asInt()) {
                errors.add(path + ": shorter than " + schema.get("minLength").asInt() + " characters");
            }
        }
        if (v.isArray()) {
            if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
                errors.add(path + ": more than " + schema.get("maxItems").asInt() + " items (" + v.size() + ")");
            }
            if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems").asInt() + " items (" + v.size() + ")");
            }
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < v.size(); i++) {
                    check(items, v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            JsonNode props = schema.path("properties");
            JsonNode required = schema.get("required");
            if (required != null && required.isArray()) {
                for (JsonNode r : required) {
                    if (!v.has(r.asText())) {
                        errors.add(path + ": missing required property '" + r.asText() + "'");
                    }
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode sub = props.get(e.getKey());
                if (sub != null) {
                    check(sub, e.getValue(), path + "." + e.getKey(), errors);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(path + ": unexpected property '" + e.getKey() + "'");
                } else if (additional != null && additional.isObject()) {
                    check(additional, e.getValue(), path + "." + e.getKey(), errors);
                }
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String typeOf(JsonNode v) {
        if (v.isObject()) return "object";
        if (v.isArray()) return "array";
        if (v.isTextual()) return "string";
        if (v.isIntegralNumber()) return "integer";
        if (v.isNumber()) return "number";
        if (v.isBoolean()) return "boolean";
        return "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
