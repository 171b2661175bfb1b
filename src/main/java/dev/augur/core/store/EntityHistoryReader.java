package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What users did and what was said about items: interaction histories and reviews, for the detail panes and for
 * prompts (see {@link WorkspaceReader}).
 */
final class EntityHistoryReader {
    private final ReadConnection db;
    private final Connection c;
    private final EntityReader entities;

    EntityHistoryReader(ReadConnection db, EntityReader entities) {
        this.db = db;
        this.c = db.connection();
        this.entities = entities;
    }

    Optional<ItemDetail> itemDetail(String dataset, String externalId, int users) {
        List<ItemRecord> found = entities.items(externalId, Optional.of(dataset));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ItemRecord item = found.get(0);
        synchronized (c) {
            try {
                List<ItemDetail.ValueCount> ratings = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT value, count(*) FROM interactions"
                        + " WHERE item_id = ? AND source = 'observed' AND value IS NOT NULL GROUP BY value ORDER BY value")) {
                    ps.setLong(1, item.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ratings.add(new ItemDetail.ValueCount(rs.getDouble(1), rs.getLong(2)));
                        }
                    }
                }
                List<ItemDetail.UserInteraction> recent = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT u.external_id, x.value, x.ts FROM interactions x"
                        + " JOIN users u ON u.id = x.user_id WHERE x.item_id = ? AND x.source = 'observed'"
                        + " ORDER BY x.ts DESC, x.id DESC LIMIT ?")) {
                    ps.setLong(1, item.id());
                    ps.setInt(2, users);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            recent.add(new ItemDetail.UserInteraction(rs.getString(1), null,
                                    (Double) rs.getObject(2, Double.class), (Long) rs.getObject(3, Long.class)));
                        }
                    }
                }
                return Optional.of(new ItemDetail(item, ratings, recent));
            } catch (SQLException e) {
                throw db.fail("reading item " + externalId, e);
            }
        }
    }

    Optional<UserDetail> userDetail(String dataset, String externalId, int limit) {
        List<UserRecord> found = entities.users(externalId, Optional.of(dataset));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserRecord user = found.get(0);
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.external_id, i.title, x.value, x.ts FROM interactions x"
                    + " JOIN items i ON i.id = x.item_id WHERE x.user_id = ? AND x.source = 'observed'"
                    + " ORDER BY x.ts, x.id LIMIT ?")) {
                ps.setLong(1, user.id());
                ps.setInt(2, limit);
                List<ItemDetail.UserInteraction> history = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(new ItemDetail.UserInteraction(rs.getString(1), rs.getString(2),
                                (Double) rs.getObject(3, Double.class), (Long) rs.getObject(4, Long.class)));
                    }
                }
                return Optional.of(new UserDetail(user, history));
            } catch (SQLException e) {
                throw db.fail("reading user " + externalId, e);
            }
        }
    }

    List<HistoryEntry> userHistory(long userId, int mostRecent) {
        String sql = "SELECT x.item_id, i.external_id, coalesce(i.title, ''), x.value, x.ts FROM interactions x"
                + " JOIN items i ON i.id = x.item_id WHERE x.user_id = ? AND x.source = 'observed'"
                + " ORDER BY x.ts DESC, x.id DESC LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, userId);
                ps.setInt(2, mostRecent);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                                (Double) rs.getObject(4, Double.class), (Long) rs.getObject(5, Long.class)));
                    }
                }
                java.util.Collections.reverse(out);
                return out;
            } catch (SQLException e) {
                throw db.fail("reading the history of user " + userId, e);
            }
        }
    }

    List<EntityReview> reviewsOf(String kind, long entityId, int limit) {
        String column = switch (kind) {
            case "user" -> "r.user_id";
            case "item" -> "r.item_id";
            default -> throw new IllegalArgumentException("kind must be user or item: " + kind);
        };
        String sql = "SELECT r.id, u.external_id, i.external_id, coalesce(i.title, ''), r.rating, r.ts,"
                + " coalesce(r.summary, ''), coalesce(r.text, '') FROM reviews r JOIN users u ON u.id = r.user_id"
                + " JOIN items i ON i.id = r.item_id WHERE " + column + " = ? ORDER BY r.ts DESC, r.id DESC LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, entityId);
                ps.setInt(2, limit);
                List<EntityReview> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EntityReview(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                (Double) rs.getObject(5, Double.class), (Long) rs.getObject(6, Long.class),
                                rs.getString(7), rs.getString(8)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("reading the reviews of " + kind + " " + entityId, e);
            }
        }
    }
}
