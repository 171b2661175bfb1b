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
                     String samples, Map<String, String> sources, List<CtrRow> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public CtrRun {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        rows = List.copyOf(rows);
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
        for (Object v : list(results.get("variants"))) {
            rows.add(row(map(v)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("stored CTR run " + run.id() + " has no variants");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        map(protocol.get("feature_sources")).forEach((k, v) -> sources.put(k, String.valueOf(v)));
        return new CtrRun(run.id(), run.createdAt(), run.label(), model(map(results.get("model"))),
                text(results.get("labels")), text(results.get("protocol")), samples(map(results.get("samples"))),
                sources, rows);
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
