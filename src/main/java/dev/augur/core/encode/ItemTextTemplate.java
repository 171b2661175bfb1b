package dev.augur.core.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augur.core.store.ItemRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item text from a template over its fields: {@code {title}}, {@code {description}}, {@code {categories}} (joined
 * with commas), {@code {id}} and {@code {attr.NAME}} for any attribute (e.g. {@code {attr.genres}}). A field that is
 * empty drops the separator before it, so "{title}. {description}" on an item without a description is just the title.
 */
public final class ItemTextTemplate {
    public static final String DEFAULT = "{title}. {categories}. {description}";
    private static final Pattern FIELD = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_.-]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String template;
    private final List<String> literals = new ArrayList<>(); // literals.get(i) precedes fields.get(i)
    private final List<String> fields = new ArrayList<>();
    private final String tail;

    public ItemTextTemplate(String template) {
        this.template = template;
        Matcher m = FIELD.matcher(template);
        int at = 0;
        while (m.find()) {
            String f = m.group(1);
            if (!f.equals("title") && !f.equals("description") && !f.equals("categories") && !f.equals("id")
                    && !f.startsWith("attr.")) {
                throw new IllegalArgumentException("unknown field {" + f + "} in text template \"" + template
                        + "\"; use {title}, {description}, {categories}, {id} or {attr.NAME}");
            }
            literals.add(template.substring(at, m.start()));
            fields.add(f);
            at = m.end();
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("text template \"" + template + "\" names no field, e.g. {title}");
        }
        tail = template.substring(at);
    }

    /** The template as written; stored as the vectors' {@code field}, so each template is its own vector set. */
    public String template() {
        return template;
    }

    public String render(ItemRecord item) {
        StringBuilder sb = new StringBuilder();
        JsonNode attrs = null;
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            String v;
            if (f.startsWith("attr.")) {
                if (attrs == null) {
                    attrs = parse(item.attributesJson());
                }
                v = text(attrs.get(f.substring(5)));
            } else {
                v = switch (f) {
                    case "title" -> item.title();
                    case "description" -> item.description();
                    case "categories" -> text(parse(item.categoriesJson()));
                    default -> item.externalId();
                };
            }
            if (v == null || v.isBlank()) {
                continue;
            }
            if (sb.length() > 0 || i == 0) {
                sb.append(literals.get(i));
            }
            sb.append(v.strip());
        }
        if (sb.length() > 0) {
            sb.append(tail);
        }
        return sb.toString().strip();
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> {
                String s = text(x);
                if (!s.isBlank()) {
                    parts.add(s);
                }
            });
            return String.join(", ", parts);
        }
        if (n.isObject()) {
            return n.toString();
        }
        return n.asText();
    }
}
