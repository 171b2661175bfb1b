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
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Review section's queue: the synthetic interactions of a dataset, filtered ({@link QueueFilter}), sorted and
 * paged, one of them current, with everything needed to judge it, and the keyboard commands on it. Decisions go to
 * a single writer thread ({@link DecisionQueue}) in key order, each committed before the next; the screen moves on
 * at once and the row shows its stored state when the commit returns ({@link QueueDecisions}). Reads run as jobs on
 * the app's executor.
 */
public final class ReviewViewModel implements AutoCloseable {
    public static final int PAGE_SIZE = 500;

    /** Where the cursor lands after a page is read. */
    private enum Land { KEEP, FIRST, LAST, FIRST_PENDING }

    private final int pageSize;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BackgroundJobs jobs;
    private final DecisionQueue writer = new DecisionQueue();
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
    private final QueueDecisions decisions;

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
        this.annotator = new Annotator(writer, workspace::get, message, error, () -> {
            if (counts.inBatch()) { // another annotator: other rows are theirs to do
                land = Land.FIRST_PENDING;
                refresh();
            }
        });
        this.bulk = new BulkDecisions(jobs, writer, workspace::get, filter, annotator, message, error,
                () -> loadPage(0, Land.FIRST_PENDING));
        this.batches = new BatchesViewModel(tasks, writer, workspace::get, filter::datasetId, annotator::name,
                filter::buildOrNull, this::refresh);
        this.effect = new EffectViewModel(tasks, workspace::get, filter::datasetId);
        this.decisions = new QueueDecisions(writer, workspace::get, filter, page, counts, annotator, editor, detail,
                message, error, this::select,
                () -> loadPage(page.nextOffset(filter.statusChosen()), Land.FIRST_PENDING));
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

    // ---- reading the queue ------------------------------------------------------------------------------------------

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
            writer.awaitSubmitted(); // the page shows every decision already made, never a stale pending row
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
            case FIRST_PENDING -> Math.max(0, decisions.nextPending(-1));
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

    // ---- the current row --------------------------------------------------------------------------------------------

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

    private void clearCurrent() {
        page.clearCurrent();
        detail.clear();
        editor.cancel();
    }

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

    // ---- decisions (QueueDecisions) ---------------------------------------------------------------------------------

    public boolean accept() {
        return decisions.accept();
    }

    public boolean reject() {
        return decisions.reject();
    }

    public boolean skip() {
        return decisions.skip();
    }

    /** Opens the inline editor on the current row's value. */
    public boolean startEdit() {
        return decisions.startEdit();
    }

    /** Saves the editor's value as an edit (which accepts the row); a value that is not a number saves nothing. */
    public boolean commitEdit() {
        return decisions.commitEdit();
    }

    /** Reverts the annotator's latest decision (logged as an undo) and makes the reverted row current. */
    public boolean undo() {
        return decisions.undo();
    }

    /** Tells {@code listener} (on the JavaFX thread) of every decision once it is committed. */
    public void addCommittedListener(Consumer<ReviewDecision> listener) {
        decisions.addCommittedListener(listener);
    }

    /** Finishes the decisions on their way and closes the decision thread's workspace. */
    @Override
    public void close() {
        writer.close();
    }

    // ---- parts and properties ---------------------------------------------------------------------------------------

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
        return writer.writingProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
