package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Loads a dataset's interactions into memory as columns for model training and evaluation: one query on the
 * per-user index, streamed into growing primitive arrays (about 29 bytes a row), so a million rows cost ~30 MB.
 */
public final class InteractionLoader {
    private final Connection c;
    private final Path file;

    InteractionLoader(Connection reader, Path file) {
        this.c = reader;
        this.file = file;
    }

    /**
     * The observed interactions of {@code datasetId}, plus the accepted synthetic ones when
     * {@code withAcceptedSynthetic}; pending and rejected synthetic rows never load.
     */
    public InteractionColumns load(long datasetId, boolean withAcceptedSynthetic) {
        String sql = "SELECT user_id, item_id, coalesce(value, 1.0), ts, source <> 'observed' FROM interactions"
                + " WHERE dataset_id = ? AND (source = 'observed'"
                + (withAcceptedSynthetic ? " OR status = 'accepted'" : "") + ") ORDER BY user_id, ts, id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, datasetId);
                ps.setFetchSize(10_000);
                int cap = 1 << 16;
                long[] users = new long[cap];
                long[] items = new long[cap];
                float[] values = new float[cap];
                long[] ts = new long[cap];
                boolean[] synthetic = new boolean[cap];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == cap) {
                            cap = cap + (cap >> 1);
                            users = Arrays.copyOf(users, cap);
                            items = Arrays.copyOf(items, cap);
                            values = Arrays.copyOf(values, cap);
                            ts = Arrays.copyOf(ts, cap);
                            synthetic = Arrays.copyOf(synthetic, cap);
                        }
                        users[n] = rs.getLong(1);
                        items[n] = rs.getLong(2);
                        values[n] = (float) rs.getDouble(3);
                        long t = rs.getLong(4);
                        ts[n] = rs.wasNull() ? InteractionColumns.NO_TIME : t;
                        synthetic[n] = rs.getInt(5) != 0;
                        n++;
                    }
                }
                return new InteractionColumns(datasetId, Arrays.copyOf(users, n), Arrays.copyOf(items, n),
                        Arrays.copyOf(values, n), Arrays.copyOf(ts, n), Arrays.copyOf(synthetic, n));
            } catch (SQLException e) {
                throw new WorkspaceException("cannot load the interactions of dataset " + datasetId + " from " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every item of {@code datasetId}, ordered by id (the item universe a recommender ranks). */
    public ItemCatalog catalog(long datasetId) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, external_id, coalesce(title, ''), categories"
                    + " FROM items WHERE dataset_id = ? ORDER BY id")) {
                ps.setLong(1, datasetId);
                java.util.List<Object[]> rows = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                int n = rows.size();
                long[] ids = new long[n];
                String[] ext = new String[n];
                String[] titles = new String[n];
                String[] cats = new String[n];
                for (int i = 0; i < n; i++) {
                    Object[] r = rows.get(i);
                    ids[i] = (Long) r[0];
                    ext[i] = (String) r[1];
                    titles[i] = (String) r[2];
                    cats[i] = r[3] == null ? "[]" : (String) r[3];
                }
                return new ItemCatalog(ids, ext, titles, cats);
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read the items of dataset " + datasetId + " from " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The external ids of the given users (workspace ids, ascending), in the same order. */
    public String[] userExternalIds(long[] userIds) {
        String[] out = new String[userIds.length];
        if (userIds.length == 0) {
            return out;
        }
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, external_id FROM users WHERE id BETWEEN ? AND ?")) {
                ps.setLong(1, userIds[0]);
                ps.setLong(2, userIds[userIds.length - 1]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int at = Arrays.binarySearch(userIds, rs.getLong(1));
                        if (at >= 0) {
                            out[at] = rs.getString(2);
                        }
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read user ids from " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
