package dev.augur.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the review audit log ({@code review_decisions}) and maps its rows to {@link ReviewDecision}s. */
final class DecisionLog {
    private static final String DECISION_COLUMNS = "id, interaction_id, annotator, action, before_status,"
            + " before_value, after_status, after_value, undoes, batch, at";

    private final ReviewConnections db;

    DecisionLog(ReviewConnections db) {
        this.db = db;
    }

    List<ReviewDecision> history(long interactionId) {
        return decisions("SELECT " + DECISION_COLUMNS + " FROM review_decisions WHERE interaction_id = ? ORDER BY id",
                interactionId);
    }

    List<ReviewDecision> auditLog(long datasetId) {
        return decisions("SELECT " + prefixed("d") + " FROM review_decisions d JOIN interactions x"
                + " ON x.id = d.interaction_id WHERE x.dataset_id = ? ORDER BY d.id", datasetId);
    }

    private List<ReviewDecision> decisions(String sql, long arg) {
        synchronized (db.reader()) {
            try (PreparedStatement ps = db.reader().prepareStatement(sql)) {
                ps.setLong(1, arg);
                List<ReviewDecision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(decision(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading review decisions", e);
            }
        }
    }

    /** The decision columns, each as {@code alias.column}, in the order {@link #decision} reads them. */
    static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String c : DECISION_COLUMNS.split(",\\s*")) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(alias).append('.').append(c);
        }
        return b.toString();
    }

    static ReviewDecision decision(ResultSet rs) throws SQLException {
        return new ReviewDecision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                nz(rs.getString(5)), SyntheticStore.num(rs, 6), nz(rs.getString(7)), SyntheticStore.num(rs, 8),
                rs.getLong(9), nz(rs.getString(10)), rs.getString(11));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
