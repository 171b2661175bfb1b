package dev.augur.ui.rankings;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.EvalRequest;
import dev.augur.core.rank.EvalResult;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Split;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Rankings section: choose a dataset, a protocol and models, evaluate them as a job (stored with its
 * protocol), then look at one user at a time: their history, the held-out items, and every model's top-K side by
 * side, linked by item; the metrics per model and slice; every stored run compared against a baseline. No Nodes
 * here; the workspace is opened only inside jobs.
 */
public final class RankingsViewModel {
    /** At most this many users are offered for a search. */
    public static final int MAX_MATCHES = 200;
    /** Cut-offs always evaluated besides the chosen K, so runs with different list lengths stay comparable. */
    static final List<Integer> STANDARD_KS = List.of(10, 20);

    private final TaskExecutor tasks;
    private final ModelSession.Source modelSource;
    private final ItemSelection selection;
    private final int threads;
    private final ExperimentsViewModel experiments;
    private final CtrViewModel ctr;

    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final Map<String, Long> datasetIds = new LinkedHashMap<>();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObservableList<SplitChoice> splits = FXCollections.observableArrayList(SplitChoice.values());
    private final ObjectProperty<SplitChoice> split = new SimpleObjectProperty<>(SplitChoice.RANDOM);
    private final ObservableList<ModeChoice> modes = FXCollections.observableArrayList(ModeChoice.values());
    private final ObjectProperty<ModeChoice> mode = new SimpleObjectProperty<>(ModeChoice.FULL);
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final StringProperty seed = new SimpleStringProperty("42");
    private final StringProperty minRating = new SimpleStringProperty("");
    private final StringProperty minUserInteractions = new SimpleStringProperty("");
    private final StringProperty minItemInteractions = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty withSynthetic = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty maxUsers = new SimpleStringProperty("");
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList(
            m -> new Observable[] {m.selected()});
    private final ReadOnlyStringWrapper protocolLine = new ReadOnlyStringWrapper("");
    private final JobProgress runProgress = new JobProgress();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canEvaluate;

    private final ReadOnlyObjectWrapper<EvalRun> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper runLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper runK = new ReadOnlyIntegerWrapper(10);
    private List<UserRow> users = List.of();
    private final StringProperty userQuery = new SimpleStringProperty("");
    private final ObservableList<UserRow> userMatches = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> user = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper usersLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserPanel> panel = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryItem> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryItem> heldOut = FXCollections.observableArrayList();
    private final ObservableList<ModelColumn> columns = FXCollections.observableArrayList();
    private final IntegerProperty selectedItem = new SimpleIntegerProperty(-1);
    private final IntegerProperty hoveredItem = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper linkedItem = new ReadOnlyIntegerWrapper(-1);

    private final ObservableList<Integer> metricKs = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> metricK = new SimpleObjectProperty<>(10);
    private final ObservableList<MetricRow> metricRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper metricsLine = new ReadOnlyStringWrapper("");
    private MetricsSource metrics;

    private Job<Evaluated> current;
    private Live live;
    private long showing;
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

    /** The run whose numbers the Metrics tab shows: the one evaluated now, or a stored one. */
    record MetricsSource(long runId, String protocol, Map<String, Map<String, Object>> models) {
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
        this.selection = selection;
        this.threads = Math.max(1, threads);
        this.experiments = new ExperimentsViewModel(tasks);
        this.ctr = new CtrViewModel(tasks, split, seed);
        canEvaluate = Bindings.createBooleanBinding(() -> !runProgress.isRunning() && workspace.get() != null
                && dataset.get() != null && models.stream().anyMatch(m -> m.selected().get()), runProgress.runningProperty(), workspace,
                dataset, models);
        for (Observable o : new Observable[] {split, mode, k, seed, minRating, minUserInteractions,
            minItemInteractions, withSynthetic, maxUsers}) {
            o.addListener(x -> updateProtocolLine());
        }
        updateProtocolLine();
        dataset.addListener((o, was, is) -> refreshExperiments());
        userQuery.addListener((o, was, is) -> updateMatches());
        user.addListener((o, was, is) -> showUser(is));
        selectedItem.addListener(x -> updateLinked());
        hoveredItem.addListener(x -> updateLinked());
        metricK.addListener((o, was, is) -> {
            if (is != null) {
                experiments.kProperty().set(is);
            }
            updateMetricRows();
        });
    }

