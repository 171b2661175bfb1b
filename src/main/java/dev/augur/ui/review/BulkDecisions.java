package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.ui.common.BackgroundJobs;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Accepting or rejecting every row of the queue's current filter at once: the rows are read first and the analyst
 * confirms that exact list; each row is then logged as its own decision. JavaFX thread only.
 */
public final class BulkDecisions {
    /** A bulk decision waiting for the analyst's confirmation: the exact rows it will change. */
    public record Request(String action, List<Long> ids, String filterText) {
        public String question() {
            String verb = action.equals(ReviewDecision.ACCEPT) ? "Accept" : "Reject";
            return String.format(Locale.ROOT, "%s %,d synthetic interaction%s of the current filter (%s)?", verb,
                    ids.size(), ids.size() == 1 ? "" : "s", filterText);
        }
    }

    private final ReadOnlyObjectWrapper<Request> request = new ReadOnlyObjectWrapper<>();
    private final BackgroundJobs jobs;
    private final DecisionQueue decisions;
    private final Supplier<Path> workspace;
    private final QueueFilter filter;
    private final Annotator annotator;
    private final StringProperty message;
    private final StringProperty error;
    private final Runnable onApplied;

    /**
     * @param message   the queue's message line
     * @param error     the queue's error line
     * @param onApplied runs once a confirmed bulk decision is saved
     */
    BulkDecisions(BackgroundJobs jobs, DecisionQueue decisions, Supplier<Path> workspace, QueueFilter filter,
                  Annotator annotator, StringProperty message, StringProperty error, Runnable onApplied) {
        this.jobs = jobs;
        this.decisions = decisions;
        this.workspace = workspace;
        this.filter = filter;
        this.annotator = annotator;
        this.message = message;
        this.error = error;
        this.onApplied = onApplied;
    }

    /** Reads the rows of the current filter and asks for confirmation ({@link #requestProperty()}). */
    public Job<List<Long>> request(String action) {
        Path file = workspace.get();
        if (file == null || !annotator.require()) {
            return null;
        }
        if (!action.equals(ReviewDecision.ACCEPT) && !action.equals(ReviewDecision.REJECT)) {
            throw new IllegalArgumentException("bulk decisions are accept or reject, not " + action);
        }
        SyntheticFilter f;
        try {
            f = filter.build();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        String text = filter.describe();
        return jobs.submit("Rows for bulk " + action, () -> {
            decisions.awaitSubmitted();
            try (Workspace ws = Workspace.open(file)) {
                return ws.synthetic().ids(f);
            }
        }, ids -> {
            if (ids.isEmpty()) {
                message.set("No rows in the current filter.");
            } else {
                request.set(new Request(action, ids, text));
            }
        });
    }

    /** Applies the confirmed bulk decision (each row logged as its own decision). */
    public CompletableFuture<Integer> confirm() {
        Request req = request.get();
        request.set(null);
        if (req == null || !annotator.require()) {
            return CompletableFuture.completedFuture(0);
        }
        String who = annotator.name();
        return decisions.write(workspace.get(), ws -> DecisionQueue.withRetry(() -> ws.annotations().bulk(req.ids(),
                who, req.action())), n -> {
            message.set(String.format(Locale.ROOT, "%s %,d rows (saved).",
                    req.action().equals(ReviewDecision.ACCEPT) ? "Accepted" : "Rejected", n));
            onApplied.run();
        }, e -> error.set("Bulk " + req.action() + " failed, nothing changed: " + e.getMessage()));
    }

    public void cancel() {
        request.set(null);
    }

    /** The bulk decision waiting for confirmation; null when none. */
    public ReadOnlyObjectProperty<Request> requestProperty() {
        return request.getReadOnlyProperty();
    }
}
