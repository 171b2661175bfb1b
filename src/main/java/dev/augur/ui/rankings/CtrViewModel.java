package dev.augur.ui.rankings;

import dev.augur.core.rank.CtrService;
import dev.augur.core.rank.EvalMode;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.rank.ctr.CtrLabels;
import dev.augur.core.rank.ctr.FactorizationMachine;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.Observable;
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
 * The dataset, split and seed are the Rankings top bar's. No Nodes here; the workspace is opened only inside jobs.
 */
public final class CtrViewModel {
    /** The generation template whose outputs are the items' attributes (the CLI's default). */
    public static final String ATTRIBUTES_TEMPLATE = "llmrec-item-attributes";

    /** How a value becomes a click label. */
    public enum LabelRule {
        RATING("rating ≥"),
        CLICKS("clicks (value > 0)");

        private final String text;

        LabelRule(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The CTR backbone. */
    public enum Backbone {
        FM("FM (k=16)"),
        LR("LR");

        private final String text;

        Backbone(String text) {
            this.text = text;
        }

        FactorizationMachine.Config config() {
            return this == FM ? FactorizationMachine.Config.fm() : FactorizationMachine.Config.logistic();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final TaskExecutor tasks;
    private final ObjectProperty<SplitChoice> split;
    private final StringProperty seed;

    private Path workspace;
    private Long datasetId;
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    private final ObservableList<SplitChoice> splits = FXCollections.observableArrayList(SplitChoice.values());
    private final ObservableList<LabelRule> labelRules = FXCollections.observableArrayList(LabelRule.values());
    private final ObjectProperty<LabelRule> labelRule = new SimpleObjectProperty<>(LabelRule.RATING);
    private final StringProperty threshold = new SimpleStringProperty("4");
    private final ObservableList<Backbone> backbones = FXCollections.observableArrayList(Backbone.values());
    private final ObjectProperty<Backbone> backbone = new SimpleObjectProperty<>(Backbone.FM);
    private final ObservableList<CtrFeatureChoice> features = FXCollections.observableArrayList(
            c -> new Observable[] {c.selected(), c.available()});
    private final ReadOnlyStringWrapper settingsLine = new ReadOnlyStringWrapper("");
    private final JobProgress runProgress = new JobProgress();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;

    private final ObservableList<CtrRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CtrRun> shown = new SimpleObjectProperty<>();
    private final ObservableList<CtrRow> rows = FXCollections.observableArrayList();
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
        this.split = split;
        this.seed = seed;
        features.setAll(
                new CtrFeatureChoice(CtrFeatures.Group.ITEM_TEXT, "The items' text vectors (the latest item vector"
                        + " set).", "No item text vectors in this dataset yet. Encode the items in Embeddings →"
                        + " Vectors (target items), or run: augur encode --target items"),
                new CtrFeatureChoice(CtrFeatures.Group.ITEM_PROFILE, "Vectors of the LLM-generated item profiles.",
                        "No vectors of generated item profiles yet. Generate item profiles in Profiles → Generate…"
                        + " (target items), then encode them in Embeddings → Vectors (target item-profiles)."),
                new CtrFeatureChoice(CtrFeatures.Group.USER_PROFILE, "Vectors of the LLM-generated user profiles.",
                        "No vectors of generated user profiles yet. Generate user profiles in Profiles → Generate…"
                        + " (target users), then encode them in Embeddings → Vectors (target user-profiles)."),
                new CtrFeatureChoice(CtrFeatures.Group.ATTRIBUTES, "The attributes an LLM generated per item"
                        + " (template " + ATTRIBUTES_TEMPLATE + "), as hashed tokens.", "No generated item"
                        + " attributes yet. Run the template " + ATTRIBUTES_TEMPLATE + " on the items in Profiles →"
                        + " Generate…, or: augur augment --template " + ATTRIBUTES_TEMPLATE + " --target items"));
        canRun = Bindings.createBooleanBinding(() -> !runProgress.isRunning() && ready.get()
                && features.stream().anyMatch(c -> c.selected().get() && c.available().get()), runProgress.runningProperty(), ready,
                features);
        for (Observable o : new Observable[] {split, seed, labelRule, threshold, backbone, features}) {
            o.addListener(x -> updateSettingsLine());
        }
        updateSettingsLine();
        shown.addListener((o, was, is) -> {
            rows.setAll(is == null ? List.of() : is.rows());
            resultLine.set(is == null ? "" : is.line());
        });
    }

    // ---- the dataset -------------------------------------------------------------------------------------------

    /** Shows {@code datasetId} of {@code file} (null: none): what its feature groups need, and its CTR runs. */
    public Job<Stored> open(Path file, Long datasetId, String datasetName) {
        if (!Objects.equals(file, workspace) || !Objects.equals(datasetId, this.datasetId)) {
            shown.set(null);
            runs.clear();
            status.set("");
            error.set("");
        }
        workspace = file;
        this.datasetId = datasetId;
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
        Long id = datasetId;
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
        for (CtrFeatureChoice c : features) {
            boolean has = s.available().contains(c.group());
            if (has != c.available().get()) {
                c.selected().set(has);
            }
            c.available().set(has);
        }
        long keep = showRunId >= 0 ? showRunId : shown.get() == null ? -1 : shown.get().runId();
        runs.setAll(s.runs());
        runsLine.set(String.format(Locale.ROOT, "%d stored CTR run%s", s.runs().size(), s.runs().size() == 1 ? ""
                : "s") + (s.unreadable() > 0 ? String.format(Locale.ROOT, "; %d could not be read", s.unreadable())
                : ""));
        shown.set(s.runs().stream().filter(r -> r.runId() == keep).findFirst()
                .orElse(s.runs().isEmpty() ? null : s.runs().get(0)));
    }

    // ---- the comparison ----------------------------------------------------------------------------------------

    /** The comparison the form describes; a clear error when the seed or the threshold is not a number. */
    public CtrService.Request request() {
        if (datasetId == null) {
            throw new IllegalArgumentException("open a workspace with a dataset first");
        }
        long s;
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the seed must be a whole number, not '" + seed.get() + "'");
        }
        CtrLabels labels;
        if (labelRule.get() == LabelRule.CLICKS) {
            labels = CtrLabels.clicks();
        } else {
            double t;
            try {
                t = Double.parseDouble(threshold.get().strip());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("the label threshold must be a number such as 4, not '"
                        + threshold.get() + "'");
            }
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("the label threshold must be a finite number, not '"
                        + threshold.get() + "'");
            }
            labels = CtrLabels.ratingAtLeast(t);
        }
        List<CtrFeatures.Group> added = features.stream().filter(c -> c.selected().get() && c.available().get())
                .map(CtrFeatureChoice::group).toList();
        if (added.isEmpty()) {
            throw new IllegalArgumentException("tick at least one feature group to compare with the base");
        }
        Protocol p = new Protocol(split.get().spec(), Filters.NONE, s, EvalMode.FULL, List.of(10), "test", 0);
        return new CtrService.Request(datasetId, p, labels, added, "", ATTRIBUTES_TEMPLATE,
                backbone.get().config().withSeed(s), "");
    }

