package dev.augur.ui.rankings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the metrics table: a model on a slice (all users, cold items, head items, users with 1–5 training
 * items, …) with its metrics at one K. Built from a result in its stored form ({@code EvalResult.toMap()}), so a
 * run evaluated now and a run read back from the workspace look the same. Missing values are NaN (runs stored
 * before slices carried GAUC and exposure; {@code share} exists on item slices only).
 */
public record MetricRow(String model, String slice, long users, Map<String, Double> values) {
    public static final String ALL = "all";
    /** The table's metric columns, in order; {@link #header} gives each its heading at a K. */
    public static final List<String> METRICS = List.of("ndcg", "recall", "precision", "hr", "mrr", "map", "gauc",
            "coverage", "gini", "avg_pop", "share", "fit_s", "eval_s");

    private static final List<String> ACCURACY = List.of("ndcg", "recall", "precision", "hr", "mrr", "map", "gauc");

    public double value(String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }

    /** "ndcg@10", "gauc", "fit s". */
    public static String header(String metric, int k) {
        return switch (metric) {
            case "gauc" -> "gauc";
            case "fit_s" -> "fit s";
            case "eval_s" -> "eval s";
            default -> metric + "@" + k;
        };
    }

    /** The key of {@code metric} at {@code k} in a stored result map. */
    static String key(String metric, int k) {
        return switch (metric) {
            case "gauc" -> "gauc";
            case "fit_s" -> "fit_seconds";
            case "eval_s" -> "eval_seconds";
            default -> metric + "@" + k;
        };
    }

    /** Rows for every model (in the map's order) on "all" and then each of its slices. */
    public static List<MetricRow> rows(Map<String, Map<String, Object>> models, int k) {
        List<MetricRow> out = new ArrayList<>();
        models.forEach((model, result) -> {
            Map<String, Double> all = new LinkedHashMap<>();
            for (String m : METRICS) {
                all.put(m, number(result.get(key(m, k))));
            }
            out.add(new MetricRow(model, ALL, (long) number(result.get("users")), all));
            Object slices = result.get("slices");
            if (slices instanceof Map<?, ?> bySlice) {
                bySlice.forEach((slice, metrics) -> {
                    Map<?, ?> s = metrics instanceof Map<?, ?> m ? m : Map.of();
                    Map<String, Double> v = new LinkedHashMap<>();
                    for (String m : METRICS) {
                        v.put(m, number(s.get(key(m, k))));
                    }
                    double users = number(s.get("users"));
                    if (!(users > 0)) {
                        // no test user in the slice: its accuracy was not measured (not 0); an item slice's
                        // exposure in everyone's lists still was, a user slice has no lists
                        boolean userSlice = String.valueOf(slice).startsWith("users:");
                        v.replaceAll((m, x) -> userSlice || ACCURACY.contains(m) ? Double.NaN : x);
                    }
                    out.add(new MetricRow(model, String.valueOf(slice), Double.isNaN(users) ? 0 : (long) users, v));
                });
            }
        });
        return out;
    }

    /** The cut-offs a result map has metrics for ({@code ndcg@5}, {@code ndcg@10} → 5, 10). */
    public static Set<Integer> ks(Map<String, Map<String, Object>> models) {
        Set<Integer> ks = new TreeSet<>();
        for (Map<String, Object> r : models.values()) {
            for (String key : r.keySet()) {
                if (key.startsWith("ndcg@")) {
                    try {
                        ks.add(Integer.parseInt(key.substring(5)));
                    } catch (NumberFormatException e) {
                        // not a cut-off: ignore
                    }
                }
            }
        }
        return ks;
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
