package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Interaction rows on their way into SQLite. The importer thread fills one buffer of primitives while a second
 * thread binds and executes the previous one, so parsing and SQLite's insert work use both cores. Rows reach
 * the database in the order they were added, inside the importer's transaction.
 */
final class InteractionPipe implements AutoCloseable {
    private final PreparedStatement plain;
    private final PreparedStatement withImpression;
    private final ExecutorService worker;
    private Buffer filling = new Buffer();
    private Buffer spare = new Buffer();
    private Future<?> inFlight;
    private long rows;

    InteractionPipe(Connection c, long datasetId) throws SQLException {
        // The dataset id is a constant of this writer: written into the SQL, not bound per row.
        plain = c.prepareStatement("INSERT INTO interactions(dataset_id, user_id, item_id, value, ts)"
                + " VALUES (" + datasetId + ",?,?,?,?)");
        withImpression = c.prepareStatement("INSERT INTO interactions(dataset_id, user_id, item_id, value, ts, impression)"
                + " VALUES (" + datasetId + ",?,?,?,?,?)");
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "augur-db-writer");
            t.setDaemon(true);
            return t;
        });
    }

    void add(int user, int item, double value, long ts, long impression) throws SQLException {
        Buffer b = filling;
        int n = b.size;
        b.user[n] = user;
        b.item[n] = item;
        b.value[n] = value;
        b.ts[n] = ts;
        b.impression[n] = impression;
        b.size = n + 1;
        rows++;
        if (b.size == Buffer.CAPACITY) {
            handOff();
        }
    }

    long rows() {
        return rows;
    }

    /** Everything added so far is in the database (still uncommitted) when this returns. */
    void flush() throws SQLException {
        awaitInFlight();
        if (filling.size > 0) {
            write(filling);
        }
    }

    private void handOff() throws SQLException {
        awaitInFlight();
        Buffer full = filling;
        filling = spare;
        spare = full;
        inFlight = worker.submit(() -> {
            write(full);
            return null;
        });
    }

    private void awaitInFlight() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing interactions", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private void write(Buffer b) throws SQLException {
        boolean anyPlain = false;
        boolean anyImpression = false;
        for (int k = 0; k < b.size; k++) {
            PreparedStatement ps = b.impression[k] < 0 ? plain : withImpression;
            ps.setInt(1, b.user[k]);
            ps.setInt(2, b.item[k]);
            if (Double.isNaN(b.value[k])) {
                ps.setNull(3, Types.REAL);
            } else {
                ps.setDouble(3, b.value[k]);
            }
            if (b.ts[k] == DatasetWriter.NO_TIMESTAMP) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setLong(4, b.ts[k]);
            }
            if (b.impression[k] >= 0) {
                ps.setLong(5, b.impression[k]);
                anyImpression = true;
            } else {
                anyPlain = true;
            }
            ps.addBatch();
        }
        if (anyPlain) {
            plain.executeBatch();
        }
        if (anyImpression) {
            withImpression.executeBatch();
        }
        b.size = 0;
    }

    /** Stops the worker after the batch in flight, if any: nothing is written after this returns. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        inFlight = null;
    }

    private static final class Buffer {
        static final int CAPACITY = DatasetWriter.BATCH;
        final int[] user = new int[CAPACITY];
        final int[] item = new int[CAPACITY];
        final double[] value = new double[CAPACITY];
        final long[] ts = new long[CAPACITY];
        final long[] impression = new long[CAPACITY];
        int size;
    }
}
