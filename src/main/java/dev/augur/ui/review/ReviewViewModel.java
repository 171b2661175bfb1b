package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Review section's queue: the synthetic interactions of a dataset, filtered ({@link QueueFilter}), sorted and
 * paged, one of them current, with everything needed to judge it, and the keyboard commands on it. Decisions go to
 * a single writer thread ({@link DecisionQueue}) in key order, each committed before the next; the screen moves on
 * at once and the row shows its stored state when the commit returns. Reads run as jobs on the app's executor.
 */
public final class ReviewViewModel implements AutoCloseable {
    public static final int PAGE_SIZE = 500;
    private static final String END = "No pending rows after this one in the current filter.";

    /** A decision as committed, with the row as stored after it (null if it vanished). */
    record Committed(ReviewDecision decision, SyntheticRow row) {
    }

    /** Where the cursor lands after a page is read. */
    private enum Land { KEEP, FIRST, LAST, FIRST_PENDING }

    private final int pageSize;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BackgroundJobs jobs;
    private final DecisionQueue decisions = new DecisionQueue();
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final QueueFilter filter = new QueueFilter();
    private final QueueCounts counts = new QueueCounts();
    private final Annotator annotator;
    private final BulkDecisions bulk;
    private final BatchesViewModel batches;
    private final EffectViewModel effect;

    private final ShownPage page = new ShownPage();
    private final ObservableList<SyntheticRow> rows = page.rows();
    private final ReviewDetail detail;
    private final ValueEditor editor = new ValueEditor();
    private final List<Consumer<ReviewDecision>> committedListeners = new CopyOnWriteArrayList<>();

    private final Set<Long> inFlight = new HashSet<>();
    private long listing;
    private Land land = Land.FIRST_PENDING;

    public ReviewViewModel(TaskExecutor tasks) {
        this(tasks, PAGE_SIZE);
    }

    /** With another page size (tests cross page boundaries with a few rows). */
    ReviewViewModel(TaskExecutor tasks, int pageSize) {
        this.pageSize = pageSize;
        this.jobs = new BackgroundJobs(tasks, error::set);
        this.detail = new ReviewDetail(jobs, workspace::get);
        this.annotator = new Annotator(decisions, workspace::get, message, error, () -> {
            if (counts.inBatch()) { // another annotator: other rows are theirs to do
                land = Land.FIRST_PENDING;
                refresh();
            }
        });
        this.bulk = new BulkDecisions(jobs, decisions, workspace::get, filter, annotator, message, error,
                () -> loadPage(0, Land.FIRST_PENDING));
        this.batches = new BatchesViewModel(tasks, decisions, workspace::get, filter::datasetId, annotator::name,
                filter::buildOrNull, this::refresh);
        this.effect = new EffectViewModel(tasks, workspace::get, filter::datasetId);
        filter.onChange(() -> loadPage(0, Land.FIRST_PENDING));
        filter.datasetProperty().addListener((o, was, is) -> {
            batches.refresh();
            effect.reset();
        });
    }

    /** Shows the synthetic interactions of {@code file}, whose datasets are {@code datasetInfos}. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        workspace.set(file);
        String next = filter.offerDatasets(datasetInfos);
        page.startAt(0);
        land = Land.FIRST_PENDING;
        clearCurrent();
        annotator.forget();
        if (Objects.equals(next, filter.datasetProperty().get())) {
            refresh();
            batches.refresh();
            effect.reset();
        } else {
            filter.datasetProperty().set(next); // the listeners refresh
        }
    }

    // ---- reading the queue ----------------------------------------------------------------------------------------

    /** Re-reads the current page, the counts per status and the filter choices in the background. */
    public Job<QueuePage> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        SyntheticFilter f;
        try {
            f = filter.build();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        error.set("");
        long gen = ++listing;
        long from = page.offset();
        Land landing = land;
        land = Land.KEEP;
        return jobs.submit("Review queue of " + file.getFileName(), () -> {
            decisions.awaitSubmitted(); // the page shows every decision already made, never a stale pending row
            try (Workspace ws = Workspace.open(file)) {
                return QueuePage.read(ws, f, from, pageSize);
            }
        }, read -> {
            if (gen != listing) {
                return;
            }
            show(read, from, landing);
        });
    }

