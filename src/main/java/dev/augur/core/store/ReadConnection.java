package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The workspace's read connection and file, with the small query helpers the readers behind
 * {@link WorkspaceReader} share. Callers synchronize on {@link #connection()}: one query at a time.
 */
final class ReadConnection {
    private final Connection c;
    private final Path file;

    ReadConnection(Connection c, Path file) {
        this.c = c;
        this.file = file;
    }

    Connection connection() {
        return c;
    }

    Path file() {
        return file;
    }

    /** The first column of the first row of {@code sql}, or 0; {@code dataset} binds the first parameter. */
    long scalar(String sql, Optional<String> dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            dataset.ifPresent(d -> set(ps, d));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The number of rows of {@code table} in a dataset. */
    long countOf(String table, long datasetId) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE dataset_id = ?")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw fail("counting " + table + " of dataset " + datasetId, e);
            }
        }
    }

    static void set(PreparedStatement ps, String value) {
        try {
            ps.setString(1, value);
        } catch (SQLException e) {
            throw new WorkspaceException("bad query parameter: " + e.getMessage(), e);
        }
    }

    WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }
}
