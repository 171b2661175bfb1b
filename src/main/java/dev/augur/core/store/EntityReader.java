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
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, externalId);
                if (dataset.isPresent()) {
                    ps.setString(2, dataset.get());
                }
                List<ItemRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading item " + externalId, e);
            }
        }
    }

    List<UserRecord> users(String externalId, Optional<String> dataset) {
        String sql = "SELECT u.id, d.name, u.external_id, u.attributes,"
                + " (SELECT count(*) FROM interactions x WHERE x.user_id = u.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.user_id = u.id)"
                + " FROM users u JOIN datasets d ON d.id = u.dataset_id WHERE u.external_id = ?"
                + (dataset.isPresent() ? " AND d.name = ?" : "") + " ORDER BY d.id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, externalId);
                if (dataset.isPresent()) {
                    ps.setString(2, dataset.get());
                }
                List<UserRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading user " + externalId, e);
            }
        }
    }

    Optional<ItemRecord> item(long itemId) {
        String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id, i.title,"
                + " i.description, i.categories, i.attributes FROM items i WHERE i.id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), 0, 0)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw db.fail("reading item " + itemId, e);
            }
        }
    }

    Optional<UserRecord> user(long userId) {
        String sql = "SELECT u.id, (SELECT d.name FROM datasets d WHERE d.id = u.dataset_id), u.external_id, u.attributes"
                + " FROM users u WHERE u.id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), 0, 0)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw db.fail("reading user " + userId, e);
            }
        }
    }

    Optional<Long> entityId(long datasetId, String kind, String externalId) {
        String sql = "SELECT id FROM " + DatasetScanReader.entityTable(kind) + " WHERE dataset_id = ? AND external_id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, datasetId);
                ps.setString(2, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw db.fail("looking up " + kind + " " + externalId, e);
            }
        }
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
                                found.put(rs.getLong(1), new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                        rs.getLong(8), rs.getLong(9)));
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
