package dev.augur.ui.rankings;

import dev.augur.core.rank.EvalRequest;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.RankingService;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Rankings section: choose a dataset, a protocol and models ({@link #form()}), evaluate them as a job (stored
 * with its protocol), then look at one user at a time ({@link #userPanel()}): their history, the held-out items,
 * and every model's top-K side by side, linked by item; the metrics per model and slice ({@link #metrics()});
 * every stored run compared against a baseline ({@link #experiments()}); the CTR comparison ({@link #ctr()}).
 * This class runs the evaluation and keeps the shown run's models open. No Nodes here; the workspace is opened
 * only inside jobs.
 */
public final class RankingsViewModel {
    private final TaskExecutor tasks;
    private final ModelSession.Source modelSource;
    private final int threads;
    private final EvaluationFormViewModel form = new EvaluationFormViewModel();
    private final ExperimentsViewModel experiments;
    private final MetricsViewModel metrics;
    private final UserPanelViewModel userPanel;
    private final CtrViewModel ctr;

    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final JobProgress runProgress = new JobProgress();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canEvaluate;

    private Job<Evaluated> current;
    private Live live;
    private long listingModels;

    /** The workspace and models the shown run was fitted with, open while it is shown. */
    record Live(Workspace workspace, ModelSession models) {
        void close() {
            try (Workspace ws = workspace; ModelSession m = models) {
                // closed in reverse order: the models first, then the workspace they may cache into
            } catch (Exception e) {
                // nothing left to show it to: the run is gone from the view
            }
        }
    }

    /** What an evaluation job hands back: the run, its users, the dataset's stored runs afterwards, what it holds. */
    record Evaluated(EvalRun run, List<UserRow> users, ExperimentsViewModel.Read stored, Live live) {
    }

    /**
     * @param modelSource opens the models for a workspace; their names are read again on every {@link #open}
     * @param selection   the shared item selection; picking an item here selects it there
     */
    public RankingsViewModel(TaskExecutor tasks, ModelSession.Source modelSource, ItemSelection selection) {
        this(tasks, modelSource, selection, Runtime.getRuntime().availableProcessors());
    }

    public RankingsViewModel(TaskExecutor tasks, ModelSession.Source modelSource, ItemSelection selection,
                             int threads) {
        this.tasks = tasks;
        this.modelSource = modelSource;
        this.threads = Math.max(1, threads);
        CsvExport csv = new CsvExport(tasks, status::set, error::set);
        this.experiments = new ExperimentsViewModel(tasks);
        this.metrics = new MetricsViewModel(experiments, form.kProperty(), csv);
        this.userPanel = new UserPanelViewModel(tasks, selection, error::set, csv);
        this.ctr = new CtrViewModel(tasks, form.splitProperty(), form.seedProperty());
        canEvaluate = Bindings.createBooleanBinding(() -> !runProgress.isRunning() && workspace.get() != null
                && form.isComplete(), runProgress.runningProperty(), workspace, form.datasetProperty(), form.models());
        form.datasetProperty().addListener((o, was, is) -> refreshExperiments());
    }

    // ---- the top bar -------------------------------------------------------------------------------------------

    /** Offers the datasets of {@code file}; the models offered are read again from the model source. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        if (!Objects.equals(file, workspace.get())) {
            clearRun();
        }
        workspace.set(file);
        refreshModels();
        if (!form.offerDatasets(datasetInfos)) {
            refreshExperiments(); // else the dataset's listener has
        }
    }

    /** Re-reads the models offered for the open workspace in the background. */
    public Job<List<String>> refreshModels() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long gen = ++listingModels;
        Job<List<String>> job = tasks.submit("Ranking models of " + file.getFileName(), m -> {
            try (Workspace ws = Workspace.open(file); ModelSession s = modelSource.open(ws)) {
                return s.recommenders().names();
            }
        });
        JobBinding.follow(job, s -> { }, names -> {
            if (gen == listingModels) {
                form.offerModels(names);
            }
        }, e -> error.set("Could not list the models: " + (e.getMessage() == null ? e : e.getMessage())));
        return job;
    }

    /** Starts the evaluation the form describes; empty when the form is incomplete or invalid. */
    public Optional<Job<?>> evaluate() {
        if (!canEvaluate.get()) {
            return Optional.empty();
        }
        EvalRequest request;
        try {
            request = form.request(threads);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        long datasetId = request.datasetId();
        Path file = workspace.get();
        int listLength = form.kProperty().get();
        error.set("");
        status.set("");
        String name = "Evaluate " + String.join(", ", request.models()) + " on " + form.datasetProperty().get();
        runProgress.queued(name);
        Job<Evaluated> job = tasks.submit(name, m -> {
            Workspace ws = Workspace.open(file);
            Live opened = null;
            try {
                opened = new Live(ws, modelSource.open(ws));
                EvalRun r = new RankingService(ws, opened.models().recommenders()).evaluate(request, m);
                m.message("Reading stored runs");
                return new Evaluated(r, UserPanelViewModel.users(r),
                        ExperimentsViewModel.read(ws.evalRuns().list(datasetId)), opened);
            } catch (Exception | Error e) {
                if (opened != null) {
                    opened.close();
                } else {
                    ws.close();
                }
                throw e;
            }
        });
        current = job;
        JobBinding.follow(job, this::onProgress, done -> {
            finished(job);
            if (!file.equals(workspace.get())) {
                release(done.live()); // another workspace was opened meanwhile
                return;
            }
            Live was = live;
            live = done.live();
            release(was);
            status.set(String.format(Locale.ROOT, "Run #%d stored with its protocol.", done.run().runId()));
            userPanel.show(done.run(), done.users(), listLength);
            metrics.show(done.run(), listLength);
            if (Objects.equals(form.datasetId(), datasetId)) {
                experiments.show(done.stored());
            }
        }, e -> {
            finished(job);
            if (e instanceof TaskCancelledException) {
                status.set("Cancelled; nothing was stored.");
            } else {
                error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
        return Optional.of(job);
    }

    /** Asks the running evaluation to stop at its next safe point. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void finished(Job<Evaluated> job) {
        if (current == job) {
            current = null;
            runProgress.stopped();
        }
    }

    private void onProgress(JobSnapshot s) {
        runProgress.update(s);
    }

    private void refreshExperiments() {
        Long id = form.datasetId();
        ctr.open(workspace.get(), id, form.datasetProperty().get());
        if (workspace.get() != null && id != null) {
            experiments.refresh(workspace.get(), id);
        }
    }

    // ---- the shown run -----------------------------------------------------------------------------------------

    /** Closes what a run no longer shown holds, in the background. */
    private void release(Live l) {
        if (l != null) {
            tasks.submit("Close ranking models", m -> {
                l.close();
                return null;
            });
        }
    }

    private void clearRun() {
        release(live);
        live = null;
        userPanel.clear();
        metrics.clear();
    }

    // ---- properties --------------------------------------------------------------------------------------------

    /** The dataset, protocol and models of the next run. */
    public EvaluationFormViewModel form() {
        return form;
    }

    /** The shown run's users: the picked one's history, held-out items and one top-K column per model. */
    public UserPanelViewModel userPanel() {
        return userPanel;
    }

    /** The Metrics tab. */
    public MetricsViewModel metrics() {
        return metrics;
    }

    public ExperimentsViewModel experiments() {
        return experiments;
    }

    /** The CTR tab: the with/without-LLM-features comparison on the same dataset, split and seed. */
    public CtrViewModel ctr() {
        return ctr;
    }

    public BooleanBinding canEvaluate() {
        return canEvaluate;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runProgress.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return runProgress.progressProperty();
    }

    public ReadOnlyStringProperty jobLineProperty() {
        return runProgress.lineProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