    private void updateSettingsLine() {
        try {
            CtrService.Request r = request();
            settingsLine.set(backbone.get() + " on ids+categories, then + " + String.join(", + ",
                    r.added().stream().map(CtrFeatures.Group::text).toList()) + (r.added().size() > 1 ? ", + all" : "")
                    + " · " + r.labels().describe() + " · " + split.get().spec().describe() + "; seed "
                    + r.protocol().seed());
        } catch (IllegalArgumentException e) {
            settingsLine.set(e.getMessage());
        }
    }

    /** Starts the comparison the form describes; empty when the form is incomplete or invalid. */
    public Optional<Job<?>> run() {
        if (!canRun.get()) {
            return Optional.empty();
        }
        CtrService.Request request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        Path file = workspace;
        long id = datasetId;
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
            if (file.equals(workspace) && Objects.equals(id, datasetId)) {
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

    public ObservableList<SplitChoice> splits() {
        return splits;
    }

    /** The top bar's split. */
    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    /** The top bar's seed. */
    public StringProperty seedProperty() {
        return seed;
    }

    public ObservableList<LabelRule> labelRules() {
        return labelRules;
    }

    public ObjectProperty<LabelRule> labelRuleProperty() {
        return labelRule;
    }

    /** The rating from which an interaction counts as a click (label 1); unused for click logs. */
    public StringProperty thresholdProperty() {
        return threshold;
    }

    public ObservableList<Backbone> backbones() {
        return backbones;
    }

    public ObjectProperty<Backbone> backboneProperty() {
        return backbone;
    }

    /** The four LLM-derived groups: text, item-profile, user-profile, attributes. */
    public ObservableList<CtrFeatureChoice> features() {
        return features;
    }

    /** What the next comparison fits, as one line (or why the form is invalid). */
    public ReadOnlyStringProperty settingsLineProperty() {
        return settingsLine.getReadOnlyProperty();
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

    /** The shown run's backbone, labels, protocol and sample counts. */
    public ReadOnlyStringProperty resultLineProperty() {
        return resultLine.getReadOnlyProperty();
    }

    /** How many CTR runs are stored (or that they are being read). */
    public ReadOnlyStringProperty runsLineProperty() {
        return runsLine.getReadOnlyProperty();
    }
}
