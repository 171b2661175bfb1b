package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Review decisions on synthetic interactions. Each decision updates the interaction's status (and value, for an
 * edit) and appends to the audit log in one transaction, committed before the call returns, so a killed app loses
 * nothing that was shown as done. Undo is a decision too. The work is done by {@link ReviewDecisions} (writing
 * decisions), {@link DecisionLog} (reading them) and {@link ReviewBatches} (assignments and labels); this class
 * keeps the annotator setting.
 */
public final class ReviewStore {
    private final ReviewConnections db;
    private final ReviewDecisions decisions;
    private final DecisionLog log;
    private final ReviewBatches batches;

    ReviewStore(Workspace workspace, Connection writer, Connection reader) {
        this.db = new ReviewConnections(workspace, writer, reader);
        this.decisions = new ReviewDecisions(db);
        this.log = new DecisionLog(db);
        this.batches = new ReviewBatches(db);
    }

    /** A batch: its name, annotators and how many interactions it holds. */
    public record BatchInfo(String batch, List<String> annotators, int interactions) {
    }

    /** One annotator's label on one interaction: status accepted / rejected ("" = undecided) and value. */
    public record AnnotatorLabel(long interactionId, String annotator, String status, double value) {
    }

    /** The annotator name set for this workspace, if any. */
    public Optional<String> annotator() {
        synchronized (db.reader()) {
            try (PreparedStatement ps = db.reader().prepareStatement("SELECT value FROM workspace_settings WHERE key = 'annotator'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw db.fail("reading the annotator name", e);
            }
        }
    }

    public void setAnnotator(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 80) {
            throw new IllegalArgumentException("an annotator name is 1 to 80 characters");
        }
        db.workspace().acquireWriter();
        try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO workspace_settings(key, value)"
                + " VALUES ('annotator', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, n);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw db.fail("saving the annotator name", e);
        } finally {
            db.workspace().releaseWriter();
        }
    }

    /**
     * Records one decision on synthetic interaction {@code interactionId}: accept, reject, edit (sets
     * {@code value} and accepts), skip (logged, nothing changes) or adjudicate (sets {@code status}, and
     * {@code value} unless NaN). Returns the logged decision.
     */
    public ReviewDecision decide(long interactionId, String annotator, String action, String status, double value,
                                 String batch) {
        return decisions.decide(interactionId, annotator, action, status, value, batch);
    }

    public ReviewDecision accept(long interactionId, String annotator) {
        return decide(interactionId, annotator, ReviewDecision.ACCEPT, "accepted", Double.NaN, "");
    }

    public ReviewDecision reject(long interactionId, String annotator) {
        return decide(interactionId, annotator, ReviewDecision.REJECT, "rejected", Double.NaN, "");
    }

    public ReviewDecision edit(long interactionId, String annotator, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("an edit needs a label or rating");
        }
        return decide(interactionId, annotator, ReviewDecision.EDIT, "accepted", value, "");
    }

    public ReviewDecision skip(long interactionId, String annotator) {
        return decide(interactionId, annotator, ReviewDecision.SKIP, "", Double.NaN, "");
    }

    /**
     * Reverts {@code annotator}'s latest decision that changed something and is not yet undone (in
     * {@code datasetId}); empty when there is none.
     */
    public Optional<ReviewDecision> undoLast(String annotator, long datasetId) {
        return decisions.undoLast(annotator, datasetId);
    }

    /** Applies one action to many interactions in one transaction, each logged as its own decision. */
    public int bulk(List<Long> interactionIds, String annotator, String action) {
        return decisions.bulk(interactionIds, annotator, action);
    }

    /** The audit trail of one interaction, oldest first. */
    public List<ReviewDecision> history(long interactionId) {
        return log.history(interactionId);
    }

    /** Every decision on the synthetic interactions of {@code datasetId}, oldest first. */
    public List<ReviewDecision> auditLog(long datasetId) {
        return log.auditLog(datasetId);
    }

    /** Assigns {@code interactionIds} to {@code annotators} as batch {@code batch} (each pair once). */
    public void assign(String batch, List<Long> interactionIds, List<String> annotators) {
        batches.assign(batch, interactionIds, annotators);
    }

    /** The batches of {@code datasetId} with their annotators. */
    public List<BatchInfo> batches(long datasetId) {
        return batches.batches(datasetId);
    }

    /**
     * Each assigned annotator's current label on each interaction of {@code batch}: the status and value after
     * their latest accept, reject or edit that is not undone; "" when they have not decided yet.
     */
    public List<AnnotatorLabel> labels(String batch) {
        return batches.labels(batch);
    }
}
