package dev.augur.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sentence vectors in the workspace's {@code vectors} table, grouped in sets: one set is a (dataset, kind, field,
 * encoder) and holds at most one vector per entity, with the hash of the text it came from. A vector is stored as
 * float32 little-endian bytes.
 *
 * <p>Reads share the workspace's read connection (one query at a time); writes take the workspace's write lock
 * and run in one transaction per call, so a reader never sees half a batch. Entity ids are not checked against
 * the items, users or reviews they name (which table depends on the kind); the dataset id is.
 */
public final class VectorStore {
    /** Rows per JDBC batch: a 384-float vector is 1.5 KiB, so this keeps a batch near 1.5 MiB. */
    private static final int BATCH = 1_000;
    private static final String SET = " WHERE dataset_id = ? AND kind = ? AND field = ? AND encoder = ?";

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    VectorStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /** Entity id → hash of the text its stored vector was encoded from, for every vector of the set. */
    public Map<Long, byte[]> textHashes(long datasetId, String kind, String field, String encoder) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT entity_id, text_hash FROM vectors" + SET)) {
                bindSet(ps, datasetId, kind, field, encoder);
                Map<Long, byte[]> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getBytes(2));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading text hashes of " + describe(datasetId, kind, field, encoder), e);
            }
        }
    }

    /**
     * Stores {@code rows} in the set, replacing the vector (and hash and time) an entity already has there; all in
     * one transaction. Nothing happens for an empty list.
     * @throws IllegalArgumentException when a vector is empty, when the vectors differ in length, or when their
     *         length differs from that of the vectors already in the set (the entity is named)
     * @throws WorkspaceException when there is no dataset {@code datasetId} or the write fails
     * @throws IllegalStateException when called on a thread with an import in progress
     */
    public void put(long datasetId, String kind, String field, String encoder, List<StoredVector> rows) {
        requireSet(kind, field, encoder);
        if (rows.isEmpty()) {
            return;
        }
        int dims = checkLengths(rows);
        String now = Instant.now().toString();
        workspace.acquireWriter();
        try {
            boolean auto = writer.getAutoCommit();
            writer.setAutoCommit(false);
            try {
                checkDataset(datasetId);
                checkStoredDims(datasetId, kind, field, encoder, dims, rows.get(0).entityId());
                try (PreparedStatement ps = writer.prepareStatement("INSERT INTO vectors(dataset_id, kind, field, encoder,"
                        + " entity_id, text_hash, dims, vector, created_at) VALUES (?,?,?,?,?,?,?,?,?)"
                        + " ON CONFLICT (dataset_id, kind, field, encoder, entity_id) DO UPDATE SET"
                        + " text_hash = excluded.text_hash, dims = excluded.dims, vector = excluded.vector,"
                        + " created_at = excluded.created_at")) {
                    ByteBuffer bytes = ByteBuffer.allocate(dims * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    int pending = 0;
                    for (StoredVector row : rows) {
                        // every parameter on every row: sqlite-jdbc clears them all after executeBatch
                        bindSet(ps, datasetId, kind, field, encoder);
                        ps.setInt(7, dims);
                        ps.setString(9, now);
                        ps.setLong(5, row.entityId());
                        ps.setBytes(6, Objects.requireNonNull(row.textHash(), "textHash"));
                        bytes.clear();
                        bytes.asFloatBuffer().put(row.vector());
                        ps.setBytes(8, bytes.array().clone());
                        ps.addBatch();
                        if (++pending == BATCH) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw fail("storing " + rows.size() + " vectors of " + describe(datasetId, kind, field, encoder), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** Every set in the workspace with its vector count, length and latest write, ordered by dataset, kind, field, encoder. */
    public List<VectorSetInfo> sets() {
        // an index-only scan of vectors_by_set
        String sql = "SELECT v.dataset_id, (SELECT d.name FROM datasets d WHERE d.id = v.dataset_id), v.kind, v.field,"
                + " v.encoder, max(v.dims), count(*), max(v.created_at) FROM vectors v"
                + " GROUP BY v.dataset_id, v.kind, v.field, v.encoder ORDER BY v.dataset_id, v.kind, v.field, v.encoder";
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<VectorSetInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new VectorSetInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8)));
                }
                return out;
            } catch (SQLException e) {
                throw fail("listing vector sets", e);
            }
        }
    }

    /** One set with its vector count, length and latest write, if the workspace holds any of its vectors. */
    public Optional<VectorSetInfo> set(long datasetId, String kind, String field, String encoder) {
        requireSet(kind, field, encoder);
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT (SELECT d.name FROM datasets d WHERE d.id = ?1),"
                    + " max(v.dims), count(*), max(v.created_at) FROM vectors v WHERE v.dataset_id = ?1 AND v.kind = ?2"
                    + " AND v.field = ?3 AND v.encoder = ?4")) {
                bindSet(ps, datasetId, kind, field, encoder);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(3) == 0) {
                        return Optional.empty();
                    }
                    return Optional.of(new VectorSetInfo(datasetId, rs.getString(1), kind, field, encoder, rs.getInt(2),
                            rs.getLong(3), rs.getString(4)));
                }
            } catch (SQLException e) {
                throw fail("reading " + describe(datasetId, kind, field, encoder), e);
            }
        }
    }

    /**
     * All vectors of a set as one matrix, rows ordered by entity id, read in one snapshot. An unknown set gives an
     * empty matrix ({@code dims} 0).
     */
    public VectorMatrix load(long datasetId, String kind, String field, String encoder) {
        synchronized (reader) {
            try {
                boolean auto = reader.getAutoCommit();
                if (auto) {
                    reader.setAutoCommit(false);
                }
                try {
                    VectorMatrix m = loadInSnapshot(datasetId, kind, field, encoder);
                    if (auto) {
                        reader.commit();
                    }
                    return m;
                } catch (SQLException | RuntimeException e) {
                    if (auto) {
                        reader.rollback();
                    }
                    throw e;
                } finally {
                    if (auto) {
                        reader.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw fail("loading vectors of " + describe(datasetId, kind, field, encoder), e);
            }
        }
    }

    private VectorMatrix loadInSnapshot(long datasetId, String kind, String field, String encoder) throws SQLException {
        int n;
        int dims;
        try (PreparedStatement ps = reader.prepareStatement("SELECT count(*), coalesce(min(dims), 0), coalesce(max(dims), 0)"
                + " FROM vectors" + SET)) {
            bindSet(ps, datasetId, kind, field, encoder);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                dims = rs.getInt(2);
                if (dims != rs.getInt(3)) {
                    throw new WorkspaceException(describe(datasetId, kind, field, encoder) + " in " + file
                            + " mixes vectors of " + dims + " and " + rs.getInt(3) + " dimensions");
                }
                if (count * dims > Integer.MAX_VALUE - 8) {
                    throw new WorkspaceException(describe(datasetId, kind, field, encoder) + " in " + file + " holds "
                            + count + " × " + dims + " values, too many for one matrix");
                }
                n = (int) count;
            }
        }
        long[] ids = new long[n];
        float[] data = new float[n * dims];
        try (PreparedStatement ps = reader.prepareStatement("SELECT entity_id, vector FROM vectors" + SET
                + " ORDER BY entity_id")) {
            bindSet(ps, datasetId, kind, field, encoder);
            int i = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && i < n) {
                    ids[i] = rs.getLong(1);
                    decode(rs.getBytes(2), dims, ids[i], data, i * dims);
                    i++;
                }
            }
            if (i != n) { // cannot happen inside one snapshot
                throw new WorkspaceException("vectors of " + describe(datasetId, kind, field, encoder) + " changed while loading");
            }
        }
        return new VectorMatrix(ids, dims, data);
    }

    /** The vector of one entity in a set, if it has one. */
    public Optional<float[]> vector(long datasetId, String kind, String field, String encoder, long entityId) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT dims, vector FROM vectors" + SET
                    + " AND entity_id = ?")) {
                bindSet(ps, datasetId, kind, field, encoder);
                ps.setLong(5, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int dims = rs.getInt(1);
                    float[] v = new float[dims];
                    decode(rs.getBytes(2), dims, entityId, v, 0);
                    return Optional.of(v);
                }
            } catch (SQLException e) {
                throw fail("reading the vector of entity " + entityId + " in " + describe(datasetId, kind, field, encoder), e);
            }
        }
    }

    /**
     * Deletes a whole set.
     * @return the number of vectors deleted
     */
    public long delete(long datasetId, String kind, String field, String encoder) {
        requireSet(kind, field, encoder);
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM vectors" + SET)) {
            bindSet(ps, datasetId, kind, field, encoder);
            return ps.executeUpdate(); // autocommit: one statement, one transaction
        } catch (SQLException e) {
            throw fail("deleting " + describe(datasetId, kind, field, encoder), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static int checkLengths(List<StoredVector> rows) {
        int dims = rows.get(0).vector().length;
        for (StoredVector row : rows) {
            int len = row.vector().length;
            if (len == 0) {
                throw new IllegalArgumentException("the vector of entity " + row.entityId() + " is empty");
            }
            if (len != dims) {
                throw new IllegalArgumentException("the vector of entity " + row.entityId() + " has " + len
                        + " dimensions, the others of this call " + dims);
            }
        }
        return dims;
    }

    private void checkDataset(long datasetId) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT 1 FROM datasets WHERE id = ?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkspaceException("no dataset with id " + datasetId + " in " + file);
                }
            }
        }
    }

    private void checkStoredDims(long datasetId, String kind, String field, String encoder, int dims, long entityId)
            throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT dims FROM vectors" + SET + " LIMIT 1")) {
            bindSet(ps, datasetId, kind, field, encoder);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) != dims) {
                    throw new IllegalArgumentException("the vector of entity " + entityId + " has " + dims
                            + " dimensions, the vectors already stored in " + describe(datasetId, kind, field, encoder)
                            + " " + rs.getInt(1) + "; delete the set first");
                }
            }
        }
    }

    private void decode(byte[] blob, int dims, long entityId, float[] into, int offset) {
        if (blob == null || blob.length != dims * Float.BYTES) {
            throw new WorkspaceException("the stored vector of entity " + entityId + " in " + file + " has "
                    + (blob == null ? 0 : blob.length) + " bytes, not " + dims * Float.BYTES);
        }
        FloatBuffer fb = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        fb.get(into, offset, dims);
    }

    private static void bindSet(PreparedStatement ps, long datasetId, String kind, String field, String encoder)
            throws SQLException {
        ps.setLong(1, datasetId);
        ps.setString(2, kind);
        ps.setString(3, field);
        ps.setString(4, encoder);
    }

    static void requireSet(String kind, String field, String encoder) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(encoder, "encoder");
    }

    static String describe(long datasetId, String kind, String field, String encoder) {
        return "vector set (dataset " + datasetId + ", " + kind + ", " + field + ", " + encoder + ")";
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "VectorStore[" + file + "]";
    }
}
