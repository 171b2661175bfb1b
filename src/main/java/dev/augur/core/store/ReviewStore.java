package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Review decisions on synthetic interactions. Each decision updates the interaction's status (and value, for an
 * edit) and appends to the audit log in one transaction, committed before the call returns, so a killed app loses
 * nothing that was shown as done. Undo is a decision too.
 */
public final class ReviewStore {
    private static final String DECISION_COLUMNS = "id, interaction_id, annotator, action, before_status,"
            + " before_value, after_status, after_value, undoes, batch, at";

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    ReviewStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /** The annotator name set for this workspace, if any. */
    public Optional<String> annotator() {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT value FROM workspace_settings WHERE key = 'annotator'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("reading the annotator name", e);
            }
        }
    }

    public void setAnnotator(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 80) {
            throw new IllegalArgumentException("an annotator name is 1 to 80 characters");
        }
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO workspace_settings(key, value)"
                + " VALUES ('annotator', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, n);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("saving the annotator name", e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /**
     * Records one decision on synthetic interaction {@code interactionId}: accept, reject, edit (sets
     * {@code value} and accepts), skip (logged, nothing changes) or adjudicate (sets {@code status}, and
     * {@code value} unless NaN). Returns the logged decision.
     */
    public ReviewDecision decide(long interactionId, String annotator, String action, String status, double value,
                                 String batch) {
        requireAnnotator(annotator);
        workspace.acquireWriter();
        try {
            return inTransaction(() -> decideLocked(interactionId, annotator, action, status, value, batch));
        } finally {
            workspace.releaseWriter();
        }
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
        requireAnnotator(annotator);
        workspace.acquireWriter();
        try {
            return inTransaction(() -> {
                ReviewDecision last = null;
                try (PreparedStatement ps = writer.prepareStatement("SELECT " + prefixed("d") + " FROM review_decisions d"
                        + " JOIN interactions x ON x.id = d.interaction_id"
                        + " WHERE d.annotator = ? AND x.dataset_id = ? AND d.action NOT IN ('skip', 'undo')"
                        + " AND NOT EXISTS (SELECT 1 FROM review_decisions u WHERE u.undoes = d.id)"
                        + " ORDER BY d.id DESC LIMIT 1")) {
                    ps.setString(1, annotator);
                    ps.setLong(2, datasetId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            last = decision(rs);
                        }
                    }
                }
                if (last == null) {
                    return Optional.<ReviewDecision>empty();
                }
                double[] now = new double[1];
                String current = current(last.interactionId(), now);
                update(last.interactionId(), last.beforeStatus(), last.beforeValue());
                return Optional.of(insert(last.interactionId(), annotator, ReviewDecision.UNDO, current, now[0],
                        last.beforeStatus(), last.beforeValue(), last.id(), last.batch()));
            });
        } finally {
            workspace.releaseWriter();
        }
    }

    /** Applies one action to many interactions in one transaction, each logged as its own decision. */
    public int bulk(List<Long> interactionIds, String annotator, String action) {
        requireAnnotator(annotator);
        if (!action.equals(ReviewDecision.ACCEPT) && !action.equals(ReviewDecision.REJECT)) {
            throw new IllegalArgumentException("bulk decisions are accept or reject, not " + action);
        }
        String status = action.equals(ReviewDecision.ACCEPT) ? "accepted" : "rejected";
        workspace.acquireWriter();
        try {
            return inTransaction(() -> {
                for (long id : interactionIds) {
                    decideLocked(id, annotator, action, status, Double.NaN, "");
                }
                return interactionIds.size();
            });
        } finally {
            workspace.releaseWriter();
        }
    }

    /** The audit trail of one interaction, oldest first. */
    public List<ReviewDecision> history(long interactionId) {
        return decisions("SELECT " + DECISION_COLUMNS + " FROM review_decisions WHERE interaction_id = ? ORDER BY id",
                interactionId);
    }

    /** Every decision on the synthetic interactions of {@code datasetId}, oldest first. */
    public List<ReviewDecision> auditLog(long datasetId) {
        return decisions("SELECT " + prefixed("d") + " FROM review_decisions d JOIN interactions x"
                + " ON x.id = d.interaction_id WHERE x.dataset_id = ? ORDER BY d.id", datasetId);
    }

    /** Assigns {@code interactionIds} to {@code annotators} as batch {@code batch} (each pair once). */
    public void assign(String batch, List<Long> interactionIds, List<String> annotators) {
        if (batch == null || batch.isBlank()) {
            throw new IllegalArgumentException("a batch needs a name");
        }
        workspace.acquireWriter();
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = writer.prepareStatement("INSERT OR IGNORE INTO review_assignments(batch,"
                        + " interaction_id, annotator) VALUES (?,?,?)")) {
                    for (long id : interactionIds) {
                        for (String a : annotators) {
                            requireAnnotator(a);
                            ps.setString(1, batch);
                            ps.setLong(2, id);
                            ps.setString(3, a);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } finally {
            workspace.releaseWriter();
        }
    }

    /** The batches of {@code datasetId} with their annotators. */
    public List<BatchInfo> batches(long datasetId) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT a.batch, group_concat(DISTINCT a.annotator),"
                    + " count(DISTINCT a.interaction_id) FROM review_assignments a JOIN interactions x"
                    + " ON x.id = a.interaction_id WHERE x.dataset_id = ? GROUP BY a.batch ORDER BY a.batch")) {
                ps.setLong(1, datasetId);
                List<BatchInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new BatchInfo(rs.getString(1), List.of(rs.getString(2).split(",")), rs.getInt(3)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading review batches", e);
            }
        }
    }

    /** A batch: its name, annotators and how many interactions it holds. */
    public record BatchInfo(String batch, List<String> annotators, int interactions) {
    }

    /**
     * Each assigned annotator's current label on each interaction of {@code batch}: the status and value after
     * their latest accept, reject or edit that is not undone; "" when they have not decided yet.
     */
    public List<AnnotatorLabel> labels(String batch) {
        String sql = "SELECT a.interaction_id, a.annotator, (SELECT d.after_status || '|' || coalesce(d.after_value, '')"
                + " FROM review_decisions d WHERE d.interaction_id = a.interaction_id AND d.annotator = a.annotator"
                + " AND d.action IN ('accept', 'reject', 'edit')"
                + " AND NOT EXISTS (SELECT 1 FROM review_decisions u WHERE u.undoes = d.id)"
                + " ORDER BY d.id DESC LIMIT 1) FROM review_assignments a WHERE a.batch = ?"
                + " ORDER BY a.interaction_id, a.annotator";
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                ps.setString(1, batch);
                List<AnnotatorLabel> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String v = rs.getString(3);
                        String status = "";
                        double value = Double.NaN;
                        if (v != null) {
                            int bar = v.indexOf('|');
                            status = v.substring(0, bar);
                            String num = v.substring(bar + 1);
                            value = num.isEmpty() ? Double.NaN : Double.parseDouble(num);
                        }
                        out.add(new AnnotatorLabel(rs.getLong(1), rs.getString(2), status, value));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading the labels of batch " + batch, e);
            }
        }
    }

    /** One annotator's label on one interaction: status accepted / rejected ("" = undecided) and value. */
    public record AnnotatorLabel(long interactionId, String annotator, String status, double value) {
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private ReviewDecision decideLocked(long interactionId, String annotator, String action, String status,
                                        double value, String batch) throws SQLException {
        double[] beforeValue = new double[1];
        String before = current(interactionId, beforeValue);
        String after = before;
        double afterValue = beforeValue[0];
        switch (action) {
            case ReviewDecision.ACCEPT -> after = "accepted";
            case ReviewDecision.REJECT -> after = "rejected";
            case ReviewDecision.EDIT -> {
                after = "accepted";
                afterValue = value;
            }
            case ReviewDecision.SKIP -> { }
            case ReviewDecision.ADJUDICATE -> {
                if (!"accepted".equals(status) && !"rejected".equals(status)) {
                    throw new IllegalArgumentException("adjudication sets accepted or rejected, not " + status);
                }
                after = status;
                if (!Double.isNaN(value)) {
                    afterValue = value;
                }
            }
            default -> throw new IllegalArgumentException("unknown review action '" + action + "'");
        }
        if (!action.equals(ReviewDecision.SKIP)) {
            update(interactionId, after, afterValue);
        }
        return insert(interactionId, annotator, action, before, beforeValue[0], after, afterValue, 0, batch);
    }

    /** The interaction's status, its value into {@code value[0]}; fails when it is not synthetic. */
    private String current(long interactionId, double[] value) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT status, value, source FROM interactions WHERE id = ?")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no interaction " + interactionId + " in " + file);
                }
                if (!"synthetic".equals(rs.getString(3))) {
                    throw new IllegalArgumentException("interaction " + interactionId
                            + " is observed data; only synthetic interactions are reviewed");
                }
                String status = rs.getString(1);
                double v = rs.getDouble(2);
                value[0] = rs.wasNull() ? Double.NaN : v;
                return status == null ? "" : status;
            }
        }
    }

    private void update(long interactionId, String status, double value) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("UPDATE interactions SET status = ?, value = ? WHERE id = ?")) {
            ps.setString(1, status);
            SyntheticStore.real(ps, 2, value);
            ps.setLong(3, interactionId);
            ps.executeUpdate();
        }
    }

    private ReviewDecision insert(long interactionId, String annotator, String action, String before,
                                  double beforeValue, String after, double afterValue, long undoes, String batch)
            throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO review_decisions(interaction_id, annotator,"
                + " action, before_status, before_value, after_status, after_value, undoes, batch, at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, interactionId);
            ps.setString(2, annotator);
            ps.setString(3, action);
            ps.setString(4, before);
            SyntheticStore.real(ps, 5, beforeValue);
            ps.setString(6, after);
            SyntheticStore.real(ps, 7, afterValue);
            if (undoes > 0) {
                ps.setLong(8, undoes);
            } else {
                ps.setNull(8, java.sql.Types.INTEGER);
            }
            ps.setString(9, batch == null ? "" : batch);
            ps.setString(10, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new ReviewDecision(keys.getLong(1), interactionId, annotator, action, before, beforeValue,
                        after, afterValue, undoes, batch == null ? "" : batch, now);
            }
        }
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction that takes the write lock at its start (BEGIN IMMEDIATE): a decision reads
     * the current status and then writes, and a deferred transaction could not upgrade to writing once another
     * connection had committed in between; it would fail at once instead of waiting its turn.
     */
    private <T> T inTransaction(Work<T> work) {
        try {
            return immediate(writer, work);
        } catch (SQLException e) {
            throw fail("recording a review decision", e);
        }
    }

    static <T> T immediate(Connection c, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("a transaction is already open on the writer");
        }
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T t = work.run();
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            return t;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the failure that got us here is the one to report
            }
            throw e;
        }
    }

    private List<ReviewDecision> decisions(String sql, long arg) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                ps.setLong(1, arg);
                List<ReviewDecision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(decision(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading review decisions", e);
            }
        }
    }

    private static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String c : DECISION_COLUMNS.split(",\\s*")) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(alias).append('.').append(c);
        }
        return b.toString();
    }

    private static ReviewDecision decision(ResultSet rs) throws SQLException {
        return new ReviewDecision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                nz(rs.getString(5)), SyntheticStore.num(rs, 6), nz(rs.getString(7)), SyntheticStore.num(rs, 8),
                rs.getLong(9), nz(rs.getString(10)), rs.getString(11));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void requireAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new IllegalArgumentException("set the annotator's name for this workspace first");
        }
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException("failed " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
