package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.HtmlText;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.store.DatasetWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Amazon importers share: detection over {@link AmazonLayout}, the read order (metadata, then
 * reviews), and field helpers that fail with {@link BadFieldException} naming the field.
 */
final class AmazonCommon {
    static final int CONFIDENCE = 80;

    private AmazonCommon() {
    }

    static Optional<Detection> detect(Importer importer, Path source, AmazonSchema schema) {
        return AmazonLayout.find(source, schema).map(l -> new Detection(importer, l.source(), CONFIDENCE, l.files(),
                l.name(), l.describe(schema.label())));
    }

    /** Metadata files first, so reviews find their items declared; a reviewed item without metadata is kept bare. */
    static void read(Detection d, DatasetWriter out, ImportContext ctx, AmazonSchema schema) {
        String name = d.source().getFileName() == null ? d.source().toString() : d.source().getFileName().toString();
        AmazonLayout layout = AmazonLayout.find(d.source(), schema).orElseThrow(() -> ctx.fatal(name, 0, "",
                "no longer looks like " + schema.label() + "; was it changed or removed during the import?"));
        layout.warnings().forEach(ctx::warn);
        for (Path meta : layout.meta()) {
            readMeta(meta, out, ctx, schema);
        }
        for (Path reviews : layout.reviews()) {
            readReviews(reviews, out, ctx, schema);
        }
    }

    private static void readMeta(Path file, DatasetWriter out, ImportContext ctx, AmazonSchema schema) {
        ctx.message("Reading " + file.getFileName());
        long[] repeated = {0};
        long[] firstRepeatLine = {0};
        AmazonJsonLines.each(file, ctx, (record, line) -> {
            AmazonSchema.Item item = schema.item(record);
            if (out.isItemDeclared(item.id())) {
                // Published 2018 meta files repeat some products line for line: keep the first, say how many.
                if (repeated[0]++ == 0) {
                    firstRepeatLine[0] = line;
                }
                return;
            }
            out.putItem(item.id(), item.title(), item.description(), item.categoriesJson(), item.attributesJson());
        });
        if (repeated[0] > 0) {
            ctx.warn(file.getFileName() + ": " + repeated[0] + " repeated " + schema.itemKey() + " line(s) ignored,"
                    + " the first at line " + firstRepeatLine[0] + "; the first line of each product was kept");
        }
    }

    /** Each review line is both an interaction (the rating) and a review (the text). */
    private static void readReviews(Path file, DatasetWriter out, ImportContext ctx, AmazonSchema schema) {
        ctx.message("Reading " + file.getFileName());
        AmazonJsonLines.each(file, ctx, (record, line) -> {
            AmazonSchema.Review r = schema.review(record);
            int user = out.user(r.user());
            int item = out.item(r.item()); // created bare when the metadata has no line for it
            out.interaction(user, item, r.rating(), r.ts(), -1);
            out.review(user, item, r.rating(), r.ts(), r.summary(), r.text(), r.attributesJson());
        });
    }

    // ---- fields ------------------------------------------------------------------------------------------

    static boolean has(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v != null && !v.isNull();
    }

    /** A non-empty scalar, as text. */
    static String requiredText(ObjectNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            throw new BadFieldException(field, "missing");
        }
        if (v.isContainerNode()) {
            throw new BadFieldException(field, "expected text, found " + (v.isArray() ? "a list" : "an object"));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            throw new BadFieldException(field, "empty");
        }
        return s;
    }

    /** A scalar as text, or null when absent; lists and objects count as absent. */
    static String text(ObjectNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A required rating: a number, or text holding one. */
    static double rating(ObjectNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            throw new BadFieldException(field, "missing");
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        if (v.isTextual()) {
            return Fields.number(v.textValue(), field);
        }
        throw new BadFieldException(field, "'" + Fields.abbreviate(v.toString()) + "' is not a number");
    }

    /** A whole number such as a Unix time, from a number or digits; null when absent. */
    static Long whole(ObjectNode record, String field, String expected) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue()) && Math.abs(v.doubleValue()) < 9e18) {
            return (long) Math.floor(v.doubleValue()); // 1529193600.0, as some converters write it
        }
        if (v.isTextual() && v.textValue().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(v.textValue().strip());
        }
        throw new BadFieldException(field, "'" + Fields.abbreviate(v.asText(v.toString())) + "' is not " + expected);
    }

    /** HTML-cleaned text, null when empty. */
    static String cleanText(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = HtmlText.clean(v.asText());
        return s.isEmpty() ? null : s;
    }

    /** The HTML-cleaned, non-empty strings of a list (or of a single string). */
    static List<String> cleanList(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                String s = cleanText(e);
                if (s != null) {
                    out.add(s);
                }
            });
        } else {
            String s = cleanText(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** A category list as a JSON array: cleaned, without repeats (2018 lists often repeat the root). */
    static String categories(JsonNode v) {
        return Json.array(new LinkedHashSet<>(cleanList(v)));
    }

    /** Description paragraphs joined with a blank line; null when there are none. */
    static String description(JsonNode v) {
        List<String> parts = cleanList(v);
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /**
     * Every field of {@code record} but those in {@code skip}, tidied: text cleaned of HTML, object keys
     * trimmed (2018 detail keys carry newlines and a trailing colon), empty values left out.
     */
    static ObjectNode attributes(ObjectNode record, Set<String> skip) {
        ObjectNode a = Json.object();
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            if (!skip.contains(e.getKey())) {
                JsonNode v = tidy(e.getValue());
                if (v != null) {
                    a.set(e.getKey(), v);
                }
            }
        }
        return a;
    }

    /** A value cleaned for storage, or null when it holds nothing. */
    static JsonNode tidy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            String s = cleanText(v);
            return s == null ? null : Json.MAPPER.getNodeFactory().textNode(s);
        }
        if (v.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            v.forEach(e -> {
                JsonNode t = tidy(e);
                if (t != null) {
                    a.add(t);
                }
            });
            return a.isEmpty() ? null : a;
        }
        if (v.isObject()) {
            ObjectNode o = Json.object();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                JsonNode t = tidy(e.getValue());
                String key = tidyKey(e.getKey());
                if (t != null && !key.isEmpty()) {
                    o.set(key, t);
                }
            }
            return o.isEmpty() ? null : o;
        }
        return v;
    }

    /** {@code "\n    Product Dimensions: \n    "} becomes {@code "Product Dimensions"}. */
    static String tidyKey(String key) {
        String k = HtmlText.clean(key);
        while (k.endsWith(":")) {
            k = k.substring(0, k.length() - 1).strip();
        }
        return k;
    }
}
