package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Bulk writer for one new dataset, all in one transaction: either {@link #commit} makes everything visible
 * or {@link #close} without commit leaves the workspace exactly as it was.
 *
 * <p>External ids map to internal ids held in memory ({@link DatasetIdMap}: one entry per distinct user or item,
 * never per row), rows go out in prepared batches ({@link DatasetRows}), and the interaction indexes are rebuilt
 * once at the end when that is cheaper than maintaining them row by row. This class owns the transaction around
 * them. Not thread-safe: one importer thread owns it.
 */
public final class DatasetWriter implements AutoCloseable {
    static final int BATCH = 10_000;
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final Workspace workspace;
    private final Connection c;
    private final String name;
    private final long datasetId;
    private final DatasetIdMap ids;
    private final InteractionIndexes indexes;
    private final DatasetRows rows;
    private boolean finished;
    private long committedAt;
    private RepeatFilter repeats; // set when the importer asks for duplicates to be dropped
    private long deletedDuplicates;

    DatasetWriter(Workspace workspace, Connection c, String name, String format, String sourcePath) {
        this.workspace = workspace;
        this.c = c;
        this.name = name;
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM datasets WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new WorkspaceException("a dataset named '" + name + "' already exists in "
                                + workspace.file() + "; choose another name (--name)");
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                // Ids come from this writer's own maps, so foreign keys cannot break; checking them per row
                // costs two index probes each. The pragma only changes outside a transaction.
                st.execute("PRAGMA foreign_keys = OFF");
                // The rows reach readers through the WAL at commit; copying them into the main file (a checkpoint)
                // waits until the indexes are built, so the data commit writes each page once (ADR 0005).
                st.execute("PRAGMA wal_autocheckpoint = 0");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO datasets(name, format, source_path, imported_at) VALUES (?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, format);
                ps.setString(3, sourcePath);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    datasetId = rs.getLong(1);
                }
            }
            ids = new DatasetIdMap(maxId("users") + 1, maxId("items") + 1);
            indexes = new InteractionIndexes(c);
            rows = new DatasetRows(c, datasetId);
        } catch (SQLException e) {
            abandon();
            throw new WorkspaceException("cannot start import into " + workspace.file() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    public long datasetId() {
        return datasetId;
    }

    public String name() {
        return name;
    }

    // ---- users -------------------------------------------------------------------------------------------

    /** The internal id of a user, created on first mention. */
    public int user(String externalId) {
        int id = ids.findUser(externalId);
        return id >= 0 ? id : putUser(externalId, "{}");
    }

    public boolean hasUser(String externalId) {
        return ids.hasUser(externalId);
    }

    /** Declares a user with attributes (JSON object text); the id must be new. */
    public int putUser(String externalId, String attributesJson) {
        int id = ids.newUser(externalId);
        try {
            rows.user(id, externalId, attributesJson);
        } catch (SQLException e) {
            throw fail(e);
        }
        return id;
    }

    // ---- items -------------------------------------------------------------------------------------------

    /** The internal id of an item, or -1 when no file has mentioned it yet. */
    public int findItem(String externalId) {
        return ids.findItem(externalId);
    }

    /** True when metadata for this item was written (not just a mention in an interaction). */
    public boolean isItemDeclared(String externalId) {
        return ids.isItemDeclared(externalId);
    }

    /** The internal id of an item, created bare (id only) on first mention; metadata may fill it later. */
    public int item(String externalId) {
        int id = ids.findItem(externalId);
        if (id >= 0) {
            return id;
        }
        int nid = ids.newItem(externalId);
        insertItem(nid, externalId, null, null, "[]", "{}");
        return nid;
    }

    /**
     * Writes an item's metadata: creates the item, or fills one that so far was only mentioned.
     * @param categoriesJson JSON array of strings
     * @param attributesJson JSON object with every other field
     */
    public int putItem(String externalId, String title, String description, String categoriesJson, String attributesJson) {
        int id = ids.findItem(externalId);
        if (id < 0) {
            int nid = ids.newItem(externalId);
            ids.declareItem(externalId, nid);
            insertItem(nid, externalId, title, description, categoriesJson, attributesJson);
            return nid;
        }
        ids.declareItem(externalId, id);
        try {
            rows.fillItem(id, title, description, categoriesJson, attributesJson);
        } catch (SQLException e) {
            throw fail(e);
        }
        return id;
    }

    private void insertItem(int id, String externalId, String title, String description, String categories, String attributes) {
        try {
            rows.item(id, externalId, title, description, categories, attributes);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    // ---- rows --------------------------------------------------------------------------------------------

    /**
     * One observed interaction.
     * @param value      rating or label; NaN when the source has none
     * @param ts         seconds since the epoch, or {@link #NO_TIMESTAMP}
     * @param impression impression or session id, or a negative number for none
     */
    public void interaction(int user, int item, double value, long ts, long impression) {
        if (repeats != null && repeats.isRepeat(user, item, value, ts)) {
            return;
        }
        ids.interacted(item);
        try {
            rows.interaction(user, item, value, ts, impression);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** Asks this writer to drop rows identical to an earlier one in (user, item, value, time). */
    public void dropDuplicateInteractions() {
        if (repeats == null) {
            repeats = new RepeatFilter(ids.firstUserId());
        }
    }

    public void review(int user, int item, double rating, long ts, String summary, String text, String attributesJson) {
        try {
            rows.review(user, item, rating, ts, summary, text, attributesJson);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public void tag(int user, int item, String tag, long ts) {
        try {
            rows.tag(user, item, tag, ts);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** Interactions written so far (rows dropped as duplicates while streaming are not counted). */
    public long interactionCount() {
        return rows.interactionRows() - deletedDuplicates;
    }

    public long reviewCount() {
        return rows.reviewRows();
    }

    public long tagCount() {
        return rows.tagRows();
    }

    public int userCount() {
        return ids.userCount();
    }

    public int itemCount() {
        return ids.itemCount();
    }

    /** Items of this dataset with no interaction: the cold-start cases. */
    public int coldItemCount() {
        return ids.coldItemCount();
    }

    /** {@link System#nanoTime()} when the data became visible to readers, or 0 before {@link #commit}. */
    public long committedAt() {
        return committedAt;
    }

    /** Items only mentioned by interactions, never given metadata. */
    public int bareItemCount() {
        return ids.bareItemCount();
    }

    // ---- finishing ---------------------------------------------------------------------------------------

    /**
     * Flushes and commits; then builds the interaction indexes in a transaction of their own (ADR 0005), so the
     * data is visible as soon as it is written. When repeated rows must be found after the fact (input not grouped
     * by user, see {@link #dropDuplicateInteractions()}), the indexes are needed for that and are built first,
     * inside the import's transaction.
     * @param report JSON object stored with the dataset; may mention {@code duplicates}
     * @return the number of duplicate interactions removed
     */
    public long commit(java.util.function.LongFunction<String> report) {
        try {
            rows.flush();
            boolean findRepeatsInSql = repeats != null && !repeats.isExact();
            if (findRepeatsInSql) {
                indexes.restore();
                deletedDuplicates = indexes.deleteRepeats(ids.firstUserId(), ids.lastUserId());
            }
            long duplicates = (repeats == null ? 0 : repeats.repeats()) + deletedDuplicates;
            try (PreparedStatement ps = c.prepareStatement("UPDATE datasets SET report = ? WHERE id = ?")) {
                ps.setString(1, report.apply(duplicates));
                ps.setLong(2, datasetId);
                ps.executeUpdate();
            }
            c.commit();
            committedAt = System.nanoTime();
            finished = true;
            // Derived data only: if this fails or the process dies here, Workspace.open builds them again.
            indexes.restore();
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            return duplicates;
        } catch (SQLException e) {
            throw fail(e);
        } finally {
            if (finished) {
                end();
            }
        }
    }

    /** Leaves the workspace as it was before this writer started, unless {@link #commit} succeeded. */
    @Override
    public void close() {
        if (!finished) {
            abandon();
        }
    }

    private void abandon() {
        if (rows != null) {
            rows.close(); // no batch may land after the rollback
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; nothing was committed
        }
        end();
    }

    private void end() {
        finished = true;
        if (rows != null) {
            rows.close();
        }
        try {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA wal_autocheckpoint = 1000");
            }
        } catch (SQLException ignored) {
            // best effort: the next open sets it again
        } finally {
            workspace.releaseWriter();
        }
    }

    private int maxId(String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private WorkspaceException fail(SQLException e) {
        return new WorkspaceException("writing dataset '" + name + "' to " + workspace.file() + " failed: "
                + e.getMessage(), e);
    }
}
