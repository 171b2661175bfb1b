package dev.augur.ui.review;

import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.review.SyntheticEffect;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Review section's Effect tab: one job evaluates the chosen models with and without the accepted synthetic
 * interactions in training, under one protocol, and the table shows the change overall and on cold-start items.
 */
public final class EffectViewModel {
    public static final long SEED = 42;
    public static final int K = 10;

    private final TaskExecutor tasks;
    private final Supplier<Path> workspace;
    private final LongSupplier datasetId;
    private final ObservableList<String> splits = FXCollections.observableArrayList("random:0.8,0.1,0.1",
            "cold-items:0.1", "temporal:0.2", "leave-last-out");
    private final ObjectProperty<String> split = new SimpleObjectProperty<>("random:0.8,0.1,0.1");
    private final Map<String, BooleanProperty> models = new LinkedHashMap<>();
    private final ObservableList<SyntheticEffect.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper protocolLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final JobProgress runProgress = new JobProgress();
    private long runs;

    EffectViewModel(TaskExecutor tasks, Supplier<Path> workspace, LongSupplier datasetId) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.datasetId = datasetId;
        for (String name : new Recommenders().names()) {
            models.put(name, new SimpleBooleanProperty(name.equals("pop") || name.equals("itemknn")));
        }
    }

    /** The protocol a run uses: the chosen split, seed {@value #SEED}, K = {@value #K}, full ranking. */
    public Protocol protocol() {
        return Protocol.of(SplitSpec.parse(split.get()), SEED, List.of(K));
    }

    /** Clears the table (another workspace or dataset). */
    public void reset() {
        ++runs;
        rows.clear();
        protocolLine.set("");
        status.set("");
        error.set("");
        runProgress.stopped();
    }

    /** Runs the comparison as a job; nothing happens without a workspace or with no model chosen. */
    public Job<SyntheticEffect.Report> run() {
        Path file = workspace.get();
        List<String> chosen = models.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        if (file == null) {
            return null;
        }
        if (chosen.isEmpty()) {
            error.set("Choose at least one model.");
            return null;
        }
        Protocol protocol = protocol();
        long ds = datasetId.getAsLong();
        long gen = ++runs;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        error.set("");
        rows.clear();
        protocolLine.set("Protocol: " + protocol.describe());
        status.set("Evaluating " + String.join(", ", chosen) + " without and with the accepted synthetic interactions…");
        String name = "Effect of synthetic interactions";
        runProgress.queued(name);
        Job<SyntheticEffect.Report> run = tasks.submit(name, m -> {
            try (Workspace ws = Workspace.open(file)) {
                return new SyntheticEffect(ws, new Recommenders()).run(ds, protocol, chosen, threads, m);
            }
        });
        JobBinding.follow(run, s -> {
            if (gen == runs) {
                runProgress.update(s);
            }
        }, report -> {
            if (gen != runs) {
                return;
            }
            runProgress.stopped();
            rows.setAll(report.toRows());
            protocolLine.set("Protocol: " + report.protocol().describe());
            status.set(String.format(Locale.ROOT, "%,d accepted synthetic interactions in training (never in the test);"
                    + " stored as runs #%d (without) and #%d (with).", report.accepted(), report.withoutRunId(),
                    report.withRunId()));
        }, e -> {
            if (gen != runs) {
                return;
            }
            runProgress.stopped();
            status.set("");
            error.set(BackgroundJobs.message(e));
        });
        return run;
    }

    public ObservableList<String> splits() {
        return splits;
    }

    public ObjectProperty<String> splitProperty() {
        return split;
    }

    /** Model name → whether it is evaluated, in the registry's order. */
    public Map<String, BooleanProperty> models() {
        return models;
    }

    public ObservableList<SyntheticEffect.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty protocolLineProperty() {
        return protocolLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runProgress.runningProperty();
    }

    /** -1 while the job waits or its size is unknown, then the fraction done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return runProgress.progressProperty();
    }
}
