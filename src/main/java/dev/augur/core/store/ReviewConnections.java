package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** What the parts of the {@link ReviewStore} share: the workspace's write lock, its two connections, its file. */
final class ReviewConnections {
    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    ReviewConnections(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    Workspace workspace() {
        return workspace;
    }

    Connection writer() {
        return writer;
    }

    /** The reading connection; synchronize on it while a statement is open. */
    Connection reader() {
        return reader;
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} holding the workspace's writer and in one {@link ImmediateTransaction}, committed before
     * this returns, so a killed app loses nothing that was shown as done.
     */
    <T> T write(ImmediateTransaction.Work<T> work) {
        workspace.acquireWriter();
        try {
            return ImmediateTransaction.run(writer, work);
        } catch (SQLException e) {
            throw fail("recording a review decision", e);
        } finally {
            workspace.releaseWriter();
        }
    }

    WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException("failed " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
