package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users and items looked up by external or internal id, one at a time or a short list of ids (see
 * {@link WorkspaceReader}).
 */
final class EntityReader {
    private final ReadConnection db;
    private final Connection c;

    EntityReader(ReadConnection db) {
        this.db = db;
        this.c = db.connection();
    }

    List<ItemRecord> items(String externalId, Optional<String> dataset) {
        String sql = "SELECT i.id, d.name, i.external_id, i.title, i.description, i.categories, i.attributes,"
                + " (SELECT count(*) FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.item_id = i.id)"
                + " FROM items i JOIN datasets d ON d.id = i.dataset_id WHERE i.external_id = ?"
                + (dataset.isPresent() ? " AND d.name = ?" : "") + " ORDER BY d.id";
        return db.list(sql, "reading item " + externalId, EntityReader::itemWithCounts, byName(externalId, dataset));
    }

    List<UserRecord> users(String externalId, Optional<String> dataset) {
        String sql = "SELECT u.id, d.name, u.external_id, u.attributes,"
                + " (SELECT count(*) FROM interactions x WHERE x.user_id = u.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.user_id = u.id)"
                + " FROM users u JOIN datasets d ON d.id = u.dataset_id WHERE u.external_id = ?"
                + (dataset.isPresent() ? " AND d.name = ?" : "") + " ORDER BY d.id";
        return db.list(sql, "reading user " + externalId, rs -> new UserRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)), byName(externalId, dataset));
    }

    /** The external id, then the dataset name when one is given. */
    private static Object[] byName(String externalId, Optional<String> dataset) {
        return dataset.isPresent() ? new Object[] {externalId, dataset.get()} : new Object[] {externalId};
    }

    Optional<ItemRecord> item(long itemId) {
        String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id, i.title,"
                + " i.description, i.categories, i.attributes FROM items i WHERE i.id = ?";
        return db.first(sql, "reading item " + itemId, rs -> new ItemRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), 0, 0), itemId);
    }

    Optional<UserRecord> user(long userId) {
        String sql = "SELECT u.id, (SELECT d.name FROM datasets d WHERE d.id = u.dataset_id), u.external_id, u.attributes"
                + " FROM users u WHERE u.id = ?";
        return db.first(sql, "reading user " + userId, rs -> new UserRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), 0, 0), userId);
    }

    Optional<Long> entityId(long datasetId, String kind, String externalId) {
        String sql = "SELECT id FROM " + DatasetScanReader.entityTable(kind) + " WHERE dataset_id = ? AND external_id = ?";
        return db.first(sql, "looking up " + kind + " " + externalId, rs -> rs.getLong(1), datasetId, externalId);
    }

    /** An item row with its observed-interaction and review counts (columns 8 and 9). */
    private static ItemRecord itemWithCounts(ResultSet rs) throws SQLException {
        return new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9));
    }

    List<ItemRecord> itemsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ItemRecord> found = new java.util.HashMap<>();
        List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        int chunk = 500; // well below SQLite's limit on bound parameters
        synchronized (c) {
            try {
                for (int from = 0; from < distinct.size(); from += chunk) {
                    List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + chunk));
                    String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id,"
                            + " i.title, i.description, i.categories, i.attributes,"
                            + " (SELECT count(*) FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed'),"
                            + " (SELECT count(*) FROM reviews r WHERE r.item_id = i.id)"
                            + " FROM items i WHERE i.id IN ("
                            + "?,".repeat(part.size() - 1) + "?)";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int k = 0; k < part.size(); k++) {
                            ps.setLong(k + 1, part.get(k));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.put(rs.getLong(1), itemWithCounts(rs));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw db.fail("reading " + ids.size() + " items by id", e);
            }
        }
        List<ItemRecord> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ItemRecord item = found.get(id);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }
}
