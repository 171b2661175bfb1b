package dev.augur.ui.rankings;

import dev.augur.core.rank.CtrService;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CTR tab of the Rankings section: the with/without comparison of LLM-derived features (a factorisation
 * machine or logistic regression on ids and categories, then with each feature group added), run as a job and
 * stored as a {@code ctr} run, and the dataset's stored CTR runs, any of which can be shown in the papers' table.
 * The settings are {@link #form()}'s; the dataset, split and seed are the Rankings top bar's. No Nodes here; the
 * workspace is opened only inside jobs.
 */
public final class CtrViewModel {
    /** The generation template whose outputs are the items' attributes (the CLI's default). */
    public static final String ATTRIBUTES_TEMPLATE = "llmrec-item-attributes";

    private final TaskExecutor tasks;
    private final CtrFormViewModel form;

    private Path workspace;
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    private final JobProgress runProgress = new JobProgress();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;

    private final ObservableList<CtrRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CtrRun> shown = new SimpleObjectProperty<>();
    private final ObservableList<CtrRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> slices = FXCollections.observableArrayList(CtrRun.ALL);
    private final StringProperty slice = new SimpleStringProperty(CtrRun.ALL);
    private final ReadOnlyStringWrapper resultLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runsLine = new ReadOnlyStringWrapper("");

    private Job<CtrService.Result> current;
    private long reading;

    /** What the dataset has for the feature groups, and its stored CTR runs (with how many could not be read). */
    record Stored(Set<CtrFeatures.Group> available, List<CtrRun> runs, int unreadable) {
    }

    /**
     * @param split the Rankings top bar's split, shared: the tab shows and changes the same one
     * @param seed  the top bar's seed, shared likewise
     */
    public CtrViewModel(TaskExecutor tasks, ObjectProperty<SplitChoice> split, StringProperty seed) {
        this.tasks = tasks;
        this.form = new CtrFormViewModel(split, seed);
        canRun = Bindings.createBooleanBinding(() -> !runProgress.isRunning() && ready.get() && form.hasFeatures(),
                runProgress.runningProperty(), ready, form.features());
        shown.addListener((o, was, is) -> {
            String keep = slice.get();
            slices.setAll(is == null ? List.of(CtrRun.ALL) : is.sliceNames());
            // the same slice on another run when it has one (comparing runs on cold items), else the whole test part
            slice.set(slices.contains(keep) ? keep : CtrRun.ALL);
            showRows();
        });
        slice.addListener((o, was, is) -> showRows());
    }

    // ---- the dataset -------------------------------------------------------------------------------------------

    /** Shows {@code datasetId} of {@code file} (null: none): what its feature groups need, and its CTR runs. */
    public Job<Stored> open(Path file, Long datasetId, String datasetName) {
        if (!Objects.equals(file, workspace) || !Objects.equals(datasetId, form.datasetId())) {
            shown.set(null);
            runs.clear();
            status.set("");
            error.set("");
        }
        workspace = file;
        form.dataset(datasetId);
        dataset.set(datasetName == null ? "" : datasetName);
        ready.set(false);
        return refresh();
    }

    /** Reads again, in the background, which feature groups the dataset can feed and its stored CTR runs. */
    public Job<Stored> refresh() {
        return refresh(-1);
    }

    /** {@link #refresh()}, then shows run {@code showRunId} (-1: the shown run if still stored, else the newest). */
    private Job<Stored> refresh(long showRunId) {
        Path file = workspace;
        Long id = form.datasetId();
        if (file == null || id == null) {
            runsLine.set("");
            return null;
        }
        long gen = ++reading;
        runsLine.set("Reading stored CTR runs…");
        Job<Stored> job = tasks.submit("CTR features and runs of " + file.getFileName(), m -> {
            try (Workspace ws = Workspace.open(file)) {
                return read(ws, id);
            }
        });
        JobBinding.follow(job, s -> { }, s -> {
            if (gen == reading) {
                show(s, showRunId);
            }
        }, e -> {
            if (gen == reading) {
                runsLine.set("Could not read the stored CTR runs: " + message(e));
            }
        });
        return job;
    }

    /** Which feature groups {@code ws} has the inputs for in dataset {@code id}, and its CTR runs, newest first. */
    static Stored read(Workspace ws, long id) {
        Set<CtrFeatures.Group> available = EnumSet.noneOf(CtrFeatures.Group.class);
        ws.vectors().sets().stream().filter(s -> s.datasetId() == id).forEach(s -> {
            switch (s.kind()) {
                case "item" -> available.add(CtrFeatures.Group.ITEM_TEXT);
                case "item-profile" -> available.add(CtrFeatures.Group.ITEM_PROFILE);
                case "user-profile" -> available.add(CtrFeatures.Group.USER_PROFILE);
                default -> { } // review vectors feed no CTR group
            }
        });
        if (ws.generations().counts(GenerationFilter.dataset(id).withEntityKind("item")
                .withTemplate(ATTRIBUTES_TEMPLATE).withStatus("ok")).ok() > 0) {
            available.add(CtrFeatures.Group.ATTRIBUTES);
        }
        List<CtrRun> out = new ArrayList<>();
        int bad = 0;
        for (StoredRun r : ws.evalRuns().list(id)) {
            if (!"ctr".equals(r.task())) {
                continue;
            }
            try {
                out.add(CtrRun.of(r));
            } catch (RuntimeException e) {
                bad++;
            }
        }
        return new Stored(available, out, bad);
    }

    /**
     * Shows what was read: groups the dataset cannot feed are unticked, groups that became available are ticked;
     * the run {@code showRunId} is shown (-1: keep the shown run if it is still stored, else show the newest).
     */
    private void show(Stored s, long showRunId) {
        ++reading;
        ready.set(true);
        form.offer(s.available());
        long keep = showRunId >= 0 ? showRunId : shown.get() == null ? -1 : shown.get().runId();
        runs.setAll(s.runs());
        runsLine.set(String.format(Locale.ROOT, "%d stored CTR run%s", s.runs().size(), s.runs().size() == 1 ? ""
                : "s") + (s.unreadable() > 0 ? String.format(Locale.ROOT, "; %d could not be read", s.unreadable())
                : ""));
        shown.set(s.runs().stream().filter(r -> r.runId() == keep).findFirst()
                .orElse(s.runs().isEmpty() ? null : s.runs().get(0)));
    }

    // ---- the comparison ----------------------------------------------------------------------------------------

    /** Starts the comparison the form describes; empty when the form is incomplete or invalid. */
    public Optional<Job<?>> run() {
        if (!canRun.get()) {
            return Optional.empty();
        }
        CtrService.Request request;
        try {
            request = form.request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        Path file = workspace;
        long id = request.datasetId();
        error.set("");
        status.set("");
        String name = "CTR comparison on " + dataset.get();
        runProgress.queued(name);
        Job<CtrService.Result> job = tasks.submit(name, m -> {
            try (Workspace ws = Workspace.open(file)) {
                return new CtrService(ws).run(request, m);
            }
        });
        current = job;
        JobBinding.follow(job, this::onProgress, done -> {
            finished(job);
            status.set(String.format(Locale.ROOT, "Stored as run #%d.", done.runId()));
            if (file.equals(workspace) && Objects.equals(id, form.datasetId())) {
                refresh(done.runId());
            }
        }, e -> {
            finished(job);
            if (e instanceof TaskCancelledException) {
                status.set("Cancelled; nothing was stored.");
            } else {
                error.set(message(e));
            }
        });
        return Optional.of(job);
    }

    /** Asks the running comparison to stop at its next safe point. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void finished(Job<CtrService.Result> job) {
        if (current == job) {
            current = null;
            runProgress.stopped();
        }
    }

    private void onProgress(JobSnapshot s) {
        runProgress.update(s);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    // ---- properties --------------------------------------------------------------------------------------------

    /** The dataset compared (the top bar's). */
    public ReadOnlyStringProperty datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** The comparison's settings; the split and seed are the top bar's. */
    public CtrFormViewModel form() {
        return form;
    }

    public BooleanBinding canRun() {
        return canRun;
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

    /** The dataset's stored CTR runs, newest first. */
    public ObservableList<CtrRun> runs() {
        return runs;
    }

    /** The run in the table; picking a stored run shows it. */
    public ObjectProperty<CtrRun> shownProperty() {
        return shown;
    }

    public ObservableList<CtrRow> rows() {
        return rows;
    }

    /** The slices the shown run can be read on: {@link CtrRun#ALL} first. */
    public ObservableList<String> slices() {
        return slices;
    }

    /** The slice the table shows (cold items, tail items, users by history length, or all test samples). */
    public StringProperty sliceProperty() {
        return slice;
    }

    private void showRows() {
        CtrRun run = shown.get();
        String s = slice.get() == null ? CtrRun.ALL : slice.get();
        rows.setAll(run == null ? List.of() : run.rows(s));
        resultLine.set(run == null ? "" : run.line(s));
    }

    /** The shown run's backbone, labels, protocol and sample counts. */
    public ReadOnlyStringProperty resultLineProperty() {
        return resultLine.getReadOnlyProperty();
    }

    /** How many CTR runs are stored (or that they are being read). */
    public ReadOnlyStringProperty runsLineProperty() {
        return runsLine.getReadOnlyProperty();
    }
}
