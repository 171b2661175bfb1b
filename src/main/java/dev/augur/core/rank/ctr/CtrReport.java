package dev.augur.core.rank.ctr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CTR task's result: per feature variant the test AUC, GAUC and log loss, and — as the KAR-style papers
 * report it — each variant's gain over the first (base) variant.
 */
public record CtrReport(Map<String, Object> model, String labels, String protocol, Part train, Part valid,
                        Part test, List<Variant> variants) {

    public CtrReport {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least the base variant");
        }
        variants = List.copyOf(variants);
        model = new LinkedHashMap<>(model);
    }

    /** Size and positive share of one sample part. */
    public record Part(int samples, double positiveRate) {
        static Part of(CtrSamples s) {
            return new Part(s.size(), s.positiveRate());
        }
    }

    /**
     * One fitted variant, measured on the test part, overall and per slice ({@code dev.augur.core.rank.Slices}
     * names; only slices with test samples).
     */
    public record Variant(String name, CtrFeatures features, Map<String, Integer> fields, double auc, double gauc,
                          double logLoss, double fitSeconds, int epochs, Map<String, Slice> slices) {
        public Variant {
            fields = new LinkedHashMap<>(fields);
            slices = new LinkedHashMap<>(slices);
        }

        /** This variant against {@code base}. */
        public Gain over(Variant base) {
            return Gain.of(auc, logLoss, base.auc, base.logLoss);
        }
    }

    /** A variant's metrics on one slice of the test samples. */
    public record Slice(int samples, double auc, double gauc, double logLoss) {
        /** This slice against the same slice of {@code base}. */
        public Gain over(Slice base) {
            return Gain.of(auc, logLoss, base.auc, base.logLoss);
        }
    }

    /** AUC gain (absolute), RelaImpr in %, log-loss change (absolute; negative is better) and in %. */
    public record Gain(double auc, double relaImprPct, double logLoss, double logLossPct) {
        static Gain of(double auc, double logLoss, double baseAuc, double baseLogLoss) {
            double dLoss = logLoss - baseLogLoss;
            return new Gain(auc - baseAuc, CtrMetrics.relaImpr(auc, baseAuc), dLoss, dLoss / baseLogLoss * 100);
        }
    }

    public Variant base() {
        return variants.get(0);
    }

    /** The variant called {@code name}. */
    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + name + "' in the report"));
    }

    public Gain gain(String name) {
        return variant(name).over(base());
    }

    /** A JSON-ready form (stable key order; NaN as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "ctr");
        m.put("model", model);
        m.put("labels", labels);
        m.put("protocol", protocol);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("train", part(train));
        parts.put("valid", part(valid));
        parts.put("test", part(test));
        m.put("samples", parts);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Variant v : variants) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", v.name());
            e.put("features", v.features().groups().stream().map(CtrFeatures.Group::text).toList());
            e.put("fields", v.fields());
            e.put("auc", num(v.auc()));
            e.put("gauc", num(v.gauc()));
            e.put("logloss", num(v.logLoss()));
            e.put("fit_seconds", num(v.fitSeconds()));
            e.put("epochs", v.epochs());
            if (v != base()) {
                Gain g = v.over(base());
                Map<String, Object> vs = new LinkedHashMap<>();
                vs.put("auc_gain", num(g.auc()));
                vs.put("rela_impr_pct", num(g.relaImprPct()));
                vs.put("logloss_change", num(g.logLoss()));
                vs.put("logloss_change_pct", num(g.logLossPct()));
                e.put("vs_base", vs);
            }
            Map<String, Object> slices = new LinkedHashMap<>();
            v.slices().forEach((slice, sm) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("samples", sm.samples());
                x.put("auc", num(sm.auc()));
                x.put("gauc", num(sm.gauc()));
                x.put("logloss", num(sm.logLoss()));
                Slice baseSlice = base().slices().get(slice);
                if (v != base() && baseSlice != null) {
                    Gain g = sm.over(baseSlice);
                    x.put("auc_gain", num(g.auc()));
                    x.put("rela_impr_pct", num(g.relaImprPct()));
                    x.put("logloss_change_pct", num(g.logLossPct()));
                }
                slices.put(slice, x);
            });
            e.put("slices", slices);
            list.add(e);
        }
        m.put("variants", list);
        return m;
    }

    private static Map<String, Object> part(Part p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", p.samples());
        m.put("positive_rate", num(p.positiveRate()));
        return m;
    }

    private static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** A plain-text table for the terminal and the run log. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        b.append("CTR, ").append(model.get("model"));
        if (!Integer.valueOf(0).equals(model.get("factors"))) {
            b.append(" k=").append(model.get("factors"));
        }
        b.append("; ").append(labels).append('\n');
        b.append(protocol).append('\n');
        b.append(String.format(Locale.ROOT, "samples: train %d (%.1f%% positive), valid %d, test %d (%.1f%% positive)%n",
                train.samples(), 100 * train.positiveRate(), valid.samples(), test.samples(),
                100 * test.positiveRate()));
        int w = Math.max(8, variants.stream().mapToInt(v -> v.name().length()).max().orElse(0));
        int fw = Math.max(8, variants.stream().mapToInt(v -> v.features().label().length()).max().orElse(0));
        String head = "%-" + w + "s  %-" + fw + "s  %7s  %7s  %8s  %6s  %6s  %8s  %9s  %9s  %8s%n";
        b.append(String.format(Locale.ROOT, head, "variant", "features", "AUC", "GAUC", "LogLoss", "fit s",
                "epochs", "ΔAUC", "RelaImpr", "ΔLogLoss", "ΔLL %"));
        for (Variant v : variants) {
            boolean base = v == base();
            Gain g = v.over(base());
            b.append(String.format(Locale.ROOT, head, v.name(), v.features().label(), f4(v.auc()), f4(v.gauc()),
                    f4(v.logLoss()), String.format(Locale.ROOT, "%.1f", v.fitSeconds()), v.epochs(),
                    base ? "" : signed(g.auc(), 4), base ? "" : percent(g.relaImprPct(), 2),
                    base ? "" : signed(g.logLoss(), 4), base ? "" : percent(g.logLossPct(), 2)));
        }
        appendSlices(b, w);
        return b.toString();
    }

    /** Per slice: test samples, then each variant's AUC and, past the base, its RelaImpr on that slice. */
    private void appendSlices(StringBuilder b, int w) {
        if (base().slices().isEmpty()) {
            return;
        }
        b.append("by slice (test samples; AUC, and RelaImpr over base on the same slice):\n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s  %7s", "slice", "samples"));
        for (Variant v : variants) {
            head.append(String.format(Locale.ROOT, "  %" + Math.max(16, w) + "s", v.name()));
        }
        b.append(head).append('\n');
        for (Map.Entry<String, Slice> e : base().slices().entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s  %7d", e.getKey(),
                    e.getValue().samples()));
            for (Variant v : variants) {
                Slice s = v.slices().get(e.getKey());
                String cell = s == null ? "—" : v == base() ? f4(s.auc())
                        : f4(s.auc()) + " " + percent(s.over(e.getValue()).relaImprPct(), 1);
                line.append(String.format(Locale.ROOT, "  %" + Math.max(16, w) + "s", cell));
            }
            b.append(line).append('\n');
        }
    }

    private static String f4(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "—";
    }

    private static String percent(double d, int decimals) {
        return Double.isFinite(d) ? signed(d, decimals) + "%" : "—";
    }

    private static String signed(double d, int decimals) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%+." + decimals + "f", d) : "—";
    }
}
