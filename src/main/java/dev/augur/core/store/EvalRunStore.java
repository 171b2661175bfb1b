package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluation runs in the workspace's {@code eval_runs} table; each write is its own committed statement. */
public final class EvalRunStore {
    private static final String COLUMNS = "id, dataset_id, task, label, protocol, results, created_at";

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    EvalRunStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /** Stores {@code run} and returns it with its id and creation time. */
    public StoredRun put(StoredRun run) {
        String now = Instant.now().toString();
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO eval_runs(dataset_id, task, label, protocol,"
                + " results, created_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, run.datasetId());
            ps.setString(2, run.task());
            ps.setString(3, run.label() == null ? "" : run.label());
            ps.setString(4, run.protocolJson());
            ps.setString(5, run.resultsJson());
            ps.setString(6, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new StoredRun(keys.getLong(1), run.datasetId(), run.task(),
                        run.label() == null ? "" : run.label(), run.protocolJson(), run.resultsJson(), now);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("cannot store the evaluation run in " + file + ": " + e.getMessage(), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** The runs of {@code datasetId} (all datasets when ≤ 0), newest first. */
    public List<StoredRun> list(long datasetId) {
        String sql = "SELECT " + COLUMNS + " FROM eval_runs" + (datasetId > 0 ? " WHERE dataset_id = ?" : "")
                + " ORDER BY id DESC";
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                if (datasetId > 0) {
                    ps.setLong(1, datasetId);
                }
                List<StoredRun> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read the evaluation runs of " + file + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<StoredRun> get(long id) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT " + COLUMNS + " FROM eval_runs WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read evaluation run " + id + " of " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Deletes run {@code id}; true when it existed. */
    public boolean delete(long id) {
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM eval_runs WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new WorkspaceException("cannot delete evaluation run " + id + " of " + file + ": "
                    + e.getMessage(), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    private static StoredRun row(ResultSet rs) throws SQLException {
        return new StoredRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
