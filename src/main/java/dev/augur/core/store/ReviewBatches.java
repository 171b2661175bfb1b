package dev.augur.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Review batches: which annotators were assigned which interactions, and each one's current label on them. */
final class ReviewBatches {
    private final ReviewConnections db;

    ReviewBatches(ReviewConnections db) {
        this.db = db;
    }

    void assign(String batch, List<Long> interactionIds, List<String> annotators) {
        if (batch == null || batch.isBlank()) {
            throw new IllegalArgumentException("a batch needs a name");
        }
        db.write(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT OR IGNORE INTO review_assignments(batch,"
                    + " interaction_id, annotator) VALUES (?,?,?)")) {
                for (long id : interactionIds) {
                    for (String a : annotators) {
                        ReviewDecisions.requireAnnotator(a);
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
    }

    List<ReviewStore.BatchInfo> batches(long datasetId) {
        synchronized (db.reader()) {
            try (PreparedStatement ps = db.reader().prepareStatement("SELECT a.batch, group_concat(DISTINCT a.annotator),"
                    + " count(DISTINCT a.interaction_id) FROM review_assignments a JOIN interactions x"
                    + " ON x.id = a.interaction_id WHERE x.dataset_id = ? GROUP BY a.batch ORDER BY a.batch")) {
                ps.setLong(1, datasetId);
                List<ReviewStore.BatchInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReviewStore.BatchInfo(rs.getString(1), List.of(rs.getString(2).split(",")),
                                rs.getInt(3)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading review batches", e);
            }
        }
    }

    List<ReviewStore.AnnotatorLabel> labels(String batch) {
        String sql = "SELECT a.interaction_id, a.annotator, (SELECT d.after_status || '|' || coalesce(d.after_value, '')"
                + " FROM review_decisions d WHERE d.interaction_id = a.interaction_id AND d.annotator = a.annotator"
                + " AND d.action IN ('accept', 'reject', 'edit')"
                + " AND NOT EXISTS (SELECT 1 FROM review_decisions u WHERE u.undoes = d.id)"
                + " ORDER BY d.id DESC LIMIT 1) FROM review_assignments a WHERE a.batch = ?"
                + " ORDER BY a.interaction_id, a.annotator";
        synchronized (db.reader()) {
            try (PreparedStatement ps = db.reader().prepareStatement(sql)) {
                ps.setString(1, batch);
                List<ReviewStore.AnnotatorLabel> out = new ArrayList<>();
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
                        out.add(new ReviewStore.AnnotatorLabel(rs.getLong(1), rs.getString(2), status, value));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading the labels of batch " + batch, e);
            }
        }
    }
}
