package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The interaction indexes (a user's history by item and time; an item's audience; synthetic rows) and the work done
 * through them at the end of an import. Small tables drop them for the import and build them again after the data
 * commits, in a transaction of their own (ADR 0005); {@link #ensure} repairs a workspace whose build never ran.
 */
final class InteractionIndexes {
    /** Below this many existing interactions, dropping and rebuilding the indexes beats maintaining them. */
    private static final long REBUILD_BELOW = 2_000_000;

    /**
     * Every index on interactions, as the migrations define them. The partial ones (synthetic rows only, for
     * TablePager's counts) are empty after an import, yet maintaining them row by row cost a third of the
     * insert rate; rebuilding them is one scan.
     */
    private static final java.util.Map<String, String> INDEXES = new java.util.LinkedHashMap<>();

    static {
        INDEXES.put("interactions_by_user", "(user_id, item_id, ts)");
        INDEXES.put("interactions_by_item", "(item_id)");
        INDEXES.put("interactions_synthetic_by_user", "(user_id) WHERE source <> 'observed'");
        INDEXES.put("interactions_synthetic_by_item", "(item_id) WHERE source <> 'observed'");
    }

    private final Connection c;
    private final boolean rebuild;

    /** Drops the indexes when the table is small enough that one rebuild costs less than row-by-row upkeep. */
    InteractionIndexes(Connection c) throws SQLException {
        this.c = c;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM interactions")) {
            rs.next();
            rebuild = rs.getLong(1) < REBUILD_BELOW;
        }
        if (rebuild) {
            try (Statement st = c.createStatement()) {
                for (String index : INDEXES.keySet()) {
                    st.execute("DROP INDEX IF EXISTS " + index);
                }
            }
        }
    }

    /** Creates whichever interaction index is missing (a crash between an import's commit and its index build). */
    static void ensure(Connection c) throws SQLException {
        // Read first: every background job opens the workspace, and a CREATE statement, even one that finds its
        // index, would queue behind a running import for the write lock.
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (var index : INDEXES.entrySet()) {
                if (!present.contains(index.getKey())) {
                    st.execute("CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON interactions " + index.getValue());
                }
            }
        }
    }

    void restore() throws SQLException {
        if (rebuild) {
            ensure(c);
        }
    }

    /**
     * Deletes rows of users {@code firstUser..lastUser} that repeat an earlier row in (user, item, time, value);
     * a cheap probe over the covering index comes first, since most files have none.
     */
    long deleteRepeats(int firstUser, int lastUser) throws SQLException {
        try (PreparedStatement probe = c.prepareStatement("SELECT 1 FROM interactions WHERE user_id BETWEEN ? AND ?"
                + " GROUP BY user_id, item_id, ts HAVING count(*) > 1 LIMIT 1")) {
            probe.setInt(1, firstUser);
            probe.setInt(2, lastUser);
            try (ResultSet rs = probe.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
            }
        }
        String sql = "DELETE FROM interactions WHERE id IN (SELECT b.id FROM interactions a JOIN interactions b"
                + " ON a.user_id = b.user_id AND a.item_id = b.item_id AND a.ts IS b.ts AND a.value IS b.value AND a.id < b.id"
                + " WHERE a.user_id IN (SELECT user_id FROM interactions WHERE user_id BETWEEN ? AND ?"
                + "   GROUP BY user_id, item_id, ts HAVING count(*) > 1))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, firstUser);
            ps.setInt(2, lastUser);
            return ps.executeUpdate();
        }
    }
}
