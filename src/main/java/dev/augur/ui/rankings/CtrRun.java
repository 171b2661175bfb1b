package dev.augur.ui.rankings;

import dev.augur.core.store.StoredRun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored CTR comparison as the CTR tab shows it. It is read from the stored run only (the report's
 * {@code toMap()} form and the protocol written beside it), so a fresh run and the same run picked from the list
 * look the same.
 */
public record CtrRun(long runId, String createdAt, String label, String model, String labels, String protocol,
                     String samples, Map<String, String> sources, List<CtrRow> rows, Map<String, Slice> slices) {
    /** What the slice chooser calls the whole test part. */
    public static final String ALL = "all test samples";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The variants' rows on one slice of the test samples (cold items, tail items, short-history users …). */
    public record Slice(int samples, List<CtrRow> rows) {
        public Slice {
            rows = List.copyOf(rows);
        }
    }

    public CtrRun {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        rows = List.copyOf(rows);
        slices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slices));
    }

    /** {@link #ALL} and then every slice the run has, in report order. */
    public List<String> sliceNames() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        names.addAll(slices.keySet());
        return names;
    }

    /** The rows on {@code slice} ({@link #ALL} or a slice name); the whole test part for an unknown name. */
    public List<CtrRow> rows(String slice) {
        Slice s = slices.get(slice);
        return s == null ? rows : s.rows();
    }

    /** Parses a run of task {@code ctr}; a clear error when it is another task or its JSON cannot be read. */
    public static CtrRun of(StoredRun run) {
        if (!"ctr".equals(run.task())) {
            throw new IllegalArgumentException("run " + run.id() + " is a " + run.task() + " run, not a CTR run");
        }
        Map<String, Object> results;
        Map<String, Object> protocol;
        try {
            results = JSON.readValue(run.resultsJson(), new TypeReference<>() { });
            protocol = run.protocolJson().isBlank() ? Map.of() : JSON.readValue(run.protocolJson(),
                    new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored CTR run " + run.id() + " is not valid JSON: " + e.getMessage(), e);
        }
        List<CtrRow> rows = new ArrayList<>();
        Map<String, List<CtrRow>> sliceRows = new LinkedHashMap<>();
        Map<String, Integer> sliceSamples = new LinkedHashMap<>();
        for (Object o : list(results.get("variants"))) {
            Map<String, Object> v = map(o);
            CtrRow whole = row(v);
            rows.add(whole);
            map(v.get("slices")).forEach((name, x) -> {
                Map<String, Object> sm = map(x);
                sliceRows.computeIfAbsent(name, k -> new ArrayList<>()).add(sliceRow(whole, sm));
                sliceSamples.putIfAbsent(name, (int) number(sm.get("samples")));
            });
        }
        Map<String, Slice> slices = new LinkedHashMap<>();
        sliceRows.forEach((name, r) -> slices.put(name, new Slice(sliceSamples.get(name), r)));
        if (rows.isEmpty()) {
            throw new IllegalStateException("stored CTR run " + run.id() + " has no variants");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        map(protocol.get("feature_sources")).forEach((k, v) -> sources.put(k, String.valueOf(v)));
        return new CtrRun(run.id(), run.createdAt(), run.label(), model(map(results.get("model"))),
                text(results.get("labels")), text(results.get("protocol")), samples(map(results.get("samples"))),
                sources, rows, slices);
    }

    /** A variant's row on one slice: the slice's metrics and gains, the variant's name, features, epochs and time. */
    private static CtrRow sliceRow(CtrRow whole, Map<String, Object> s) {
        return new CtrRow(whole.variant(), whole.features(), number(s.get("auc")), number(s.get("auc_gain")),
                number(s.get("rela_impr_pct")), number(s.get("gauc")), number(s.get("logloss")),
                number(s.get("logloss_change_pct")), whole.epochs(), whole.fitSeconds());
    }

    private static CtrRow row(Map<String, Object> v) {
        List<String> groups = list(v.get("features")).stream().map(String::valueOf).toList();
        Map<String, Object> gain = map(v.get("vs_base"));
        return new CtrRow(text(v.get("name")), groups.isEmpty() ? "ids" : "ids+" + String.join("+", groups),
                number(v.get("auc")), number(gain.get("auc_gain")), number(gain.get("rela_impr_pct")),
                number(v.get("gauc")), number(v.get("logloss")), number(gain.get("logloss_change_pct")),
                v.get("epochs") instanceof Number n ? n.intValue() : 0, number(v.get("fit_seconds")));
    }

    /** {@code FM k=16} or {@code LR}. */
    private static String model(Map<String, Object> m) {
        String name = text(m.get("model")).toUpperCase(Locale.ROOT);
        return m.get("factors") instanceof Number k && k.intValue() > 0 ? name + " k=" + k.intValue() : name;
    }

    private static String samples(Map<String, Object> parts) {
        Map<String, Object> train = map(parts.get("train"));
        Map<String, Object> valid = map(parts.get("valid"));
        Map<String, Object> test = map(parts.get("test"));
        return String.format(Locale.ROOT, "samples: train %,.0f (%.1f%% positive), valid %,.0f, test %,.0f (%.1f%% positive)",
                number(train.get("samples")), 100 * number(train.get("positive_rate")), number(valid.get("samples")),
                number(test.get("samples")), 100 * number(test.get("positive_rate")));
    }

    /** The line above the table: run, backbone, labels, protocol and samples. */
    public String line() {
        return "Run #" + runId + " · " + model + " · " + labels + " · " + protocol + " · " + samples;
    }

    /** The same, saying which slice the table shows and how many test samples it holds. */
    public String line(String slice) {
        Slice s = slices.get(slice);
        return s == null ? line() : line() + String.format(Locale.ROOT, " · slice %s: %,d test samples", slice,
                s.samples());
    }

    /** The variant with the largest RelaImpr over the base, if any variant adds features. */
    public Optional<CtrRow> best() {
        return rows.stream().filter(r -> !r.isBase() && !Double.isNaN(r.relaImprPct()))
                .max(Comparator.comparingDouble(CtrRow::relaImprPct));
    }

    /** One line for the list of stored runs. */
    public String summary() {
        String gain = best().map(b -> String.format(Locale.ROOT, "%s %+.1f%% RelaImpr", b.variant(), b.relaImprPct()))
                .orElse("base only");
        return "#" + runId + " · " + model + " · " + gain + (label.isBlank() ? "" : " · " + label);
    }

    @Override
    public String toString() {
        return summary();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<Object>(l) : List.of();
    }
}
