package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The datasets of a workspace with their sizes, statistics and count distributions (see {@link WorkspaceReader}). */
final class DatasetStatsReader {
    private final ReadConnection db;
    private final Connection c;

    DatasetStatsReader(ReadConnection db) {
        this.db = db;
        this.c = db.connection();
    }

    List<DatasetInfo> datasets() {
        String sql = "SELECT d.id, d.name, d.format, d.source_path, d.imported_at, d.report,"
                + " (SELECT count(*) FROM users u WHERE u.dataset_id = d.id),"
                + " (SELECT count(*) FROM items i WHERE i.dataset_id = d.id),"
                + " (SELECT count(*) FROM interactions x WHERE x.dataset_id = d.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.dataset_id = d.id),"
                + " (SELECT count(*) FROM tags t WHERE t.dataset_id = d.id)"
                + " FROM datasets d ORDER BY d.id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<DatasetInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DatasetInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getString(6)));
                }
                return out;
            } catch (SQLException e) {
                throw db.fail("listing datasets", e);
            }
        }
    }

    Optional<DatasetInfo> dataset(String name) {
        return datasets().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    Optional<Long> datasetId(String name) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw db.fail("looking up dataset " + name, e);
            }
        }
    }

    WorkspaceStats stats(Optional<String> dataset) {
        String where = dataset.isPresent() ? " WHERE dataset_id = (SELECT id FROM datasets WHERE name = ?)" : "";
        String and = dataset.isPresent() ? " AND dataset_id = (SELECT id FROM datasets WHERE name = ?)" : "";
        synchronized (c) {
            try {
                if (dataset.isPresent() && dataset(dataset.get()).isEmpty()) {
                    throw new WorkspaceException("no dataset named '" + dataset.get() + "' in " + db.file());
                }
                long users = db.scalar("SELECT count(*) FROM users" + where, dataset);
                long items = db.scalar("SELECT count(*) FROM items" + where, dataset);
                long interactions = db.scalar("SELECT count(*) FROM interactions WHERE source = 'observed'" + and, dataset);
                long reviews = db.scalar("SELECT count(*) FROM reviews" + where, dataset);
                long tags = db.scalar("SELECT count(*) FROM tags" + where, dataset);
                long cold = db.scalar("SELECT count(*) FROM items i" + where.replace("dataset_id", "i.dataset_id")
                        + (dataset.isPresent() ? " AND" : " WHERE")
                        + " NOT EXISTS (SELECT 1 FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed')", dataset);
                long[] perUser = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY user_id", dataset, users);
                long[] perItem = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY item_id", dataset, items);
                long pending = db.scalar("SELECT count(*) FROM interactions WHERE status = 'pending'" + and, dataset);
                long accepted = db.scalar("SELECT count(*) FROM interactions WHERE status = 'accepted'" + and, dataset);
                long rejected = db.scalar("SELECT count(*) FROM interactions WHERE status = 'rejected'" + and, dataset);
                double density = users > 0 && items > 0 ? (double) interactions / ((double) users * items) : 0;
                return new WorkspaceStats(dataset.orElse("(all datasets)"), users, items, interactions, reviews, tags,
                        density, cold, Distribution.of(perUser), Distribution.of(perItem),
                        new WorkspaceStats.SyntheticCounts(pending, accepted, rejected));
            } catch (SQLException e) {
                throw db.fail("computing statistics", e);
            }
        }
    }

    long coldItems(String dataset) {
        synchronized (c) {
            try {
                return db.scalar("SELECT count(*) FROM items i WHERE i.dataset_id = (SELECT id FROM datasets WHERE name = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed')",
                        Optional.of(dataset));
            } catch (SQLException e) {
                throw db.fail("counting cold items", e);
            }
        }
    }

    DatasetProfile profile(String dataset) {
        WorkspaceStats stats = stats(Optional.of(dataset));
        String and = " AND dataset_id = (SELECT id FROM datasets WHERE name = ?)";
        synchronized (c) {
            try {
                long[] items = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY item_id", Optional.of(dataset), stats.items());
                long[] users = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY user_id", Optional.of(dataset), stats.users());
                java.util.Arrays.sort(items);
                for (int i = 0, j = items.length - 1; i < j; i++, j--) {
                    long t = items[i];
                    items[i] = items[j];
                    items[j] = t;
                }
                return new DatasetProfile(stats, items, users);
            } catch (SQLException e) {
                throw db.fail("reading the profile of " + dataset, e);
            }
        }
    }

    /** Items (or users) with no interactions count as zeros in the distribution, so it covers all of them. */
    private long[] counts(String sql, Optional<String> dataset, long population) throws SQLException {
        long[] out = new long[(int) population];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            dataset.ifPresent(d -> ReadConnection.set(ps, d));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && n < out.length) {
                    out[n++] = rs.getLong(1);
                }
            }
        }
        return out;
    }
}
