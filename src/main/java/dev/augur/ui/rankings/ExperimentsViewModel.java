package dev.augur.ui.rankings;

import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.RankingService.StoredResults;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Experiments tab: every stored run of a dataset as rows of run × model, with ndcg@K and recall@K, their
 * differences to a chosen baseline, each row's protocol, and a warning on rows whose protocol differs from the
 * baseline's. Reading runs is a job; the comparison is recomputed here when the baseline or K changes.
 */
public final class ExperimentsViewModel {
    private final TaskExecutor tasks;
    private final ObservableList<ExperimentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunModel> baselines = FXCollections.observableArrayList();
    private final ObjectProperty<RunModel> baseline = new SimpleObjectProperty<>();
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final ReadOnlyStringWrapper baselineLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No runs yet.");
    private List<StoredResults> runs = List.of();
    private long reading;

    /** Stored runs read back, and how many could not be read. */
    record Read(List<StoredResults> runs, int unreadable) {
    }

    public ExperimentsViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        baseline.addListener((o, was, is) -> recompute());
        k.addListener((o, was, is) -> recompute());
    }

    /** Reads the stored runs of {@code datasetId} in {@code file} in the background. */
    public Job<Read> refresh(Path file, long datasetId) {
        long gen = ++reading;
        status.set("Reading stored runs…");
        Job<Read> job = tasks.submit("Stored runs of " + file.getFileName(), m -> {
            try (Workspace ws = Workspace.open(file)) {
                return read(ws.evalRuns().list(datasetId));
            }
        });
        JobBinding.follow(job, s -> { }, r -> {
            if (gen == reading) {
                show(r);
            }
        }, e -> {
            if (gen == reading) {
                status.set("Could not read the stored runs: " + (e.getMessage() == null ? e : e.getMessage()));
            }
        });
        return job;
    }

    /** Parses ranking runs, skipping (and counting) any whose JSON cannot be read. */
    static Read read(List<StoredRun> stored) {
        List<StoredResults> out = new ArrayList<>();
        int bad = 0;
        for (StoredRun r : stored) {
            if (!"ranking".equals(r.task())) {
                continue;
            }
            try {
                out.add(RankingService.parse(r));
            } catch (RuntimeException e) {
                bad++;
            }
        }
        return new Read(out, bad);
    }

    /** Shows runs read elsewhere (an evaluation job reads them after storing its run). */
    void show(Read read) {
        ++reading;
        runs = read.runs();
        RunModel keep = baseline.get();
        List<RunModel> keys = Experiments.keys(runs);
        baselines.setAll(keys);
        status.set(String.format(Locale.ROOT, "%d stored run%s", runs.size(), runs.size() == 1 ? "" : "s")
                + (read.unreadable() > 0 ? String.format(Locale.ROOT, "; %d could not be read", read.unreadable())
                : ""));
        RunModel next = keep != null && keys.contains(keep) ? keep : defaultBaseline(keys);
        if (java.util.Objects.equals(next, baseline.get())) {
            recompute();
        } else {
            baseline.set(next); // the listener recomputes
        }
    }

    /** The newest run's popularity baseline, else its first model. */
    private static RunModel defaultBaseline(List<RunModel> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        long newest = keys.get(0).runId();
        return keys.stream().filter(r -> r.runId() == newest && r.model().equals("pop")).findFirst()
                .orElse(keys.get(0));
    }

    private void recompute() {
        rows.setAll(Experiments.rows(runs, baseline.get(), k.get()));
        RunModel b = baseline.get();
        baselineLine.set(b == null ? "" : runs.stream().filter(r -> r.run().id() == b.runId()).findFirst()
                .map(r -> "Baseline " + b + ": " + r.describe()).orElse(""));
    }

    /** The stored run with id {@code runId}, as last read. */
    public Optional<StoredResults> run(long runId) {
        return runs.stream().filter(r -> r.run().id() == runId).findFirst();
    }

    public ObservableList<ExperimentRow> rows() {
        return rows;
    }

    public ObservableList<RunModel> baselines() {
        return baselines;
    }

    public ObjectProperty<RunModel> baselineProperty() {
        return baseline;
    }

    /** The cut-off compared (the Metrics tab's K). */
    public IntegerProperty kProperty() {
        return k;
    }

    /** The baseline and its full protocol. */
    public ReadOnlyStringProperty baselineLineProperty() {
        return baselineLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
