package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Every item of a dataset with what the embedding map colours it by (see {@link WorkspaceReader}). */
final class ItemMapReader {
    private final ReadConnection db;
    private final Connection c;

    ItemMapReader(ReadConnection db) {
        this.db = db;
        this.c = db.connection();
    }

    ItemMapAttributes itemMapAttributes(long datasetId) {
        synchronized (c) {
            try {
                boolean auto = c.getAutoCommit();
                if (auto) {
                    c.setAutoCommit(false); // one snapshot for the three queries
                }
                try {
                    return itemMapAttributesInSnapshot(datasetId);
                } finally {
                    if (auto) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw db.fail("reading the item map attributes of dataset " + datasetId, e);
            }
        }
    }

    private ItemMapAttributes itemMapAttributesInSnapshot(long datasetId) throws SQLException {
        int n = (int) db.countOf("items", datasetId);
        long[] ids = new long[n];
        String[] externalIds = new String[n];
        String[] titles = new String[n];
        String[] categories = new String[n];
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, external_id, coalesce(title, ''),"
                + " CASE WHEN json_valid(categories) AND json_type(categories) = 'array'"
                + " THEN coalesce(CAST(json_extract(categories, '$[0]') AS TEXT), '') ELSE '' END"
                + " FROM items WHERE dataset_id = ? ORDER BY id")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && count < n) {
                    ids[count] = rs.getLong(1);
                    externalIds[count] = rs.getString(2);
                    titles[count] = rs.getString(3);
                    categories[count] = rs.getString(4);
                    count++;
                }
            }
        }
        int[] total = new int[n];
        int[] synthetic = new int[n];
        if (n > 0) {
            // an item's interactions belong to its dataset, so the id range finds them on the item indexes
            perItem("SELECT item_id, count(*) FROM interactions WHERE item_id BETWEEN ? AND ? GROUP BY item_id",
                    ids, total);
            perItem("SELECT item_id, count(*) FROM interactions WHERE source <> 'observed' AND item_id BETWEEN ? AND ?"
                    + " GROUP BY item_id", ids, synthetic);
        }
        int[] observed = new int[n];
        for (int i = 0; i < n; i++) {
            observed[i] = total[i] - synthetic[i];
        }
        return new ItemMapAttributes(ids, externalIds, titles, categories, observed, synthetic);
    }

    private void perItem(String sql, long[] ids, int[] into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ids[0]);
            ps.setLong(2, ids[ids.length - 1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int at = java.util.Arrays.binarySearch(ids, rs.getLong(1));
                    if (at >= 0) {
                        into[at] = (int) Math.min(Integer.MAX_VALUE, rs.getLong(2));
                    }
                }
            }
        }
    }
}
