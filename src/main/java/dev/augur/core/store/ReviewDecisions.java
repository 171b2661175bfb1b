package dev.augur.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records review decisions: each updates the interaction's status (and value) and appends to the audit log in one
 * transaction. Undo is a decision too.
 */
final class ReviewDecisions {
    private final ReviewConnections db;

    ReviewDecisions(ReviewConnections db) {
        this.db = db;
    }

    ReviewDecision decide(long interactionId, String annotator, String action, String status, double value,
                          String batch) {
        requireAnnotator(annotator);
        return db.write(() -> decideLocked(interactionId, annotator, action, status, value, batch));
    }

    Optional<ReviewDecision> undoLast(String annotator, long datasetId) {
        requireAnnotator(annotator);
        return db.write(() -> {
            ReviewDecision last = null;
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + DecisionLog.prefixed("d")
                    + " FROM review_decisions d"
                    + " JOIN interactions x ON x.id = d.interaction_id"
                    + " WHERE d.annotator = ? AND x.dataset_id = ? AND d.action NOT IN ('skip', 'undo')"
                    + " AND NOT EXISTS (SELECT 1 FROM review_decisions u WHERE u.undoes = d.id)"
                    + " ORDER BY d.id DESC LIMIT 1")) {
                ps.setString(1, annotator);
                ps.setLong(2, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        last = DecisionLog.decision(rs);
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
    }

    int bulk(List<Long> interactionIds, String annotator, String action) {
        requireAnnotator(annotator);
        if (!action.equals(ReviewDecision.ACCEPT) && !action.equals(ReviewDecision.REJECT)) {
            throw new IllegalArgumentException("bulk decisions are accept or reject, not " + action);
        }
        String status = action.equals(ReviewDecision.ACCEPT) ? "accepted" : "rejected";
        return db.write(() -> {
            for (long id : interactionIds) {
                decideLocked(id, annotator, action, status, Double.NaN, "");
            }
            return interactionIds.size();
        });
    }

    static void requireAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new IllegalArgumentException("set the annotator's name for this workspace first");
        }
    }

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
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT status, value, source FROM interactions WHERE id = ?")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no interaction " + interactionId + " in " + db.file());
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
        try (PreparedStatement ps = db.writer().prepareStatement("UPDATE interactions SET status = ?, value = ? WHERE id = ?")) {
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
        try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO review_decisions(interaction_id, annotator,"
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
}
