package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whole-dataset scans in id order, for encoders and generators: keyset paging on the internal id (see
 * {@link WorkspaceReader}).
 */
final class DatasetScanReader {
    private final ReadConnection db;
    private final Connection c;

    DatasetScanReader(ReadConnection db) {
        this.db = db;
        this.c = db.connection();
    }

    List<ItemRecord> itemsAfter(long datasetId, long afterId, int limit) {
        // "+i.dataset_id" and no join: walk the primary key from afterId, never sort the dataset's rows per page
        String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id, i.title,"
                + " i.description, i.categories, i.attributes FROM items i"
                + " WHERE i.id > ? AND +i.dataset_id = ? ORDER BY i.id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<ItemRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), 0, 0));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading items of dataset " + datasetId, e);
            }
        }
    }

    long itemCount(long datasetId) {
        return db.countOf("items", datasetId);
    }

    List<ReviewText> reviewsAfter(long datasetId, long afterId, int limit) {
        String sql = "SELECT id, user_id, item_id, summary, text FROM reviews"
                + " WHERE id > ? AND +dataset_id = ? ORDER BY id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<ReviewText> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReviewText(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                Objects.requireNonNullElse(rs.getString(4), ""),
                                Objects.requireNonNullElse(rs.getString(5), "")));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading reviews of dataset " + datasetId, e);
            }
        }
    }

    long reviewCount(long datasetId) {
        return db.countOf("reviews", datasetId);
    }

    List<EntityRef> entityIdsAfter(long datasetId, String kind, long afterId, int limit) {
        String table = entityTable(kind);
        String sql = "SELECT id, external_id FROM " + table + " WHERE id > ? AND +dataset_id = ? ORDER BY id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<EntityRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EntityRef(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading " + table + " of dataset " + datasetId, e);
            }
        }
    }

    long entityCount(long datasetId, String kind) {
        return db.countOf(entityTable(kind), datasetId);
    }

    static String entityTable(String kind) {
        return switch (kind) {
            case "user" -> "users";
            case "item" -> "items";
            default -> throw new IllegalArgumentException("kind must be user or item: " + kind);
        };
    }
}
