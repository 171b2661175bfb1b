package dev.augur.ui.rankings;

import dev.augur.core.rank.RankingService.StoredResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares stored runs with a baseline (one model of one run). Two runs are comparable only under the same
 * protocol: the same split, seed, mode, target, filters, sampled users and the same data (the split's counts).
 * The cut-offs may differ as long as both have the K compared; which text vectors were used is a model input, not
 * part of the protocol.
 */
public final class Experiments {
    /** Protocol keys that do not change what the numbers at one K mean. */
    private static final Set<String> IGNORED = Set.of("ks", "description", "text_vectors", "dataset");

    private Experiments() {
    }

    /** Every model of every run, in the runs' order (newest first) and each run's model order. */
    public static List<RunModel> keys(List<StoredResults> runs) {
        List<RunModel> out = new ArrayList<>();
        for (StoredResults r : runs) {
            r.models().keySet().forEach(m -> out.add(new RunModel(r.run().id(), m)));
        }
        return out;
    }

    /** The table rows at cut-off {@code k}, compared with {@code baseline} (null: no deltas). */
    public static List<ExperimentRow> rows(List<StoredResults> runs, RunModel baseline, int k) {
        StoredResults base = baseline == null ? null : runs.stream()
                .filter(r -> r.run().id() == baseline.runId()).findFirst().orElse(null);
        Map<String, Object> baseResult = base == null ? null : base.models().get(baseline.model());
        double baseNdcg = baseResult == null ? Double.NaN : MetricRow.number(baseResult.get("ndcg@" + k));
        double baseRecall = baseResult == null ? Double.NaN : MetricRow.number(baseResult.get("recall@" + k));
        List<ExperimentRow> out = new ArrayList<>();
        for (StoredResults r : runs) {
            List<String> differs = base == null ? List.of() : differences(base.protocol(), r.protocol());
            r.models().forEach((model, result) -> {
                RunModel key = new RunModel(r.run().id(), model);
                double ndcg = MetricRow.number(result.get("ndcg@" + k));
                double recall = MetricRow.number(result.get("recall@" + k));
                String flag;
                if (key.equals(baseline) && baseResult != null) {
                    flag = ExperimentRow.BASELINE;
                } else if (!differs.isEmpty()) {
                    flag = "⚠ different protocol: " + String.join(", ", differs);
                } else if (baseResult != null && (Double.isNaN(ndcg) || Double.isNaN(baseNdcg))) {
                    flag = "⚠ no ndcg@" + k + (Double.isNaN(ndcg) ? " in this run" : " in the baseline");
                } else {
                    flag = "";
                }
                if (flag.equals(ExperimentRow.BASELINE)) { // no differences to itself
                    out.add(new ExperimentRow(key, r.run().createdAt(), r.run().label(), r.describe(), ndcg, recall,
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, flag));
                    return;
                }
                out.add(new ExperimentRow(key, r.run().createdAt(), r.run().label(), r.describe(), ndcg, recall,
                        ndcg - baseNdcg, percent(ndcg, baseNdcg), recall - baseRecall, percent(recall, baseRecall),
                        flag));
            });
        }
        return out;
    }

    /**
     * The protocol settings in which {@code other} differs from {@code base}, by name ("split", "seed", "mode", …;
     * "data" when the split produced different counts, e.g. after a re-import).
     */
    public static List<String> differences(Map<String, Object> base, Map<String, Object> other) {
        Set<String> keys = new TreeSet<>(base.keySet());
        keys.addAll(other.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (!IGNORED.contains(key) && !same(base.get(key), other.get(key))) {
                out.add(key.equals("split_notes") ? "data" : key.replace('_', ' '));
            }
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static double percent(double value, double base) {
        return base == 0 || Double.isNaN(base) || Double.isNaN(value) ? Double.NaN : (value - base) / base * 100;
    }
}
