package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Every row of {@code sql}, with {@code params} bound in order, read by {@code row}; one query at a time on the
     * connection. {@code what} names the read in the error ("reading item i0001").
     */
    <T> List<T> list(String sql, String what, Row<T> row, Object... params) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 0; k < params.length; k++) {
                    ps.setObject(k + 1, params[k]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail(what, e);
            }
        }
    }

    /** The first row of {@code sql} as {@link #list} reads it; empty when there is none. */
    <T> Optional<T> first(String sql, String what, Row<T> row, Object... params) {
        return list(sql, what, row, params).stream().findFirst();
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
