package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.ReviewStore;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Review section's queue: the synthetic interactions of a dataset, filtered, sorted and paged, one of them
 * current, with everything needed to judge it, and the keyboard commands on it. Decisions go to a single writer
 * thread ({@link DecisionQueue}) in key order, each committed before the next; the screen moves on at once and
 * the row shows its stored state when the commit returns. Reads run as jobs on the app's executor.
 */
public final class ReviewViewModel implements AutoCloseable {
    public static final String ALL = "all";
    public static final int PAGE_SIZE = 500;
    private static final String END = "No pending rows after this one in the current filter.";

    /** What a page read brings back besides the rows. */
    record Page(List<SyntheticRow> rows, long total, long pending, long accepted, long rejected, long everything,
                List<String> models, List<String> batches, String annotator, BatchWork batchWork) {
    }

    /** In a batch: the rows assigned to the annotator, and those of them they have not labelled yet. */
    record BatchWork(Set<Long> assigned, Set<Long> todo) {
    }

    /** A decision as committed, with the row as stored after it (null if it vanished). */
    record Committed(ReviewDecision decision, SyntheticRow row) {
    }

    /** A bulk decision waiting for the analyst's confirmation: the exact rows it will change. */
    public record BulkRequest(String action, List<Long> ids, String filterText) {
        public String question() {
            String verb = action.equals(ReviewDecision.ACCEPT) ? "Accept" : "Reject";
            return String.format(Locale.ROOT, "%s %,d synthetic interaction%s of the current filter (%s)?", verb,
                    ids.size(), ids.size() == 1 ? "" : "s", filterText);
        }
    }

    /** Where the cursor lands after a page is read. */
    private enum Land { KEEP, FIRST, LAST, FIRST_PENDING }

