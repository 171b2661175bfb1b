package dev.augur.ui.rankings;

import dev.augur.core.rank.EvalResult;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.task.Job;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Metrics tab: one row per model and slice of a run at a chosen cut-off, of the run evaluated now or of a
 * stored one. Its K is also the K the Experiments tab compares at.
 */
public final class MetricsViewModel {
    private final ExperimentsViewModel experiments;
    private final ObservableIntegerValue formK;
    private final CsvExport csv;

    private final ObservableList<Integer> ks = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> k = new SimpleObjectProperty<>(10);
    private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private Source source;

    /** The run whose numbers are shown: the one evaluated now, or a stored one. */
    record Source(long runId, String protocol, Map<String, Map<String, Object>> models) {
    }

    /**
     * @param experiments follows this tab's K
     * @param formK       the top bar's K: the cut-off used while the run offers none
     */
    MetricsViewModel(ExperimentsViewModel experiments, ObservableIntegerValue formK, CsvExport csv) {
        this.experiments = experiments;
        this.formK = formK;
        this.csv = csv;
        k.addListener((o, was, is) -> {
            if (is != null) {
                experiments.kProperty().set(is);
            }
            updateRows();
        });
    }

    /** Shows the metrics of {@code run}, evaluated here, at {@code preferredK} when the run has it. */
    void show(EvalRun run, int preferredK) {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (EvalResult result : run.results()) {
            results.put(result.model(), result.toMap());
        }
        show(new Source(run.runId(), run.split().protocol().describe(), results), preferredK);
    }

    /** Shows a stored run's metrics (the rankings stay those of the run evaluated here). */
    public void showStored(long runId) {
        experiments.run(runId).ifPresent(s -> show(new Source(runId, s.describe(), s.models()), currentK()));
    }

    private void show(Source shown, int preferredK) {
        source = shown;
        List<Integer> offered = new ArrayList<>(MetricRow.ks(shown.models()));
        ks.setAll(offered);
        line.set("Run #" + shown.runId() + ": " + shown.protocol());
        Integer next = offered.contains(preferredK) ? Integer.valueOf(preferredK)
                : offered.isEmpty() ? null : offered.get(0);
        if (Objects.equals(next, k.get())) {
            updateRows();
        } else {
            k.set(next); // the listener updates the rows
        }
    }

    void clear() {
        source = null;
        ks.clear();
        rows.clear();
        line.set("");
    }

    private int currentK() {
        return k.get() == null ? formK.get() : k.get();
    }

    private void updateRows() {
        if (source == null || k.get() == null) {
            rows.clear();
            return;
        }
        rows.setAll(MetricRow.rows(source.models(), k.get()));
    }

    /** Writes the table (at its K, with the protocol on every line) to {@code file} in the background. */
    public Job<Path> export(Path file) {
        Source shown = source;
        int at = currentK();
        List<MetricRow> table = List.copyOf(rows);
        return csv.write("Export metrics to " + file.getFileName(), file, w -> RankingsCsv.writeMetrics(w,
                shown == null ? 0 : shown.runId(), at, table, shown == null ? "" : shown.protocol()));
    }

    // ---- properties --------------------------------------------------------------------------------------------

    /** The cut-offs the shown run has metrics at. */
    public ObservableList<Integer> ks() {
        return ks;
    }

    public ObjectProperty<Integer> kProperty() {
        return k;
    }

    public ObservableList<MetricRow> rows() {
        return rows;
    }

    /** Which run the metrics are of, and its protocol. */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }
}
