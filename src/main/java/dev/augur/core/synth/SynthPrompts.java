package dev.augur.core.synth;

import dev.augur.core.store.Generation;
import dev.augur.core.store.HistoryEntry;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of the synthetic-interaction templates: a user's most recent history (date · title · rating), an
 * item's title, categories, description and latest generated profile (any profile template's newest ok
 * generation), and a list of candidate items. Item and history reads are cached for the run.
 */
final class SynthPrompts {
    /** Most recent interactions shown of a user. */
    static final int HISTORY = 20;
    private static final int DESCRIPTION_CHARS = 600;
    private static final int PROFILE_CHARS = 800;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Workspace ws;
    private final long datasetId;
    private final Set<String> ownTemplates;
    private final String scale;
    private final Map<Long, String> histories = new HashMap<>();
    private final Map<Long, ItemRecord> items = new HashMap<>();

    SynthPrompts(Workspace ws, long datasetId, Set<String> ownTemplates, RatingScale scale) {
        this.ws = ws;
        this.datasetId = datasetId;
        this.ownTemplates = ownTemplates;
        this.scale = scale.describe();
    }

    /** Variables of the pair template for user {@code userId} (with {@code historySize} interactions) and item {@code itemId}. */
    synchronized Map<String, String> pair(long userId, String userExternalId, int historySize, long itemId) {
        ItemRecord item = item(itemId);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("user_id", userExternalId);
        v.put("history_size", Integer.toString(historySize));
        v.put("history", history(userId));
        v.put("item_id", item.externalId());
        v.put("item_title", orNone(oneLine(item.title())));
        v.put("item_categories", categories(item.categoriesJson()));
        v.put("item_description", orNone(cap(oneLine(item.description()), DESCRIPTION_CHARS)));
        v.put("item_profile", profile(itemId));
        v.put("scale", scale);
        return v;
    }

    /** Variables of the picks template for one user and candidate items (workspace ids). */
    synchronized Map<String, String> picks(long userId, String userExternalId, int historySize, List<Long> candidates) {
        StringBuilder b = new StringBuilder();
        for (long id : candidates) {
            ItemRecord item = item(id);
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(item.externalId()).append(" · ").append(orNone(oneLine(item.title()))).append(" · ")
                    .append(categories(item.categoriesJson()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("user_id", userExternalId);
        v.put("history_size", Integer.toString(historySize));
        v.put("history", history(userId));
        v.put("candidates", b.toString());
        v.put("scale", scale);
        return v;
    }

    synchronized ItemRecord item(long itemId) {
        return items.computeIfAbsent(itemId, id -> ws.read().item(id)
                .orElseThrow(() -> new IllegalStateException("no item " + id + " in " + ws.file())));
    }

    private String history(long userId) {
        return histories.computeIfAbsent(userId, id -> {
            List<HistoryEntry> h = ws.read().userHistory(id, HISTORY);
            if (h.isEmpty()) {
                return "(none)";
            }
            StringBuilder b = new StringBuilder();
            for (HistoryEntry e : h) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(e.ts() == null ? "unknown date" : DATE.format(Instant.ofEpochSecond(e.ts()))).append(" · ")
                        .append(e.title().isBlank() ? e.itemExternalId() : oneLine(e.title())).append(" · ")
                        .append(e.value() == null ? "-" : RatingScale.number(e.value()));
            }
            return b.toString();
        });
    }

    /** The newest ok generation of a profile template (not one of these templates' own answers) for the item. */
    private String profile(long itemId) {
        List<Generation> all = ws.generations().history(datasetId, "item", itemId);
        for (int k = all.size() - 1; k >= 0; k--) {
            Generation g = all.get(k);
            if (g.ok() && !ownTemplates.contains(g.templateId())) {
                String text = g.parsedJson().isBlank() ? g.rawOutput() : g.parsedJson();
                return orNone(cap(oneLine(text), PROFILE_CHARS));
            }
        }
        return "(none)";
    }

    private static String categories(String json) {
        try {
            JsonNode n = json == null || json.isBlank() ? null : JSON.readTree(json);
            if (n == null || !n.isArray() || n.isEmpty()) {
                return "(none)";
            }
            StringBuilder b = new StringBuilder();
            for (JsonNode c : n) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(c.isTextual() ? c.asText() : c.toString());
            }
            return b.toString();
        } catch (Exception e) {
            return oneLine(json);
        }
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
