package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A prepared insert that sends its rows every {@link DatasetWriter#BATCH} additions. */
final class RowBatch {
    final PreparedStatement ps;
    private int pending;
    private long rows;

    RowBatch(Connection c, String sql) throws SQLException {
        ps = c.prepareStatement(sql);
    }

    void add() throws SQLException {
        ps.addBatch();
        rows++;
        if (++pending == DatasetWriter.BATCH) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            pending = 0;
        }
    }
}