    private void show(QueuePage read, long from, Land landing) {
        SyntheticRow was = page.current();
        counts.show(read);
        page.show(read, from);
        filter.offerChoices(read.models(), read.batches());
        annotator.read(read.annotator(), read.everything() > 0); // asked once there is work
        int at = switch (landing) {
            case FIRST -> 0;
            case LAST -> rows.size() - 1;
            case FIRST_PENDING -> Math.max(0, nextPending(-1));
            case KEEP -> was == null ? 0 : Math.max(0, page.indexOf(was.interactionId()));
        };
        if (rows.isEmpty()) {
            clearCurrent();
        } else {
            select(at);
        }
    }

    public void nextPage() {
        if (page.hasNextPage()) {
            loadPage(page.nextOffset(filter.statusChosen()), Land.FIRST);
        }
    }

    public void previousPage() {
        if (page.offset() > 0) {
            loadPage(Math.max(0, page.offset() - pageSize), Land.LAST);
        }
    }

    private void loadPage(long from, Land landing) {
        page.startAt(from);
        land = landing;
        refresh();
    }

    // ---- the current row -------------------------------------------------------------------------------------------

    /** Makes row {@code index} of the page current and reads its detail. */
    public void select(int index) {
        SyntheticRow was = page.current();
        SyntheticRow row = page.makeCurrent(index);
        if (row == null) {
            return;
        }
        if (was == null || was.interactionId() != row.interactionId()) {
            editor.cancel();
        }
        detail.read(row);
    }

    /** The first row after {@code from} still to decide whose decision is not on its way; -1 when none. */
    private int nextPending(int from) {
        for (int i = from + 1; i < rows.size(); i++) {
            SyntheticRow r = rows.get(i);
            if (counts.toDecide(r) && !inFlight.contains(r.interactionId())) {
                return i;
            }
        }
        return -1;
    }

    private void clearCurrent() {
        page.clearCurrent();
        detail.clear();
        editor.cancel();
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
        SyntheticRow row = page.current();
        if (row == null) {
            return false;
        }
        editor.open(row);
        return true;
    }

    /** Saves the editor's value as an edit (which accepts the row); a value that is not a number saves nothing. */
    public boolean commitEdit() {
        OptionalDouble v = editor.take();
        return v.isPresent() && decide(ReviewDecision.EDIT, v.getAsDouble());
    }

    private boolean decide(String action, double value) {
        SyntheticRow row = page.current();
        Path file = workspace.get();
        if (row == null || file == null) {
            return false;
        }
        if (!annotator.require()) {
            return false;
        }
        String who = annotator.name();
        String inBatch = filter.batchChosen();
        long id = row.interactionId();
        int at = page.currentIndex();
        String after = switch (action) {
            case ReviewDecision.ACCEPT, ReviewDecision.EDIT -> "accepted";
            case ReviewDecision.REJECT -> "rejected";
            default -> row.status();
        };
        // shown at once; replaced by the stored row when the commit returns
        page.showDecided(at, row, after, action.equals(ReviewDecision.EDIT) ? value : row.value());
        inFlight.add(id);
        if (!action.equals(ReviewDecision.SKIP)) {
            counts.labelled(id, false);
        }
        boolean[] last = new boolean[1];
        // queued before moving on: a page read that moving on starts must wait for this decision
        decisions.write(file, ws -> {
            ReviewDecision d = DecisionQueue.withRetry(() -> ws.annotations().decide(id, who, action, after, value,
                    inBatch));
            return new Committed(d, ws.synthetic().get(id).orElse(null));
        }, c -> {
            inFlight.remove(id);
            committed(c);
            message.set(RowText.done(c.decision(), c.row()) + (last[0] ? ". " + END : ""));
        }, e -> {
            inFlight.remove(id);
            error.set("Not saved: " + e.getMessage());
            reread(id);
        });
        last[0] = !moveOn(at);
        return true;
    }

