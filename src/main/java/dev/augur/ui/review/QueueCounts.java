package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.HashSet;
import java.util.Locale;

/**
 * How much of the queue is decided: the counts per status of the filter without its status and, in a batch, the
 * rows the annotator still has to label. Set by each page read and kept up to date as decisions commit in between.
 * JavaFX thread only.
 */
public final class QueueCounts {
    private final ReadOnlyLongWrapper pending = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper accepted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rejected = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper yoursToDo = new ReadOnlyLongWrapper(-1);
    private final StringBinding line = Bindings.createStringBinding(() -> String.format(Locale.ROOT,
            "Pending %,d · Accepted %,d · Rejected %,d", pending.get(), accepted.get(), rejected.get())
            + (yoursToDo.get() < 0 ? "" : String.format(Locale.ROOT, " · yours to do %,d", yoursToDo.get())),
            pending, accepted, rejected, yoursToDo);
    private QueuePage.BatchWork batchWork; // our own copy: its to-do set changes as the annotator labels

    /** The counts of a fresh page read. */
    void show(QueuePage page) {
        QueuePage.BatchWork w = page.batchWork();
        batchWork = w == null ? null : new QueuePage.BatchWork(w.assigned(), new HashSet<>(w.todo()));
        yoursToDo.set(batchWork == null ? -1 : batchWork.todo().size());
        pending.set(page.pending());
        accepted.set(page.accepted());
        rejected.set(page.rejected());
    }

    /** True when the queue shows a batch, where what is left to do is per annotator. */
    boolean inBatch() {
        return batchWork != null;
    }

    /**
     * Whether {@code r} is still to decide: pending, or in a batch, assigned to the annotator and not labelled by
     * them yet (others may have decided it).
     */
    boolean toDecide(SyntheticRow r) {
        return batchWork != null ? batchWork.todo().contains(r.interactionId()) : "pending".equals(r.status());
    }

    /** The annotator labelled row {@code id} or, {@code undone}, took the label back. */
    void labelled(long id, boolean undone) {
        if (batchWork != null && batchWork.assigned().contains(id)) {
            if (undone) {
                batchWork.todo().add(id);
            } else {
                batchWork.todo().remove(id);
            }
            yoursToDo.set(batchWork.todo().size());
        }
    }

    /** A committed decision moved its row from one status to another. */
    void committed(ReviewDecision d) {
        count(d.beforeStatus(), -1);
        count(d.afterStatus(), +1);
    }

    private void count(String s, int delta) {
        switch (s) {
            case "pending" -> pending.set(pending.get() + delta);
            case "accepted" -> accepted.set(accepted.get() + delta);
            case "rejected" -> rejected.set(rejected.get() + delta);
            default -> { }
        }
    }

    /** "Pending 12 · Accepted 3 · Rejected 1" for the filter without its status, then "· yours to do 4" in a batch. */
    public StringBinding line() {
        return line;
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
}
