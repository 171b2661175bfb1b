package dev.augur.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open workspace: one SQLite file ({@code *.augur}) in WAL mode, its schema kept current by numbered
 * migrations. All writes go through one connection under one lock (SQLite has a single writer anyway);
 * reads use their own connection so the UI can page tables while an import runs.
 */
public final class Workspace implements AutoCloseable {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Workspace(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens the workspace at {@code file}, creating it (and its folder) when absent, and migrates its schema. */
    public static Workspace open(Path file) {
        Path abs = file.toAbsolutePath();
        checkIsSqlite(abs);
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Connection w = connect(abs);
            try (Statement st = w.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA cache_size = -65536"); // 64 MiB page cache for bulk work
                st.execute("PRAGMA temp_store = MEMORY");
                st.execute("PRAGMA threads = 2"); // helper threads for the sorts of CREATE INDEX
            }
            Migrations.apply(w, abs.toString());
            InteractionIndexes.ensure(w);
            Connection r = connect(abs);
            try (Statement st = r.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
            }
            return new Workspace(abs, w, r);
        } catch (SQLException e) {
            throw new WorkspaceException("cannot open workspace " + abs + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkspaceException("cannot create the folder for workspace " + abs + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path abs) throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "10000");
        return DriverManager.getConnection("jdbc:sqlite:" + abs, p);
    }

    private static void checkIsSqlite(Path abs) {
        if (!Files.isRegularFile(abs)) {
            if (Files.exists(abs)) {
                throw new WorkspaceException(abs + " is a folder, not a workspace file; give a path ending in .augur");
            }
            return;
        }
        try (InputStream in = Files.newInputStream(abs)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length > 0 && !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
                throw new WorkspaceException(abs + " is not an Augur workspace (not a SQLite database file)");
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot read " + abs + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The workspace's display name: its file name without the {@code .augur} extension. */
    public String name() {
        String n = file.getFileName().toString();
        return n.endsWith(".augur") ? n.substring(0, n.length() - ".augur".length()) : n;
    }

    public int schemaVersion() {
        synchronized (reader) {
            try {
                return Migrations.version(reader);
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read schema version of " + file, e);
            }
        }
    }

    /** Starts a bulk import of one new dataset; nothing is visible to readers until {@link DatasetWriter#commit}. */
    public DatasetWriter newDataset(String name, String format, String sourcePath) {
        writeLock.lock();
        try {
            return new DatasetWriter(this, writer, name, format, sourcePath);
        } catch (RuntimeException e) {
            writeLock.unlock();
            throw e;
        }
    }

    /**
     * Takes the write lock for a short write of this package (see {@link VectorStore}). Refuses when this thread
     * already holds it (an open {@link DatasetWriter}), whose transaction such a write would commit early.
     */
    void acquireWriter() {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds the writer of " + file
                    + " (an import in progress); finish it first");
        }
        writeLock.lock();
    }

    void releaseWriter() {
        writeLock.unlock();
    }

    /** Read-side queries: datasets, statistics, records. */
    public WorkspaceReader read() {
        return new WorkspaceReader(reader, file);
    }

    /** The sentence vectors stored in this workspace. */
    public VectorStore vectors() {
        return new VectorStore(this, writer, reader);
    }

    /** The 2-D projections of vector sets stored in this workspace (the embedding map's cache). */
    public ProjectionStore projections() {
        return new ProjectionStore(this, writer, reader);
    }

    /** Loads interactions as columns for training and evaluating recommenders. */
    public InteractionLoader interactions() {
        return new InteractionLoader(reader, file);
    }

    /** Synthetic interactions and their provenance. */
    public SyntheticStore synthetic() {
        return new SyntheticStore(this, writer, reader);
    }

    /** Review decisions (the audit log), the annotator's name, batches and their labels. */
    public ReviewStore annotations() {
        return new ReviewStore(this, writer, reader);
    }

    /** The stored evaluation runs (protocol and metrics of each). */
    public EvalRunStore evalRuns() {
        return new EvalRunStore(this, writer, reader);
    }

    /** The LLM generations (outputs, imports, edits) stored in this workspace. */
    public GenerationStore generations() {
        return new GenerationStore(this, writer, reader);
    }

    /** The prompt template versions edited in this workspace. */
    public PromptTemplateStore promptTemplates() {
        return new PromptTemplateStore(this, writer, reader);
    }

    @Override
    public void close() {
        try {
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA optimize");
            }
            reader.close();
            writer.close();
        } catch (SQLException e) {
            throw new WorkspaceException("closing " + file + " failed: " + e.getMessage(), e);
        }
    }
}
