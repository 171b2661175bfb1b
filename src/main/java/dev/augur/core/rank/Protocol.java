package dev.augur.core.rank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides an evaluation's numbers besides the model: split, filters, seed, ranking mode, the
 * cut-offs, which part is scored ({@code test}, or {@code valid} for tuning) and, when only some users are
 * scored (the LLM re-ranker), how many. Stored next to every run's results.
 */
public record Protocol(SplitSpec split, Filters filters, long seed, EvalMode mode, List<Integer> ks, String target,
                       int maxUsers) {
    public Protocol {
        ks = List.copyOf(ks);
        if (ks.isEmpty() || ks.stream().anyMatch(k -> k <= 0)) {
            throw new IllegalArgumentException("cut-offs K must be positive, not " + ks);
        }
        if (!target.equals("test") && !target.equals("valid")) {
            throw new IllegalArgumentException("target must be test or valid");
        }
    }

    public static Protocol of(SplitSpec split, long seed, List<Integer> ks) {
        return new Protocol(split, Filters.NONE, seed, EvalMode.FULL, ks, "test", 0);
    }

    public int maxK() {
        return ks.stream().mapToInt(Integer::intValue).max().orElse(10);
    }

    public Protocol withFilters(Filters f) {
        return new Protocol(split, f, seed, mode, ks, target, maxUsers);
    }

    public Protocol withMode(EvalMode m) {
        return new Protocol(split, filters, seed, m, ks, target, maxUsers);
    }

    public Protocol withMaxUsers(int n) {
        return new Protocol(split, filters, seed, mode, ks, target, n);
    }

    /** One line a reader can check the numbers against. */
    public String describe() {
        return split.describe() + "; " + filters.describe() + "; " + mode.describe() + "; K=" + ks + "; seed " + seed
                + "; scored on " + target + (maxUsers > 0 ? "; " + maxUsers + " users sampled" : "; all users");
    }

    /** The protocol as a JSON-ready map (stable key order). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", split.text());
        m.put("seed", seed);
        m.put("mode", mode.text());
        m.put("ks", ks);
        m.put("target", target);
        m.put("min_rating", Double.isNaN(filters.minRating()) ? null : filters.minRating());
        m.put("min_user_interactions", filters.minUserInteractions());
        m.put("min_item_interactions", filters.minItemInteractions());
        m.put("with_synthetic", filters.withSynthetic());
        m.put("max_users", maxUsers);
        m.put("description", describe());
        return m;
    }

    /** Reads {@link #toMap()}'s form back. */
    public static Protocol fromMap(Map<String, Object> m) {
        Object minRating = m.get("min_rating");
        Filters f = new Filters(minRating == null ? Double.NaN : ((Number) minRating).doubleValue(),
                ((Number) m.getOrDefault("min_user_interactions", 0)).intValue(),
                ((Number) m.getOrDefault("min_item_interactions", 0)).intValue(),
                Boolean.TRUE.equals(m.get("with_synthetic")));
        @SuppressWarnings("unchecked")
        List<Number> ks = (List<Number>) m.get("ks");
        return new Protocol(SplitSpec.parse((String) m.get("split")), f, ((Number) m.get("seed")).longValue(),
                EvalMode.parse((String) m.getOrDefault("mode", "full")),
                ks.stream().map(Number::intValue).toList(), (String) m.getOrDefault("target", "test"),
                ((Number) m.getOrDefault("max_users", 0)).intValue());
    }
}