    private final TaskExecutor tasks;
    private final int pageSize;
    private final DecisionQueue decisions = new DecisionQueue();
    private final BatchesViewModel batches;
    private final EffectViewModel effect;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final Map<String, Long> datasetIds = new LinkedHashMap<>();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL, "pending", "accepted", "rejected");
    private final ObservableList<String> models = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> batchNames = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> sorts = FXCollections.observableArrayList("oldest", "newest", "confidence",
            "confidence-asc", "item", "user");
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>("pending");
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> batch = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> sort = new SimpleObjectProperty<>("oldest");
    private final StringProperty minConfidence = new SimpleStringProperty("");
    private final StringProperty maxConfidence = new SimpleStringProperty("");
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");

    private final ObservableList<SyntheticRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper pending = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper accepted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rejected = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty busy = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<SyntheticRow> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReviewDetail detail = new ReviewDetail();

    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final StringProperty editText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper editError = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper annotator = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needsAnnotator = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<BulkRequest> bulkRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper yoursToDo = new ReadOnlyLongWrapper(-1);
    private final StringBinding countsLine = Bindings.createStringBinding(() -> String.format(Locale.ROOT,
            "Pending %,d · Accepted %,d · Rejected %,d", pending.get(), accepted.get(), rejected.get())
            + (yoursToDo.get() < 0 ? "" : String.format(Locale.ROOT, " · yours to do %,d", yoursToDo.get())),
            pending, accepted, rejected, yoursToDo);
    private final List<Consumer<ReviewDecision>> committedListeners = new CopyOnWriteArrayList<>();

    private final Set<Long> inFlight = new HashSet<>();
    private BatchWork batchWork;
    private final Set<Long> queried = new HashSet<>();
    private final ReadOnlyIntegerWrapper writing = new ReadOnlyIntegerWrapper();
    private long listing;
    private long detailing;
    private Land land = Land.FIRST_PENDING;

    public ReviewViewModel(TaskExecutor tasks) {
        this(tasks, PAGE_SIZE);
    }

    /** With another page size (tests cross page boundaries with a few rows). */
    ReviewViewModel(TaskExecutor tasks, int pageSize) {
        this.tasks = tasks;
        this.pageSize = pageSize;
        this.batches = new BatchesViewModel(tasks, decisions, workspace::get, this::datasetId, annotator::get,
                this::filterOrNull, this::refresh);
        this.effect = new EffectViewModel(tasks, workspace::get, this::datasetId);
        for (ObjectProperty<String> p : List.of(dataset, status, model, batch, sort)) {
            p.addListener((o, was, is) -> filtersChanged());
        }
        for (StringProperty p : List.of(minConfidence, maxConfidence, item, user)) {
            p.addListener((o, was, is) -> filtersChanged());
        }
        dataset.addListener((o, was, is) -> {
            batches.refresh();
            effect.reset();
        });
        // in a batch the others' decisions change the status; what is left to do is what this annotator has not
        // labelled, so the queue shows every status
        batch.addListener((o, was, is) -> {
            if (is != null && !ALL.equals(is) && "pending".equals(status.get())) {
                status.set(ALL);
            }
        });
    }

    /** Shows the synthetic interactions of {@code file}, whose datasets are {@code datasetInfos}. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        workspace.set(file);
        datasetIds.clear();
        datasetInfos.forEach(d -> datasetIds.put(d.name(), d.id()));
        List<String> names = List.copyOf(datasetIds.keySet());
        String keep = dataset.get();
        datasets.setAll(names);
        String next = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
        offset.set(0);
        land = Land.FIRST_PENDING;
        clearCurrent();
        annotator.set("");
        if (java.util.Objects.equals(next, dataset.get())) {
            refresh();
            batches.refresh();
            effect.reset();
        } else {
            dataset.set(next); // the listeners refresh
        }
    }

    private void filtersChanged() {
        offset.set(0);
        land = Land.FIRST_PENDING;
        refresh();
    }

    long datasetId() {
        Long id = dataset.get() == null ? null : datasetIds.get(dataset.get());
        return id == null ? 0 : id;
    }

    /** The queue's filter; throws with a readable message when a confidence bound is not a number in [0, 1]. */
    public SyntheticFilter filter() {
        return new SyntheticFilter(datasetId(), any(status.get()), any(model.get()),
                confidence(minConfidence.get(), "from"), confidence(maxConfidence.get(), "to"), trim(item.get()),
                trim(user.get()), any(batch.get()), sort.get());
    }

    private SyntheticFilter filterOrNull() {
        try {
            return filter();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double confidence(String text, String which) {
        String t = trim(text);
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("confidence " + which + ": a number between 0 and 1, not '" + t + "'");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String any(String v) {
        return v == null || ALL.equals(v) ? "" : v;
    }

    /** The filter in words, for the bulk confirmation. */
    public String describeFilter() {
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + (dataset.get() == null ? "any" : dataset.get()));
        parts.add("status " + (any(status.get()).isEmpty() ? "any" : status.get()));
        if (!any(model.get()).isEmpty()) {
            parts.add("model " + model.get());
        }
        if (!trim(minConfidence.get()).isEmpty()) {
            parts.add("confidence ≥ " + trim(minConfidence.get()));
        }
        if (!trim(maxConfidence.get()).isEmpty()) {
            parts.add("confidence ≤ " + trim(maxConfidence.get()));
        }
        if (!trim(item.get()).isEmpty()) {
            parts.add("item " + trim(item.get()));
        }
        if (!trim(user.get()).isEmpty()) {
            parts.add("user " + trim(user.get()));
        }
        if (!any(batch.get()).isEmpty()) {
            parts.add("batch " + batch.get());
        }
        return String.join(", ", parts);
    }

    // ---- reading the queue ----------------------------------------------------------------------------------------

    /** Re-reads the current page, the counts per status and the filter choices in the background. */
    public Job<Page> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        SyntheticFilter f;
        try {
            f = filter();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        error.set("");
        long gen = ++listing;
        long from = offset.get();
        Land landing = land;
        land = Land.KEEP;
        return submit("Review queue of " + file.getFileName(), () -> {
            decisions.awaitSubmitted(); // the page shows every decision already made, never a stale pending row
            try (Workspace ws = Workspace.open(file)) {
                List<SyntheticRow> page = ws.synthetic().list(f, from, pageSize);
                long n = ws.synthetic().count(f);
                long p = ws.synthetic().count(f.withStatus("pending"));
                long a = ws.synthetic().count(f.withStatus("accepted"));
                long r = ws.synthetic().count(f.withStatus("rejected"));
                long all = ws.synthetic().count(SyntheticFilter.all(f.datasetId()));
                List<String> batchList = ws.annotations().batches(f.datasetId()).stream()
                        .map(ReviewStore.BatchInfo::batch).toList();
                String who = ws.annotations().annotator().orElse("");
                return new Page(page, n, p, a, r, all, ws.synthetic().models(f.datasetId()), batchList, who,
                        f.batch().isEmpty() ? null : batchWork(ws, f.batch(), who));
            }
        }, page -> {
            if (gen != listing) {
                return;
            }
            show(page, from, landing);
        });
    }

    /** What is left for {@code who} in {@code batch}: in a batch "pending" means "not labelled by me yet". */
    private static BatchWork batchWork(Workspace ws, String batch, String who) {
        Set<Long> assigned = new HashSet<>();
        Set<Long> todo = new HashSet<>();
        for (ReviewStore.AnnotatorLabel l : ws.annotations().labels(batch)) {
            if (l.annotator().equals(who)) {
                assigned.add(l.interactionId());
                if (l.status().isEmpty()) {
                    todo.add(l.interactionId());
                }
            }
        }
        return new BatchWork(assigned, todo);
    }

    private void show(Page page, long from, Land landing) {
        SyntheticRow was = current.get();
        batchWork = page.batchWork() == null ? null : new BatchWork(page.batchWork().assigned(),
                new HashSet<>(page.batchWork().todo()));
        yoursToDo.set(batchWork == null ? -1 : batchWork.todo().size());
        rows.setAll(page.rows());
        queried.clear();
        page.rows().forEach(r -> queried.add(r.interactionId()));
        total.set(page.total());
        pending.set(page.pending());
        accepted.set(page.accepted());
        rejected.set(page.rejected());
        empty.set(page.everything() == 0);
        addMissing(models, page.models());
        addMissing(batchNames, page.batches());
        annotator.set(page.annotator());
        needsAnnotator.set(page.annotator().isEmpty() && page.everything() > 0); // asked once there is work
        long first = page.rows().isEmpty() ? 0 : from + 1;
        pageLine.set(String.format(Locale.ROOT, "%,d–%,d of %,d", first, from + page.rows().size(), page.total()));
        int at = switch (landing) {
            case FIRST -> 0;
            case LAST -> rows.size() - 1;
            case FIRST_PENDING -> Math.max(0, nextPending(-1));
            case KEEP -> was == null ? 0 : Math.max(0, indexOf(was.interactionId()));
        };
        if (rows.isEmpty()) {
            clearCurrent();
        } else {
            select(at);
        }
    }

    private static void addMissing(ObservableList<String> choices, List<String> found) {
        for (String s : found) {
            if (!s.isEmpty() && !choices.contains(s)) {
                choices.add(s);
            }
        }
    }

    private boolean hasNextPage() {
        return offset.get() + queried.size() < total.get();
    }

    /**
     * Where the next page starts: rows decided here that left the status filter have moved the rest of the
     * filter up by as many places.
     */
    private long nextOffset() {
        String s = any(status.get());
        long departed = s.isEmpty() ? 0 : rows.stream()
                .filter(r -> queried.contains(r.interactionId()) && !r.status().equals(s)).count();
        return offset.get() + queried.size() - departed;
    }

    public void nextPage() {
        if (hasNextPage()) {
            loadPage(nextOffset(), Land.FIRST);
        }
    }

    public void previousPage() {
        if (offset.get() > 0) {
            loadPage(Math.max(0, offset.get() - pageSize), Land.LAST);
        }
    }

    private void loadPage(long from, Land landing) {
        offset.set(from);
        land = landing;
        refresh();
    }

    // ---- the current row -------------------------------------------------------------------------------------------

    /** Makes row {@code index} of the page current and reads its detail. */
    public void select(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        SyntheticRow row = rows.get(index);
        boolean same = current.get() != null && current.get().interactionId() == row.interactionId();
        currentIndex.set(index);
        current.set(row);
        showFacts(row);
        if (!same) {
            editing.set(false);
            editError.set("");
        }
        loadDetail(row);
    }

    public void select(SyntheticRow row) {
        if (row != null) {
            select(indexOf(row.interactionId()));
        }
    }

    private int indexOf(long interactionId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).interactionId() == interactionId) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first row after {@code from} still to decide, whose decision is not on its way: pending, or in a batch,
     * assigned to the annotator and not labelled by them yet (others may have decided it). -1 when none.
     */
    private int nextPending(int from) {
        for (int i = from + 1; i < rows.size(); i++) {
            SyntheticRow r = rows.get(i);
            boolean open = batchWork != null ? batchWork.todo().contains(r.interactionId()) : "pending".equals(r.status());
            if (open && !inFlight.contains(r.interactionId())) {
                return i;
            }
        }
        return -1;
    }

    private void labelled(long id, boolean undone) {
        if (batchWork != null && batchWork.assigned().contains(id)) {
            if (undone) {
                batchWork.todo().add(id);
            } else {
                batchWork.todo().remove(id);
            }
            yoursToDo.set(batchWork.todo().size());
        }
    }

    private void clearCurrent() {
        ++detailing;
        current.set(null);
        currentIndex.set(-1);
        detail.clear();
        editing.set(false);
        editError.set("");
    }

    private void showFacts(SyntheticRow r) {
        detail.showFacts(r);
    }

    private void loadDetail(SyntheticRow row) {
        Path file = workspace.get();
        if (file == null) {
            return;
        }
        long gen = ++detailing;
        submit("Review detail of #" + row.interactionId(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return RowText.readDetail(ws, row);
            }
        }, (RowText.Detail d) -> {
            if (gen != detailing) {
                return;
            }
            detail.show(d);
        });
    }

    // ---- decisions ---------------------------------------------------------------------------------------------------

    public boolean accept() {
        return decide(ReviewDecision.ACCEPT, Double.NaN);
    }

    public boolean reject() {
        return decide(ReviewDecision.REJECT, Double.NaN);
    }

    public boolean skip() {
        return decide(ReviewDecision.SKIP, Double.NaN);
    }

    /** Opens the inline editor on the current row's value. */
    public boolean startEdit() {
        SyntheticRow row = current.get();
        if (row == null) {
            return false;
        }
        editText.set(Double.isNaN(row.value()) ? "" : RowText.value(row.value()));
        editError.set("");
        editing.set(true);
        return true;
    }

    /** Saves the editor's value as an edit (which accepts the row); a value that is not a number saves nothing. */
    public boolean commitEdit() {
        if (!editing.get()) {
            return false;
        }
        String t = trim(editText.get());
        double v;
        try {
            v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            editError.set("A label (1 or 0) or a rating such as 4 or 3.5, not '" + t + "'");
            return false;
        }
        editing.set(false);
        editError.set("");
        return decide(ReviewDecision.EDIT, v);
    }

    public void cancelEdit() {
        editing.set(false);
        editError.set("");
    }

    private boolean decide(String action, double value) {
        SyntheticRow row = current.get();
        Path file = workspace.get();
        if (row == null || file == null) {
            return false;
        }
        if (!hasAnnotator()) {
            return false;
        }
        String who = annotator.get();
        String inBatch = any(batch.get());
        long id = row.interactionId();
        int at = currentIndex.get();
        String after = switch (action) {
            case ReviewDecision.ACCEPT, ReviewDecision.EDIT -> "accepted";
            case ReviewDecision.REJECT -> "rejected";
            default -> row.status();
        };
        // shown at once; replaced by the stored row when the commit returns
        rows.set(at, with(row, after, action.equals(ReviewDecision.EDIT) ? value : row.value()));
        inFlight.add(id);
        if (!action.equals(ReviewDecision.SKIP)) {
            labelled(id, false);
        }
        boolean[] last = new boolean[1];
        // queued before moving on: a page read that moving on starts must wait for this decision
        write(ws -> {
            ReviewDecision d = DecisionQueue.withRetry(() -> ws.annotations().decide(id, who, action, after, value,
                    inBatch));
            return new Committed(d, ws.synthetic().get(id).orElse(null));
        }, c -> {
            inFlight.remove(id);
            committed(c);
            message.set(done(c.decision(), c.row()) + (last[0] ? ". " + END : ""));
        }, e -> {
            inFlight.remove(id);
            error.set("Not saved: " + e.getMessage());
            reread(id);
        });
        last[0] = !moveOn(at);
        return true;
    }

    private static String done(ReviewDecision d, SyntheticRow r) {
        String what = switch (d.action()) {
            case ReviewDecision.ACCEPT -> "Accepted";
            case ReviewDecision.REJECT -> "Rejected";
            case ReviewDecision.EDIT -> "Set to " + RowText.value(d.afterValue()) + " and accepted";
            case ReviewDecision.SKIP -> "Skipped";
            case ReviewDecision.UNDO -> "Undone: back to " + d.afterStatus();
            default -> d.action();
        };
        return what + (r == null ? "" : ": " + r.userExternalId() + " → " + r.itemExternalId()) + " (saved)";
    }

    /**
     * After a decision on row {@code at}: the next pending row, on the next page if this one has none. False when
     * there is none (the cursor stays).
     */
    private boolean moveOn(int at) {
        int next = nextPending(at);
        if (next >= 0) {
            select(next);
        } else if (hasNextPage()) {
            loadPage(nextOffset(), Land.FIRST_PENDING);
        } else {
            select(at); // stays, showing its new state
            message.set(END);
            return false;
        }
        return true;
    }

    /** Reverts the annotator's latest decision (logged as an undo) and makes the reverted row current. */
    public boolean undo() {
        Path file = workspace.get();
        if (file == null || !hasAnnotator()) {
            return false;
        }
        String who = annotator.get();
        long ds = datasetId();
        write(ws -> DecisionQueue.withRetry(() -> ws.annotations().undoLast(who, ds))
                .map(d -> new Committed(d, ws.synthetic().get(d.interactionId()).orElse(null))).orElse(null), c -> {
            if (c == null) {
                message.set("Nothing to undo.");
                return;
            }
            committed(c);
            labelled(c.decision().interactionId(), true);
            message.set(done(c.decision(), c.row()));
            if (c.row() != null) {
                int i = indexOf(c.row().interactionId());
                if (i < 0) { // decided on another page: shown here so that it can be decided again
                    i = Math.max(0, currentIndex.get());
                    rows.add(Math.min(i, rows.size()), c.row());
                }
                select(i);
            }
        }, e -> error.set("Undo failed: " + e.getMessage()));
        return true;
    }

    /** Applies a committed decision to the page: the row as stored, the counts, the detail when it is current. */
    private void committed(Committed c) {
        ReviewDecision d = c.decision();
        if (c.row() != null) {
            int i = indexOf(d.interactionId());
            if (i >= 0) {
                rows.set(i, c.row());
                if (i == currentIndex.get()) {
                    current.set(c.row());
                    showFacts(c.row());
                    loadDetail(c.row());
                }
            }
        }
        count(d.beforeStatus(), -1);
        count(d.afterStatus(), +1);
        committedListeners.forEach(l -> l.accept(d));
    }

    private void count(String s, int delta) {
        switch (s) {
            case "pending" -> pending.set(pending.get() + delta);
            case "accepted" -> accepted.set(accepted.get() + delta);
            case "rejected" -> rejected.set(rejected.get() + delta);
            default -> { }
        }
    }

    private void reread(long id) {
        write(ws -> ws.synthetic().get(id).orElse(null), r -> {
            int i = r == null ? -1 : indexOf(id);
            if (i >= 0) {
                rows.set(i, r);
            }
        }, e -> { });
    }

    static SyntheticRow with(SyntheticRow r, String status, double value) {
        return new SyntheticRow(r.interactionId(), r.datasetId(), r.userId(), r.userExternalId(), r.itemId(),
                r.itemExternalId(), r.itemTitle(), value, status, r.origin(), r.target(), r.model(), r.confidence(),
                r.rationale(), r.proposedValue(), r.contentScore(), r.collabScore(), r.generationId(), r.sourceFile(),
                r.sourceLine(), r.createdAt());
    }

    /** Runs a write on the decision thread; the callbacks run on the JavaFX thread. */
    private <T> CompletableFuture<T> write(Function<Workspace, T> work, Consumer<T> onDone,
                                           Consumer<Throwable> onError) {
        writing.set(writing.get() + 1);
        return decisions.submit(workspace.get(), work, v -> {
            writing.set(writing.get() - 1);
            onDone.accept(v);
        }, e -> {
            writing.set(writing.get() - 1);
            onError.accept(e);
        });
    }

    // ---- the annotator ---------------------------------------------------------------------------------------------

    private boolean hasAnnotator() {
        if (annotator.get().isEmpty()) {
            needsAnnotator.set(true);
            message.set("Set your annotator name first: every decision is logged with it.");
            return false;
        }
        return true;
    }

    /** Sets the workspace's annotator name; a blank or over-long name changes nothing and says why. */
    public CompletableFuture<String> setAnnotator(String name) {
        String n = trim(name);
        if (n.isEmpty() || n.length() > 80) {
            error.set("An annotator name is 1 to 80 characters.");
            return CompletableFuture.failedFuture(new IllegalArgumentException(error.get()));
        }
        if (workspace.get() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        return write(ws -> {
            DecisionQueue.withRetry(() -> {
                ws.annotations().setAnnotator(n);
                return n;
            });
            return n;
        }, saved -> {
            annotator.set(saved);
            needsAnnotator.set(false);
            error.set("");
            message.set("Decisions are now logged as " + saved + ".");
            if (batchWork != null) { // another annotator: other rows are theirs to do
                land = Land.FIRST_PENDING;
                refresh();
            }
        }, e -> error.set("Could not save the annotator name: " + e.getMessage()));
    }

    // ---- bulk decisions ----------------------------------------------------------------------------------------------

    /** Reads the rows of the current filter and asks for confirmation ({@link #bulkRequestProperty()}). */
    public Job<List<Long>> requestBulk(String action) {
        Path file = workspace.get();
        if (file == null || !hasAnnotator()) {
            return null;
        }
        if (!action.equals(ReviewDecision.ACCEPT) && !action.equals(ReviewDecision.REJECT)) {
            throw new IllegalArgumentException("bulk decisions are accept or reject, not " + action);
        }
        SyntheticFilter f;
        try {
            f = filter();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        String text = describeFilter();
        return submit("Rows for bulk " + action, () -> {
            decisions.awaitSubmitted();
            try (Workspace ws = Workspace.open(file)) {
                return ws.synthetic().ids(f);
            }
        }, ids -> {
            if (ids.isEmpty()) {
                message.set("No rows in the current filter.");
            } else {
                bulkRequest.set(new BulkRequest(action, ids, text));
            }
        });
    }

    /** Applies the confirmed bulk decision (each row logged as its own decision), then re-reads the page. */
    public CompletableFuture<Integer> confirmBulk() {
        BulkRequest req = bulkRequest.get();
        bulkRequest.set(null);
        if (req == null || !hasAnnotator()) {
            return CompletableFuture.completedFuture(0);
        }
        String who = annotator.get();
        return write(ws -> DecisionQueue.withRetry(() -> ws.annotations().bulk(req.ids(), who, req.action())), n -> {
            message.set(String.format(Locale.ROOT, "%s %,d rows (saved).",
                    req.action().equals(ReviewDecision.ACCEPT) ? "Accepted" : "Rejected", n));
            land = Land.FIRST_PENDING;
            offset.set(0);
            refresh();
        }, e -> error.set("Bulk " + req.action() + " failed, nothing changed: " + e.getMessage()));
    }

    public void cancelBulk() {
        bulkRequest.set(null);
    }

    // ---- moving -------------------------------------------------------------------------------------------------------

    /** → : the next row, on the next page at the end of this one. */
    public void next() {
        int i = currentIndex.get();
        if (i + 1 < rows.size()) {
            select(i + 1);
        } else if (hasNextPage()) {
            loadPage(nextOffset(), Land.FIRST);
        }
    }

    /** ← : the previous row, on the previous page at the start of this one. */
    public void previous() {
        int i = currentIndex.get();
        if (i > 0) {
            select(i - 1);
        } else if (offset.get() > 0) {
            loadPage(Math.max(0, offset.get() - pageSize), Land.LAST);
        }
    }

    /** Tells {@code listener} (on the JavaFX thread) of every decision once it is committed. */
    public void addCommittedListener(Consumer<ReviewDecision> listener) {
        committedListeners.add(listener);
    }

    private <T> Job<T> submit(String name, Callable<T> work, Consumer<T> done) {
        busy.set(busy.get() + 1);
        Job<T> job = tasks.submit(name, m -> work.call());
        JobBinding.follow(job, s -> { }, v -> {
            busy.set(busy.get() - 1);
            done.accept(v);
        }, e -> {
            busy.set(busy.get() - 1);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        });
        return job;
    }

    /** Finishes the decisions on their way and closes the decision thread's workspace. */
    @Override
    public void close() {
        decisions.close();
    }

    // ---- properties ---------------------------------------------------------------------------------------------------

    public BatchesViewModel batches() {
        return batches;
    }

    public EffectViewModel effect() {
        return effect;
    }

    public ReadOnlyObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> batchNames() {
        return batchNames;
    }

    public ObservableList<String> sorts() {
        return sorts;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<String> batchProperty() {
        return batch;
    }

    public ObjectProperty<String> sortProperty() {
        return sort;
    }

    public StringProperty minConfidenceProperty() {
        return minConfidence;
    }

    public StringProperty maxConfidenceProperty() {
        return maxConfidence;
    }

    public StringProperty itemProperty() {
        return item;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObservableList<SyntheticRow> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty acceptedProperty() {
        return accepted.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    /** "Pending 12 · Accepted 3 · Rejected 1" for the filter without its status. */
    public StringBinding countsLine() {
        return countsLine;
    }

    public ReadOnlyStringProperty pageLineProperty() {
        return pageLine.getReadOnlyProperty();
    }

    /** True once read and the dataset has no synthetic interactions at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public BooleanBinding busy() {
        return busy.greaterThan(0);
    }

    /** How many decisions (and other writes) are on their way to the disk. */
    public ReadOnlyIntegerProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyntheticRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    /** The evidence for the current row (detail pane). */
    public ReviewDetail detail() {
        return detail;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty editTextProperty() {
        return editText;
    }

    public ReadOnlyStringProperty editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty annotatorProperty() {
        return annotator.getReadOnlyProperty();
    }

    /** True when a decision needs an annotator name and none is set for this workspace. */
    public ReadOnlyBooleanProperty needsAnnotatorProperty() {
        return needsAnnotator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BulkRequest> bulkRequestProperty() {
        return bulkRequest.getReadOnlyProperty();
    }
}
