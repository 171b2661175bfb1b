package dev.augur.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction that takes the write lock at its start (BEGIN IMMEDIATE): work that reads the current state and
 * then writes could not upgrade a deferred transaction to writing once another connection had committed in between;
 * it would fail at once instead of waiting its turn.
 */
final class ImmediateTransaction {
    private ImmediateTransaction() {
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one BEGIN IMMEDIATE transaction on {@code c}: committed when it returns, else rolled back. */
    static <T> T run(Connection c, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("a transaction is already open on the writer");
        }
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T t = work.run();
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            return t;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the failure that got us here is the one to report
            }
            throw e;
        }
    }
}