    // ---- the top bar -------------------------------------------------------------------------------------------

    /** Offers the datasets of {@code file}; the models offered are read again from the model source. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        if (!Objects.equals(file, workspace.get())) {
            clearRun();
        }
        workspace.set(file);
        refreshModels();
        datasetIds.clear();
        datasetInfos.forEach(d -> datasetIds.put(d.name(), d.id()));
        List<String> names = List.copyOf(datasetIds.keySet());
        String keep = dataset.get();
        datasets.setAll(names);
        String next = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
        if (Objects.equals(next, dataset.get())) {
            refreshExperiments();
        } else {
            dataset.set(next); // the listener refreshes
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
                showModels(names);
            }
        }, e -> error.set("Could not list the models: " + (e.getMessage() == null ? e : e.getMessage())));
        return job;
    }

    /**
     * Offers {@code names}, keeping the analyst's ticks. New models start ticked, except the LLM re-ranker, which
     * calls a (possibly paid, always slow) LLM per user and so is opt-in.
     */
    private void showModels(List<String> names) {
        Map<String, Boolean> was = new LinkedHashMap<>();
        models.forEach(m -> was.put(m.name(), m.selected().get()));
        List<ModelChoice> next = new ArrayList<>();
        for (String name : names) {
            next.add(new ModelChoice(name, was.getOrDefault(name, !name.startsWith("llm"))));
        }
        if (!next.stream().map(ModelChoice::name).toList().equals(models.stream().map(ModelChoice::name).toList())) {
            models.setAll(next);
        }
    }

