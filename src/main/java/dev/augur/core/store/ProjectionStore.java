package dev.augur.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * 2-D projections of vector sets in the workspace's {@code projections} table, one per (dataset, kind, field,
 * encoder, method, params). Entity ids are stored as int64 and coordinates as float32, both little-endian BLOBs.
 * Reads share the workspace's read connection; writes take the workspace's write lock, one statement each.
 */
public final class ProjectionStore {
    private static final String KEY = " WHERE dataset_id = ? AND kind = ? AND field = ? AND encoder = ?";

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    ProjectionStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /**
     * Stores {@code p}, replacing the projection already stored under its (dataset, kind, field, encoder, method,
     * params).
     * @throws WorkspaceException when there is no dataset {@code p.datasetId()} or the write fails
     * @throws IllegalStateException when called on a thread with an import in progress
     */
    public void put(StoredProjection p) {
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO projections(dataset_id, kind, field, encoder,"
                + " method, params, set_count, set_updated_at, n, entity_ids, xy, seconds, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (dataset_id, kind, field, encoder, method, params) DO UPDATE SET"
                + " set_count = excluded.set_count, set_updated_at = excluded.set_updated_at, n = excluded.n,"
                + " entity_ids = excluded.entity_ids, xy = excluded.xy, seconds = excluded.seconds,"
                + " created_at = excluded.created_at")) {
            bindKey(ps, p.datasetId(), p.kind(), p.field(), p.encoder());
            ps.setString(5, p.method());
            ps.setString(6, p.params());
            ps.setLong(7, p.setCount());
            ps.setString(8, p.setUpdatedAt());
            ps.setInt(9, p.size());
            ByteBuffer ids = ByteBuffer.allocate(p.size() * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ids.asLongBuffer().put(p.entityIds());
            ps.setBytes(10, ids.array());
            ByteBuffer xy = ByteBuffer.allocate(p.xy().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            xy.asFloatBuffer().put(p.xy());
            ps.setBytes(11, xy.array());
            ps.setDouble(12, p.seconds());
            ps.setString(13, p.createdAt());
            ps.executeUpdate(); // autocommit: one statement, one transaction
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("FOREIGN KEY")) {
                throw new WorkspaceException("no dataset with id " + p.datasetId() + " in " + file, e);
            }
            throw fail("storing the " + p.method() + " projection of " + VectorStore.describe(p.datasetId(), p.kind(), p.field(),
                    p.encoder()), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** The projection stored under this key, if any. */
    public Optional<StoredProjection> find(long datasetId, String kind, String field, String encoder, String method,
                                          String params) {
        requireKey(kind, field, encoder, method, params);
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT set_count, set_updated_at, n, entity_ids, xy,"
                    + " seconds, created_at FROM projections" + KEY + " AND method = ? AND params = ?")) {
                bindKey(ps, datasetId, kind, field, encoder);
                ps.setString(5, method);
                ps.setString(6, params);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int n = rs.getInt(3);
                    byte[] idBytes = rs.getBytes(4);
                    byte[] xyBytes = rs.getBytes(5);
                    if (idBytes == null || xyBytes == null || idBytes.length != n * Long.BYTES
                            || xyBytes.length != 2 * n * Float.BYTES) {
                        throw new WorkspaceException("the stored " + method + " projection of "
                                + VectorStore.describe(datasetId, kind, field, encoder) + " in " + file + " is damaged ("
                                + n + " points, " + (idBytes == null ? 0 : idBytes.length) + " + "
                                + (xyBytes == null ? 0 : xyBytes.length) + " bytes)");
                    }
                    long[] ids = new long[n];
                    ByteBuffer.wrap(idBytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(ids);
                    float[] xy = new float[2 * n];
                    ByteBuffer.wrap(xyBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xy);
                    return Optional.of(new StoredProjection(datasetId, kind, field, encoder, method, params,
                            rs.getLong(1), rs.getString(2), ids, xy, rs.getDouble(6), rs.getString(7)));
                }
            } catch (SQLException e) {
                throw fail("reading the " + method + " projection of " + VectorStore.describe(datasetId, kind, field, encoder), e);
            }
        }
    }

    /**
     * Deletes the projection stored under this key.
     * @return whether there was one
     */
    public boolean delete(long datasetId, String kind, String field, String encoder, String method, String params) {
        requireKey(kind, field, encoder, method, params);
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM projections" + KEY
                + " AND method = ? AND params = ?")) {
            bindKey(ps, datasetId, kind, field, encoder);
            ps.setString(5, method);
            ps.setString(6, params);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw fail("deleting the " + method + " projection of " + VectorStore.describe(datasetId, kind, field, encoder), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /**
     * Deletes every projection of a vector set (any method and parameters).
     * @return the number deleted
     */
    public int deleteAll(long datasetId, String kind, String field, String encoder) {
        requireKey(kind, field, encoder, "", "");
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM projections" + KEY)) {
            bindKey(ps, datasetId, kind, field, encoder);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("deleting the projections of " + VectorStore.describe(datasetId, kind, field, encoder), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    private static void bindKey(PreparedStatement ps, long datasetId, String kind, String field, String encoder)
            throws SQLException {
        ps.setLong(1, datasetId);
        ps.setString(2, Objects.requireNonNull(kind, "kind"));
        ps.setString(3, Objects.requireNonNull(field, "field"));
        ps.setString(4, Objects.requireNonNull(encoder, "encoder"));
    }

    private static void requireKey(String kind, String field, String encoder, String method, String params) {
        VectorStore.requireSet(kind, field, encoder);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "ProjectionStore[" + file + "]";
    }
}
