package dev.augur.ui.profiles;

import dev.augur.core.store.EntityReview;
import dev.augur.core.store.Generation;
import dev.augur.core.store.HistoryEntry;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Profiles section says about a generation in words: its output, its provenance line, and its user's or
 * item's source data as read from the workspace.
 */
public final class GenerationText {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GenerationText() {
    }

    /** What a selection loads in the background: the source data and the entity's other generations. */
    record Detail(long generationId, String sourceTitle, String sourceText, String dataset, String externalId,
                  List<Generation> history) {
    }

    /** The source data of {@code g}'s user or item, and the entity's generations, oldest first. */
    static Detail readDetail(Workspace ws, Generation g) {
        WorkspaceReader r = ws.read();
        StringBuilder sb = new StringBuilder();
        String title;
        String dataset;
        String externalId;
        if ("item".equals(g.entityKind())) {
            ItemRecord item = r.item(g.entityId()).orElse(null);
            if (item == null) {
                return new Detail(g.id(), "Item #" + g.entityId() + " is no longer in the workspace", "", "", "",
                        ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
            }
            dataset = item.dataset();
            externalId = item.externalId();
            title = (item.title() == null || item.title().isBlank() ? "(no title)" : item.title()) + "  ·  item "
                    + item.externalId();
            sb.append("Categories: ").append(categories(item.categoriesJson())).append("\n\n");
            sb.append(item.description() == null || item.description().isBlank() ? "(no description)" : item.description())
                    .append("\n");
            List<EntityReview> reviews = r.reviewsOf("item", g.entityId(), 50);
            sb.append("\nReviews (").append(reviews.size()).append(reviews.size() == 50 ? ", newest" : "").append(")\n");
            for (EntityReview rv : reviews) {
                sb.append("• ").append(rating(rv.rating())).append(" by ").append(rv.userExternalId());
                appendReviewText(sb, rv);
            }
        } else {
            UserRecord user = r.user(g.entityId()).orElse(null);
            if (user == null) {
                return new Detail(g.id(), "User #" + g.entityId() + " is no longer in the workspace", "", "", "",
                        ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
            }
            dataset = user.dataset();
            externalId = user.externalId();
            title = "User " + user.externalId();
            if (user.attributesJson() != null && !user.attributesJson().isBlank() && !"{}".equals(user.attributesJson())) {
                sb.append("Attributes: ").append(user.attributesJson()).append("\n");
            }
            List<HistoryEntry> hist = r.userHistory(g.entityId(), 200);
            sb.append("History, oldest first (").append(hist.size()).append(hist.size() == 200 ? ", most recent" : "")
                    .append(")\n");
            for (HistoryEntry h : hist) {
                sb.append(time(h.ts())).append("  ").append(rating(h.value())).append("  ")
                        .append(h.title().isBlank() ? h.itemExternalId() : h.title() + " (" + h.itemExternalId() + ")")
                        .append("\n");
            }
            List<EntityReview> reviews = r.reviewsOf("user", g.entityId(), 20);
            if (!reviews.isEmpty()) {
                sb.append("\nReviews (newest first)\n");
                for (EntityReview rv : reviews) {
                    sb.append("• ").append(rating(rv.rating())).append(" on ")
                            .append(rv.itemTitle().isBlank() ? rv.itemExternalId() : rv.itemTitle());
                    appendReviewText(sb, rv);
                }
            }
        }
        return new Detail(g.id(), title, sb.toString(), dataset, externalId,
                ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
    }

    private static void appendReviewText(StringBuilder sb, EntityReview rv) {
        if (!rv.summary().isBlank()) {
            sb.append(": ").append(rv.summary());
        }
        sb.append("\n");
        if (!rv.text().isBlank()) {
            sb.append("  ").append(rv.text()).append("\n");
        }
    }

    /** An item's categories JSON array as "a, b, c" ("none" when empty; the raw text when not JSON). */
    public static String categories(String json) {
        try {
            JsonNode n = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
            List<String> out = new ArrayList<>();
            n.forEach(c -> out.add(c.asText()));
            return out.isEmpty() ? "none" : String.join(", ", out);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String rating(Double v) {
        return v == null ? "–" : (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v)) + "★";
    }

    private static String time(Long ts) {
        if (ts == null) {
            return "(no time)";
        }
        long seconds = ts > 100_000_000_000L ? ts / 1000 : ts;
        return Instant.ofEpochSecond(seconds).toString().substring(0, 10);
    }

    /** The parsed JSON pretty-printed; the raw output with the error for a failed generation. */
    public static String display(Generation g) {
        if (!g.ok()) {
            return "Failed: " + (g.error().isBlank() ? "no error recorded" : g.error()) + "\n\nRaw output:\n"
                    + (g.rawOutput().isBlank() ? "(none)" : g.rawOutput());
        }
        if (g.parsedJson().isBlank()) {
            return g.rawOutput();
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(g.parsedJson()));
        } catch (JsonProcessingException e) {
            return g.parsedJson();
        }
    }

    /**
     * {@code text} as compact JSON, for storing an edit; throws IllegalArgumentException saying why when it is not
     * exactly one JSON value.
     */
    static String compactJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("the text is empty");
            }
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** "model · template@version · prompt 1a2b3c4d · 1,234 ms · 100+50 tokens · llm" and the import/edit origin. */
    public static String provenance(Generation g) {
        List<String> parts = new ArrayList<>();
        parts.add(g.model().isBlank() ? "model unknown" : g.model());
        parts.add(g.templateId() + (g.templateVersion() > 0 ? "@" + g.templateVersion() : ""));
        if (!g.promptHash().isBlank()) {
            parts.add("prompt " + g.promptHash().substring(0, Math.min(8, g.promptHash().length())));
        }
        if (g.latencyMs() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d ms", g.latencyMs()));
        }
        if (g.promptTokens() + g.completionTokens() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d+%,d tokens", g.promptTokens(), g.completionTokens()));
        }
        parts.add(g.provenance());
        if ("imported".equals(g.provenance()) && !g.sourceFile().isBlank()) {
            parts.add("from " + g.sourceFile() + ":" + g.sourceLine());
        }
        if ("edit".equals(g.provenance())) {
            parts.add("edited by " + (g.author().isBlank() ? "unknown" : g.author()) + " from #" + g.parentId());
        }
        parts.add("#" + g.id());
        if (!g.createdAt().isBlank()) {
            parts.add(g.createdAt());
        }
        return String.join(" · ", parts);
    }
}