    /** The protocol the form describes; a clear error when the seed or K is not usable. */
    public Protocol protocol() {
        long s;
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the seed must be a whole number, not '" + seed.get() + "'");
        }
        if (k.get() < 1) {
            throw new IllegalArgumentException("K must be at least 1, not " + k.get());
        }
        TreeSet<Integer> ks = new TreeSet<>(STANDARD_KS);
        ks.add(k.get());
        String rating = minRating.get() == null ? "" : minRating.get().strip();
        double r;
        try {
            r = rating.isEmpty() ? Double.NaN : Double.parseDouble(rating);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the minimum rating must be a number, not '" + rating + "'");
        }
        Filters filters = new Filters(r, count(minUserInteractions.get(), "minimum interactions per user"),
                count(minItemInteractions.get(), "minimum interactions per item"), withSynthetic.get());
        return new Protocol(split.get().spec(), filters, s, mode.get().mode(), List.copyOf(ks), "test",
                count(maxUsers.get(), "number of users to sample"));
    }

    /** A blank field is 0 (no filter); anything else must be a whole number ≥ 0. */
    private static int count(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("the " + what + " must be a whole number ≥ 0, not '" + t + "'");
    }

    private void updateProtocolLine() {
        try {
            protocolLine.set(protocol().describe());
        } catch (IllegalArgumentException e) {
            protocolLine.set(e.getMessage());
        }
    }

    /** Starts the evaluation the form describes; empty when the form is incomplete or invalid. */
    public Optional<Job<?>> evaluate() {
        if (!canEvaluate.get()) {
            return Optional.empty();
        }
        Protocol p;
        try {
            p = protocol();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        List<String> chosen = models.stream().filter(m -> m.selected().get()).map(ModelChoice::name).toList();
        long datasetId = datasetIds.get(dataset.get());
        EvalRequest request = new EvalRequest(datasetId, p, chosen, Map.of(), "", threads, "");
        Path file = workspace.get();
        int listLength = k.get();
        error.set("");
        status.set("");
        String name = "Evaluate " + String.join(", ", chosen) + " on " + dataset.get();
        runProgress.queued(name);
        Job<Evaluated> job = tasks.submit(name, m -> {
            Workspace ws = Workspace.open(file);
            Live opened = null;
            try {
                opened = new Live(ws, modelSource.open(ws));
                EvalRun r = new RankingService(ws, opened.models().recommenders()).evaluate(request, m);
                m.message("Reading stored runs");
                return new Evaluated(r, users(r), ExperimentsViewModel.read(ws.evalRuns().list(datasetId)), opened);
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
            showRun(done.run(), done.users(), listLength);
            if (Objects.equals(datasetIds.get(dataset.get()), datasetId)) {
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
        Long id = dataset.get() == null ? null : datasetIds.get(dataset.get());
        ctr.open(workspace.get(), id, dataset.get());
        if (workspace.get() != null && id != null) {
            experiments.refresh(workspace.get(), id);
        }
    }

    // ---- the run's users ---------------------------------------------------------------------------------------

    /** Every user of the run with their training and held-out counts (held out: target items not in training). */
    static List<UserRow> users(EvalRun r) {
        Split s = r.split();
        Csr target = s.target();
        String[] ids = r.data().userExternalIds();
        List<UserRow> out = new ArrayList<>(ids.length);
        for (int u = 0; u < ids.length; u++) {
            int held = 0;
            for (int p = target.indptr()[u]; p < target.indptr()[u + 1]; p++) {
                if (!s.excluded(u, target.indices()[p])) {
                    held++;
                }
            }
            out.add(new UserRow(u, ids[u], s.train().rowLength(u), held));
        }
        return out;
    }

    private void showRun(EvalRun r, List<UserRow> rows, int listLength) {
        run.set(r);
        runK.set(listLength);
        users = rows;
        long withHeldOut = rows.stream().filter(u -> u.heldOut() > 0).count();
        usersLine.set(String.format(Locale.ROOT, "%,d users, %,d with held-out items", rows.size(), withHeldOut));
        runLine.set(String.format(Locale.ROOT, "Run #%d on %s: %s", r.runId(), r.data().dataset(),
                r.split().protocol().describe()));
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (EvalResult result : r.results()) {
            results.put(result.model(), result.toMap());
        }
        showMetrics(new MetricsSource(r.runId(), r.split().protocol().describe(), results), listLength);
        userQuery.set("");
        updateMatches();
        UserRow first = rows.stream().filter(u -> u.heldOut() > 0 && u.train() > 0).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        user.set(null); // the same user of another run is new: the listener shows them
        user.set(first);
    }

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
        ++showing;
        release(live);
        live = null;
        run.set(null);
        runLine.set("");
        users = List.of();
        userMatches.clear();
        user.set(null);
        usersLine.set("");
        metrics = null;
        metricKs.clear();
        metricRows.clear();
        metricsLine.set("");
    }

    /** Users whose external id contains the query (exact match first); users with held-out items when empty. */
    private void updateMatches() {
        String q = userQuery.get() == null ? "" : userQuery.get().strip().toLowerCase(Locale.ROOT);
        List<UserRow> out = new ArrayList<>();
        if (q.isEmpty()) {
            users.stream().filter(u -> u.heldOut() > 0).limit(MAX_MATCHES).forEach(out::add);
        } else {
            users.stream().filter(u -> u.externalId().equalsIgnoreCase(q)).forEach(out::add);
            for (UserRow u : users) {
                if (out.size() >= MAX_MATCHES) {
                    break;
                }
                if (u.externalId().toLowerCase(Locale.ROOT).contains(q) && !u.externalId().equalsIgnoreCase(q)) {
                    out.add(u);
                }
            }
        }
        userMatches.setAll(out);
    }

    /** Picks the user whose external id is the query, else the first match; false when nothing matches. */
    public boolean pickQuery() {
        if (userMatches.isEmpty()) {
            return false;
        }
        user.set(userMatches.get(0));
        return true;
    }

    /** Picks the user with external id {@code externalId}; false when the run has none. */
    public boolean pickUser(String externalId) {
        Optional<UserRow> u = users.stream().filter(r -> r.externalId().equals(externalId)).findFirst();
        u.ifPresent(user::set);
        return u.isPresent();
    }

    /** Scores every model for {@code u} in the background and shows the columns. */
    private Job<UserPanel> showUser(UserRow u) {
        long gen = ++showing;
        EvalRun r = run.get();
        if (u == null || r == null) {
            panel.set(null);
            history.clear();
            heldOut.clear();
            columns.clear();
            return null;
        }
        int listLength = runK.get();
        Job<UserPanel> job = tasks.submit("Top-" + listLength + " of user " + u.externalId(),
                m -> UserPanel.of(r, u, listLength));
        JobBinding.follow(job, s -> { }, p -> {
            if (gen == showing) {
                selectedItem.set(-1);
                hoveredItem.set(-1);
                panel.set(p);
                history.setAll(p.history());
                heldOut.setAll(p.heldOut());
                columns.setAll(p.columns());
            }
        }, e -> {
            if (gen == showing) {
                error.set("Could not rank for user " + u.externalId() + ": "
                        + (e.getMessage() == null ? e : e.getMessage()));
            }
        });
        return job;
    }

    // ---- linking and the shared selection ----------------------------------------------------------------------

    /** Selects {@code item} (dense index) here, in every column, and in the shared item selection. */
    public void select(int item) {
        selectedItem.set(item);
        EvalRun r = run.get();
        if (r != null && item >= 0) {
            selection.replace(r.data().dataset(), new long[] {r.data().interactions().itemIds()[item]});
        }
    }

    /** Asks the app to open {@code item} (the Datasets detail pane shows it). */
    public void open(int item) {
        EvalRun r = run.get();
        if (r != null && item >= 0) {
            selection.open(r.data().dataset(), r.data().interactions().itemIds()[item], r.data().itemExternalIds()[item]);
        }
    }

    /** The item under the mouse (-1: none); it is linked across the columns while hovered. */
    public void hover(int item) {
        hoveredItem.set(item);
    }

    private void updateLinked() {
        linkedItem.set(hoveredItem.get() >= 0 ? hoveredItem.get() : selectedItem.get());
    }

    // ---- metrics -----------------------------------------------------------------------------------------------

    /** Shows a stored run's metrics in the Metrics tab (rankings stay those of the run evaluated here). */
    public void showStoredMetrics(long runId) {
        experiments.run(runId).ifPresent(s -> showMetrics(new MetricsSource(runId, s.describe(), s.models()),
                metricK.get() == null ? k.get() : metricK.get()));
    }

    private void showMetrics(MetricsSource source, int preferredK) {
        metrics = source;
        List<Integer> ks = new ArrayList<>(MetricRow.ks(source.models()));
        metricKs.setAll(ks);
        metricsLine.set("Run #" + source.runId() + ": " + source.protocol());
        Integer next = ks.contains(preferredK) ? Integer.valueOf(preferredK) : ks.isEmpty() ? null : ks.get(0);
        if (Objects.equals(next, metricK.get())) {
            updateMetricRows();
        } else {
            metricK.set(next); // the listener updates the rows
        }
    }

    private void updateMetricRows() {
        if (metrics == null || metricK.get() == null) {
            metricRows.clear();
            return;
        }
        metricRows.setAll(MetricRow.rows(metrics.models(), metricK.get()));
    }

    // ---- export ------------------------------------------------------------------------------------------------

    /** Writes the shown user's columns to {@code file} in the background. */
    public Job<Path> exportRankings(Path file) {
        UserPanel p = panel.get();
        String u = p == null ? "" : p.user().externalId();
        List<ModelColumn> cols = p == null ? List.of() : p.columns();
        return export("Export rankings to " + file.getFileName(), file,
                w -> RankingsCsv.writeRankings(w, u, cols));
    }

    /** Writes the metrics table (at its K, with the protocol on every line) to {@code file} in the background. */
    public Job<Path> exportMetrics(Path file) {
        MetricsSource source = metrics;
        int at = metricK.get() == null ? k.get() : metricK.get();
        List<MetricRow> rows = List.copyOf(metricRows);
        return export("Export metrics to " + file.getFileName(), file, w -> RankingsCsv.writeMetrics(w,
                source == null ? 0 : source.runId(), at, rows, source == null ? "" : source.protocol()));
    }

    private interface CsvBody {
        void write(java.io.Writer w) throws java.io.IOException;
    }

    private Job<Path> export(String name, Path file, CsvBody body) {
        Job<Path> job = tasks.submit(name, m -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            return file;
        });
        JobBinding.follow(job, s -> { }, f -> status.set("Wrote " + f),
                e -> error.set("Could not write " + file + ": " + (e.getMessage() == null ? e : e.getMessage())));
        return job;
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ExperimentsViewModel experiments() {
        return experiments;
    }

    /** The CTR tab: the with/without-LLM-features comparison on the same dataset, split and seed. */
    public CtrViewModel ctr() {
        return ctr;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObservableList<SplitChoice> splits() {
        return splits;
    }

    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    public ObservableList<ModeChoice> modes() {
        return modes;
    }

    public ObjectProperty<ModeChoice> modeProperty() {
        return mode;
    }

    /** The length of the top-K lists, and the cut-off the metrics open at. */
    public IntegerProperty kProperty() {
        return k;
    }

    /** Filters applied before the split: blank means none. */
    public StringProperty minRatingProperty() {
        return minRating;
    }

    public StringProperty minUserInteractionsProperty() {
        return minUserInteractions;
    }

    public StringProperty minItemInteractionsProperty() {
        return minItemInteractions;
    }

    /** Train with the accepted synthetic interactions too (never tested on them). */
    public javafx.beans.property.BooleanProperty withSyntheticProperty() {
        return withSynthetic;
    }

    /** Score a seeded sample of this many users (blank: all); the LLM re-ranker needs it. */
    public StringProperty maxUsersProperty() {
        return maxUsers;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    /** The protocol the form describes, as one line (or why it is invalid). */
    public ReadOnlyStringProperty protocolLineProperty() {
        return protocolLine.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<EvalRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The shown run: its id, dataset and protocol. */
    public ReadOnlyStringProperty runLineProperty() {
        return runLine.getReadOnlyProperty();
    }

    /** The length of the shown run's lists. */
    public ReadOnlyIntegerProperty runKProperty() {
        return runK.getReadOnlyProperty();
    }

    public StringProperty userQueryProperty() {
        return userQuery;
    }

    public ObservableList<UserRow> userMatches() {
        return userMatches;
    }

    public ObjectProperty<UserRow> userProperty() {
        return user;
    }

    public ReadOnlyStringProperty usersLineProperty() {
        return usersLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserPanel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    /** The picked user's training items, newest first. */
    public ObservableList<HistoryItem> history() {
        return history;
    }

    /** The picked user's held-out target items. */
    public ObservableList<HistoryItem> heldOut() {
        return heldOut;
    }

    public ObservableList<ModelColumn> columns() {
        return columns;
    }

    /** The item marked in every column: the hovered one, else the selected one (-1: none). */
    public ReadOnlyIntegerProperty linkedItemProperty() {
        return linkedItem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedItemProperty() {
        return selectedItem;
    }

    public ObservableList<Integer> metricKs() {
        return metricKs;
    }

    public ObjectProperty<Integer> metricKProperty() {
        return metricK;
    }

    public ObservableList<MetricRow> metricRows() {
        return metricRows;
    }

    /** Which run the metrics are of, and its protocol. */
    public ReadOnlyStringProperty metricsLineProperty() {
        return metricsLine.getReadOnlyProperty();
    }
}
