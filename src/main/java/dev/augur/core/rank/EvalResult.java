package dev.augur.core.rank;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's evaluation: its parameters, the metrics over all scored users ({@code ndcg@10}, {@code recall@20},
 * {@code gauc}, {@code coverage@10}, …), the same ranking metrics per slice (each slice map also holds
 * {@code users}, how many users it averages over), how many users were scored and skipped (no training history or
 * no target item), and the time to fit and to evaluate.
 */
public record EvalResult(String model, Map<String, Object> params, Map<String, Double> metrics,
                         Map<String, Map<String, Double>> slices, int users, int skippedUsers, double fitSeconds,
                         double evalSeconds, Map<String, Object> extra) {

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + name + " in " + metrics.keySet());
        }
        return v;
    }

    public EvalResult withFitSeconds(double seconds) {
        return new EvalResult(model, params, metrics, slices, users, skippedUsers, seconds, evalSeconds, extra);
    }

    public EvalResult withExtra(Map<String, Object> more) {
        Map<String, Object> e = new LinkedHashMap<>(extra);
        e.putAll(more);
        return new EvalResult(model, params, metrics, slices, users, skippedUsers, fitSeconds, evalSeconds, e);
    }

    /** The JSON-ready form stored with a run and printed by {@code evaluate --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put("fit_seconds", fitSeconds);
        m.put("eval_seconds", evalSeconds);
        m.put("users", users);
        m.put("skipped_users", skippedUsers);
        m.put("params", params);
        m.put("slices", slices);
        m.putAll(extra);
        return m;
    }
}
