package dev.augur.core.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a schema-valid answer into proposed values. What the schema cannot rule out is checked here and turned
 * into a reason instead of a proposal: a confidence outside 0..1, a rating outside 1..5, a picked id that was not
 * among the candidates, an id picked twice or both liked and disliked.
 */
final class Answers {
    private Answers() {
    }

    /** One proposed value for a counterpart (an item's external id for picks; "" for a pair). */
    record Proposed(String itemExternalId, double value, double confidence, String rationale) {
    }

    /** The usable proposals of one answer and why the rest were not usable. */
    record Parsed(List<Proposed> proposals, List<String> invalid) {
    }

    /** A pair answer: {@code {"interact", "rating", "confidence", "rationale"}}. */
    static Parsed pair(JsonNode a, RatingScale scale) {
        JsonNode interact = a.get("interact");
        if (interact == null || !interact.isBoolean()) {
            return new Parsed(List.of(), List.of("no true/false 'interact' in the answer"));
        }
        String bad = check(a, interact.asBoolean());
        if (bad != null) {
            return new Parsed(List.of(), List.of(bad));
        }
        double value = interact.asBoolean() ? scale.interacted(a.get("rating").asInt()) : scale.notInteracted();
        return new Parsed(List.of(new Proposed("", value, a.get("confidence").asDouble(), rationale(a))), List.of());
    }

    /**
     * A picks answer: {@code {"likes": [{id, rating, confidence, rationale}], "dislikes": [{id, confidence,
     * rationale}]}}; {@code candidates} are the external ids that were offered.
     */
    static Parsed picks(JsonNode a, Set<String> candidates, RatingScale scale) {
        List<Proposed> out = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Set<String> liked = ids(a.path("likes"));
        Set<String> disliked = ids(a.path("dislikes"));
        Set<String> seen = new HashSet<>();
        for (String list : new String[] {"likes", "dislikes"}) {
            boolean like = list.equals("likes");
            for (JsonNode e : a.path(list)) {
                String id = e.path("id").asText("");
                if (!candidates.contains(id)) {
                    invalid.add("'" + id + "' is not one of the " + candidates.size() + " candidates");
                    continue;
                }
                if (liked.contains(id) && disliked.contains(id)) {
                    if (seen.add(id)) {
                        invalid.add("'" + id + "' is both liked and disliked");
                    }
                    continue;
                }
                if (!seen.add(id)) {
                    invalid.add("'" + id + "' is picked twice");
                    continue;
                }
                String bad = check(e, like);
                if (bad != null) {
                    invalid.add("'" + id + "': " + bad);
                    continue;
                }
                double value = like ? scale.interacted(e.get("rating").asInt()) : scale.notInteracted();
                out.add(new Proposed(id, value, e.get("confidence").asDouble(), rationale(e)));
            }
        }
        return new Parsed(out, invalid);
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> out = new HashSet<>();
        for (JsonNode e : list) {
            out.add(e.path("id").asText(""));
        }
        return out;
    }

    /** Why confidence (always) and rating (when {@code needsRating}) are unusable; null when they are fine. */
    private static String check(JsonNode e, boolean needsRating) {
        JsonNode c = e.get("confidence");
        if (c == null || !c.isNumber()) {
            return "no numeric 'confidence'";
        }
        if (!(c.asDouble() >= 0 && c.asDouble() <= 1)) {
            return String.format(Locale.ROOT, "confidence %s is not between 0 and 1", c.asText());
        }
        if (needsRating) {
            JsonNode r = e.get("rating");
            if (r == null || !r.isNumber() || r.asDouble() != Math.rint(r.asDouble())) {
                return "no whole-number 'rating'";
            }
            if (r.asInt() < 1 || r.asInt() > 5) {
                return "rating " + r.asText() + " is not between 1 and 5";
            }
        }
        return null;
    }

    private static String rationale(JsonNode e) {
        return e.path("rationale").asText("").replaceAll("\\s+", " ").strip();
    }
}