    /**
     * After a decision on row {@code at}: the next pending row, on the next page if this one has none. False when
     * there is none (the cursor stays).
     */
    private boolean moveOn(int at) {
        int next = nextPending(at);
        if (next >= 0) {
            select(next);
        } else if (page.hasNextPage()) {
            loadPage(page.nextOffset(filter.statusChosen()), Land.FIRST_PENDING);
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
        if (file == null || !annotator.require()) {
            return false;
        }
        String who = annotator.name();
        long ds = filter.datasetId();
        decisions.write(file, ws -> DecisionQueue.withRetry(() -> ws.annotations().undoLast(who, ds))
                .map(d -> new Committed(d, ws.synthetic().get(d.interactionId()).orElse(null))).orElse(null), c -> {
            if (c == null) {
                message.set("Nothing to undo.");
                return;
            }
            committed(c);
            counts.labelled(c.decision().interactionId(), true);
            message.set(RowText.done(c.decision(), c.row()));
            if (c.row() != null) {
                int i = page.indexOf(c.row().interactionId());
                if (i < 0) { // decided on another page: shown here so that it can be decided again
                    i = Math.max(0, page.currentIndex());
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
        int i = c.row() == null ? -1 : page.replace(c.row());
        if (i >= 0 && i == page.currentIndex()) {
            page.updateCurrent(c.row());
            detail.read(c.row());
        }
        counts.committed(d);
        committedListeners.forEach(l -> l.accept(d));
    }

    private void reread(long id) {
        decisions.write(workspace.get(), ws -> ws.synthetic().get(id).orElse(null), r -> {
            if (r != null) {
                page.replace(r);
            }
        }, e -> { });
    }

    // ---- moving -------------------------------------------------------------------------------------------------------

    /** → : the next row, on the next page at the end of this one. */
    public void next() {
        int i = page.currentIndex();
        if (i + 1 < rows.size()) {
            select(i + 1);
        } else if (page.hasNextPage()) {
            loadPage(page.nextOffset(filter.statusChosen()), Land.FIRST);
        }
    }

    /** ← : the previous row, on the previous page at the start of this one. */
    public void previous() {
        int i = page.currentIndex();
        if (i > 0) {
            select(i - 1);
        } else if (page.offset() > 0) {
            loadPage(Math.max(0, page.offset() - pageSize), Land.LAST);
        }
    }

    /** Tells {@code listener} (on the JavaFX thread) of every decision once it is committed. */
    public void addCommittedListener(Consumer<ReviewDecision> listener) {
        committedListeners.add(listener);
    }

    /** Finishes the decisions on their way and closes the decision thread's workspace. */
    @Override
    public void close() {
        decisions.close();
    }

    // ---- parts and properties -----------------------------------------------------------------------------------------

    /** The filter form; changing it re-reads the queue from its first page. */
    public QueueFilter filter() {
        return filter;
    }

    public QueueCounts counts() {
        return counts;
    }

    public Annotator annotator() {
        return annotator;
    }

    public BulkDecisions bulk() {
        return bulk;
    }

    /** The inline editor of the current row's value. */
    public ValueEditor editor() {
        return editor;
    }

    /** The evidence for the current row (detail pane). */
    public ReviewDetail detail() {
        return detail;
    }

    public BatchesViewModel batches() {
        return batches;
    }

    public EffectViewModel effect() {
        return effect;
    }

    public ReadOnlyObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    /** The rows on screen and the current one. */
    public ShownPage page() {
        return page;
    }

    public BooleanBinding busy() {
        return jobs.busy();
    }

    /** How many decisions (and other writes) are on their way to the disk. */
    public ReadOnlyIntegerProperty writingProperty() {
        return decisions.writingProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
