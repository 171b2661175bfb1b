package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The review queue's decisions on the current row: accept, reject, skip, edit and undo. Each is shown at once, queued
 * on the decision thread ({@link DecisionQueue}) before the cursor moves on, and replaced by the row as stored when
 * it commits; until then the row is on its way and not offered as pending. JavaFX thread only.
 */
final class QueueDecisions {
    static final String END = "No pending rows after this one in the current filter.";

    /** A decision as committed, with the row as stored after it (null if it vanished). */
    record Committed(ReviewDecision decision, SyntheticRow row) {
    }

    private final DecisionQueue writer;
    private final Supplier<Path> workspace;
    private final QueueFilter filter;
    private final ShownPage page;
    private final ObservableList<SyntheticRow> rows;
    private final QueueCounts counts;
    private final Annotator annotator;
    private final ValueEditor editor;
    private final ReviewDetail detail;
    private final StringProperty message;
    private final StringProperty error;
    private final IntConsumer select;
    private final Runnable nextPendingPage;
    private final List<Consumer<ReviewDecision>> committedListeners = new CopyOnWriteArrayList<>();
    private final Set<Long> inFlight = new HashSet<>();

    /**
     * @param message         the queue's message line
     * @param error           the queue's error line
     * @param select          makes a row of the page current and reads its detail
     * @param nextPendingPage reads the filter's next page, landing on its first pending row
     */
    QueueDecisions(DecisionQueue writer, Supplier<Path> workspace, QueueFilter filter, ShownPage page,
                   QueueCounts counts, Annotator annotator, ValueEditor editor, ReviewDetail detail,
                   StringProperty message, StringProperty error, IntConsumer select, Runnable nextPendingPage) {
        this.writer = writer;
        this.workspace = workspace;
        this.filter = filter;
        this.page = page;
        this.rows = page.rows();
        this.counts = counts;
        this.annotator = annotator;
        this.editor = editor;
        this.detail = detail;
        this.message = message;
        this.error = error;
        this.select = select;
        this.nextPendingPage = nextPendingPage;
    }

    boolean accept() {
        return decide(ReviewDecision.ACCEPT, Double.NaN);
    }

    boolean reject() {
        return decide(ReviewDecision.REJECT, Double.NaN);
    }

    boolean skip() {
        return decide(ReviewDecision.SKIP, Double.NaN);
    }

    /** Opens the inline editor on the current row's value. */
    boolean startEdit() {
        SyntheticRow row = page.current();
        if (row == null) {
            return false;
        }
        editor.open(row);
        return true;
    }

    /** Saves the editor's value as an edit (which accepts the row); a value that is not a number saves nothing. */
    boolean commitEdit() {
        OptionalDouble v = editor.take();
        return v.isPresent() && decide(ReviewDecision.EDIT, v.getAsDouble());
    }

    /** The first row after {@code from} still to decide whose decision is not on its way; -1 when none. */
    int nextPending(int from) {
        for (int i = from + 1; i < rows.size(); i++) {
            SyntheticRow r = rows.get(i);
            if (counts.toDecide(r) && !inFlight.contains(r.interactionId())) {
                return i;
            }
        }
        return -1;
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
        writer.write(file, ws -> {
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
            select.accept(next);
        } else if (page.hasNextPage()) {
            nextPendingPage.run();
        } else {
            select.accept(at); // stays, showing its new state
            message.set(END);
            return false;
        }
        return true;
    }

    /** Reverts the annotator's latest decision (logged as an undo) and makes the reverted row current. */
    boolean undo() {
        Path file = workspace.get();
        if (file == null || !annotator.require()) {
            return false;
        }
        String who = annotator.name();
        long ds = filter.datasetId();
        writer.write(file, ws -> DecisionQueue.withRetry(() -> ws.annotations().undoLast(who, ds))
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
                select.accept(i);
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
        writer.write(workspace.get(), ws -> ws.synthetic().get(id).orElse(null), r -> {
            if (r != null) {
                page.replace(r);
            }
        }, e -> { });
    }

    /** Tells {@code listener} (on the JavaFX thread) of every decision once it is committed. */
    void addCommittedListener(Consumer<ReviewDecision> listener) {
        committedListeners.add(listener);
    }
}
