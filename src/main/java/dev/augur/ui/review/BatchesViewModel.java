package dev.augur.ui.review;

import dev.augur.core.review.Agreement;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.ReviewStore;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Review section's Batches tab: batches handed to several annotators with overlap, their agreement (percent,
 * Cohen's kappa for two annotators, Fleiss' for more; per label) and the conflicts to adjudicate. Reads run as jobs;
 * adjudications are decisions and go through the same single writer as the queue's.
 */
public final class BatchesViewModel {
    /** A batch with its agreement report. */
    public record BatchRow(String batch, List<String> annotators, int interactions, Agreement.Report report) {
        public String agreementText() {
            return report.interactions() == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", report.percentAgreement() * 100);
        }

        /** Cohen's kappa for two annotators, Fleiss' for more; "–" until two annotators labelled one row. */
        public String kappaText() {
            if (report.interactions() == 0) {
                return "–";
            }
            return !Double.isNaN(report.cohensKappa()) ? "Cohen " + kappa(report.cohensKappa())
                    : "Fleiss " + kappa(report.fleissKappa());
        }
    }

    /** The specific agreement on one label ("rejected", "accepted:4"). */
    public record LabelRow(String label, double agreement) {
        public String agreementText() {
            return Double.isNaN(agreement) ? "–" : String.format(Locale.ROOT, "%.1f %%", agreement * 100);
        }
    }

    /** A row the annotators disagree on: who said what, its status now and any adjudication. */
    public record ConflictRow(long interactionId, String user, String item, String labels, String status,
                              String adjudication) {
    }

    record Loaded(List<BatchRow> batches) {
    }

    private final BackgroundJobs jobs;
    private final DecisionQueue decisions;
    private final Supplier<Path> workspace;
    private final LongSupplier datasetId;
    private final Supplier<String> annotator;
    private final Supplier<SyntheticFilter> queueFilter;
    private final Runnable onChanged;
    private final ObservableList<BatchRow> batches = FXCollections.observableArrayList();
    private final ObjectProperty<BatchRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<LabelRow> labels = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictRow> selectedConflict = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newAnnotators = new SimpleStringProperty("");
    private final IntegerProperty perItem = new SimpleIntegerProperty(2);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBinding planLine;
    private long listing;
    private long conflicting;
    private String selectAfterRefresh;

    BatchesViewModel(TaskExecutor tasks, DecisionQueue decisions, Supplier<Path> workspace, LongSupplier datasetId,
                     Supplier<String> annotator, Supplier<SyntheticFilter> queueFilter, Runnable onChanged) {
        this.jobs = new BackgroundJobs(tasks, error::set);
        this.decisions = decisions;
        this.workspace = workspace;
        this.datasetId = datasetId;
        this.annotator = annotator;
        this.queueFilter = queueFilter;
        this.onChanged = onChanged;
        selected.addListener((o, was, is) -> showBatch(is));
        planLine = Bindings.createStringBinding(() -> {
            List<String> names = names(newAnnotators.get());
            if (names.isEmpty()) {
                return "Name the annotators, separated by commas.";
            }
            int k = Math.min(Math.max(1, perItem.get()), names.size());
            return k == names.size() ? "Every row of the queue's current filter to all " + names.size() + " annotators."
                    : "Every row of the queue's current filter to " + k + " of the " + names.size()
                    + " annotators, in rotation.";
        }, newAnnotators, perItem);
    }

    /** The distinct names in a comma-separated list, in order. */
    static List<String> names(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : (text == null ? "" : text).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Which annotators get which rows: row {@code i} goes to {@code perItem} annotators in a window starting at
     * {@code i mod n}, so each row gets exactly {@code perItem} and every annotator about the same number.
     */
    static Map<List<String>, List<Long>> plan(List<Long> ids, List<String> annotators, int perItem) {
        int n = annotators.size();
        int k = Math.min(Math.max(1, perItem), n);
        Map<List<String>, List<Long>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> group = new ArrayList<>(k);
            for (int j = 0; j < n; j++) { // in the given order, so that a window is one group however it wraps
                if (Math.floorMod(j - i, n) < k) {
                    group.add(annotators.get(j));
                }
            }
            out.computeIfAbsent(List.copyOf(group), g -> new ArrayList<>()).add(ids.get(i));
        }
        return out;
    }

    /** Re-reads the batches and their agreement; the selection is kept by name. */
    public Job<Loaded> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long ds = datasetId.getAsLong();
        long gen = ++listing;
        return jobs.submit("Review batches of " + file.getFileName(), () -> {
            decisions.awaitSubmitted();
            try (Workspace ws = Workspace.open(file)) {
                List<BatchRow> out = new ArrayList<>();
                for (ReviewStore.BatchInfo b : ws.annotations().batches(ds)) {
                    out.add(new BatchRow(b.batch(), b.annotators(), b.interactions(),
                            Agreement.of(ws.annotations().labels(b.batch()))));
                }
                return new Loaded(out);
            }
        }, loaded -> {
            if (gen != listing) {
                return;
            }
            String keep = selectAfterRefresh != null ? selectAfterRefresh
                    : selected.get() == null ? null : selected.get().batch();
            selectAfterRefresh = null;
            batches.setAll(loaded.batches());
            BatchRow again = loaded.batches().stream().filter(b -> b.batch().equals(keep)).findFirst()
                    .orElse(loaded.batches().isEmpty() ? null : loaded.batches().get(0));
            selected.set(again);
            if (again != null && again.batch().equals(keep)) {
                showBatch(again); // same name: the listener did not fire, the numbers may have changed
            }
        });
    }

    private void showBatch(BatchRow b) {
        if (b == null) {
            labels.clear();
            conflicts.clear();
            summary.set("");
            return;
        }
        labels.setAll(b.report().perLabel().entrySet().stream().map(e -> new LabelRow(e.getKey(), e.getValue())).toList());
        summary.set(b.report().interactions() == 0 ? b.batch() + ": no row labelled by two annotators yet."
                : b.batch() + ": " + b.report().describe() + ", " + b.report().conflicts().size() + " conflicts.");
        loadConflicts(b);
    }

    private void loadConflicts(BatchRow b) {
        Path file = workspace.get();
        long gen = ++conflicting;
        Long keep = selectedConflict.get() == null ? null : selectedConflict.get().interactionId();
        jobs.submit("Conflicts of batch " + b.batch(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                Map<Long, List<String>> said = new LinkedHashMap<>();
                for (ReviewStore.AnnotatorLabel l : ws.annotations().labels(b.batch())) {
                    String lab = Agreement.label(l);
                    if (!lab.isEmpty()) {
                        said.computeIfAbsent(l.interactionId(), k -> new ArrayList<>()).add(l.annotator() + ": " + lab);
                    }
                }
                List<ConflictRow> out = new ArrayList<>();
                for (long id : b.report().conflicts()) {
                    SyntheticRow r = ws.synthetic().get(id).orElse(null);
                    if (r == null) {
                        continue;
                    }
                    List<ReviewDecision> trail = ws.annotations().history(id);
                    java.util.Set<Long> undone = new java.util.HashSet<>();
                    trail.forEach(d -> undone.add(d.undoes()));
                    String adjudication = "";
                    for (ReviewDecision d : trail) {
                        if (d.action().equals(ReviewDecision.ADJUDICATE) && !undone.contains(d.id())) {
                            adjudication = d.afterStatus() + " by " + d.annotator();
                        }
                    }
                    out.add(new ConflictRow(id, r.userExternalId(), r.itemTitle().isBlank() ? r.itemExternalId()
                            : r.itemTitle() + " (" + r.itemExternalId() + ")",
                            String.join(", ", said.getOrDefault(id, List.of())), r.status(), adjudication));
                }
                return out;
            }
        }, rows -> {
            if (gen != conflicting) {
                return;
            }
            conflicts.setAll(rows);
            selectedConflict.set(rows.stream().filter(c -> keep != null && c.interactionId() == keep).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0)));
        });
    }

    /**
     * Creates batch {@link #newNameProperty()} from the queue's current filter, each row to
     * {@link #perItemProperty()} of the named annotators. Bad input changes nothing and says why.
     */
    public Job<Integer> create() {
        Path file = workspace.get();
        String name = newName.get() == null ? "" : newName.get().trim();
        List<String> people = names(newAnnotators.get());
        SyntheticFilter f = queueFilter.get();
        String why = name.isEmpty() ? "Give the batch a name."
                : batches.stream().anyMatch(b -> b.batch().equals(name)) ? "A batch named " + name + " exists already."
                : people.isEmpty() ? "Name at least one annotator."
                : people.stream().anyMatch(p -> p.length() > 80) ? "An annotator name is 1 to 80 characters."
                : perItem.get() < 1 || perItem.get() > people.size()
                ? "Each row goes to 1 to " + people.size() + " annotators, not " + perItem.get() + "."
                : f == null ? "The queue's filter is not valid; fix it first." : null;
        if (file == null || why != null) {
            error.set(why == null ? "No workspace is open." : why);
            return null;
        }
        error.set("");
        SyntheticFilter all = f.withBatch("");
        int k = perItem.get();
        return jobs.submit("Create review batch " + name, () -> {
            try (Workspace ws = Workspace.open(file)) {
                List<Long> ids = ws.synthetic().ids(all);
                if (ids.isEmpty()) {
                    throw new IllegalArgumentException("the queue's current filter has no rows to put in a batch");
                }
                for (Map.Entry<List<String>, List<Long>> e : plan(ids, people, k).entrySet()) {
                    ws.annotations().assign(name, e.getValue(), e.getKey());
                }
                return ids.size();
            }
        }, n -> {
            message.set(String.format(Locale.ROOT, "Batch %s: %,d rows, each to %d of %d annotators.", name, n,
                    k, people.size()));
            newName.set("");
            selectAfterRefresh = name;
            refresh();
            onChanged.run();
        });
    }

    /** Settles the selected conflict as {@code accepted} or {@code rejected} (logged as an adjudication). */
    public CompletableFuture<ReviewDecision> adjudicate(String status) {
        ConflictRow c = selectedConflict.get();
        BatchRow b = selected.get();
        Path file = workspace.get();
        String who = annotator.get();
        if (c == null || b == null || file == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (who == null || who.isBlank()) {
            error.set("Set your annotator name first: every decision is logged with it.");
            return CompletableFuture.completedFuture(null);
        }
        int at = conflicts.indexOf(c);
        if (at + 1 < conflicts.size()) {
            selectedConflict.set(conflicts.get(at + 1)); // on to the next, as in the queue
        }
        return decisions.submit(file, ws -> DecisionQueue.withRetry(() -> ws.annotations().decide(c.interactionId(),
                who, ReviewDecision.ADJUDICATE, status, Double.NaN, b.batch())), d -> {
            message.set("Adjudicated " + c.user() + " → " + c.item() + ": " + d.afterStatus() + " (saved).");
            loadConflicts(b);
            onChanged.run();
        }, e -> error.set("Not saved: " + e.getMessage()));
    }

    private static String kappa(double k) {
        return Double.isNaN(k) ? "–" : String.format(Locale.ROOT, "κ %.3f", k);
    }

    public ObservableList<BatchRow> batches() {
        return batches;
    }

    public ObjectProperty<BatchRow> selectedProperty() {
        return selected;
    }

    public ObservableList<LabelRow> labels() {
        return labels;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }

    public ObjectProperty<ConflictRow> selectedConflictProperty() {
        return selectedConflict;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newAnnotatorsProperty() {
        return newAnnotators;
    }

    public IntegerProperty perItemProperty() {
        return perItem;
    }

    public StringBinding planLine() {
        return planLine;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
