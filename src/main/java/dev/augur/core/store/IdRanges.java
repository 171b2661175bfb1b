package dev.augur.core.store;

import dev.augur.core.store.TableSql.Shape;
import dev.augur.core.store.TableSql.Sql;
import dev.augur.core.store.TableSql.SqlBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The keyset machinery of {@link TablePager} and what it caches per read connection: the count and id range of
 * each table of a dataset (with an id lookup table with the id of every {@value #SAMPLE_EVERY}th row where the ids
 * are not contiguous) and the counts of filtered rows. Everything cached is dropped when another connection
 * commits (SQLite's {@code PRAGMA data_version}, see {@link #dropIfStale()}). Callers hold the connection's lock.
 */
final class IdRanges {
    static final int SAMPLE_EVERY = 1024;

    private record Key(TableKind kind, long dataset, String filter) {
    }

    /** Rows of one table of one dataset: their number and ids; {@code samples} is null when the ids are contiguous. */
    record IdRange(long count, long min, long max, long[] samples) {
    }

    /** Rows matching a filter, and whether they are found through indexes (see {@link TableSql#filter}). */
    record Filtered(long count, boolean byIndex) {
    }

    private static final class State {
        long dataVersion = Long.MIN_VALUE;
        final Map<Key, IdRange> ranges = lru(16);
        final Map<Key, Filtered> counts = lru(64);
        boolean containsFunction;
    }

    private static final Map<Connection, State> STATES = Collections.synchronizedMap(new WeakHashMap<>());

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    private final Connection c;
    private final State state;

    IdRanges(Connection c) {
        this.c = c;
        this.state = STATES.computeIfAbsent(c, k -> new State());
    }

    /** Drops the cached numbers when another connection committed since they were read. */
    void dropIfStale() throws SQLException {
        long version;
        try (PreparedStatement ps = c.prepareStatement("PRAGMA data_version"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
        }
        if (version != state.dataVersion) {
            state.ranges.clear();
            state.counts.clear();
            state.dataVersion = version;
        }
    }

    /** Whether the filter function was registered on this connection; see {@link #markContainsFunction()}. */
    boolean containsFunction() {
        return state.containsFunction;
    }

    void markContainsFunction() {
        state.containsFunction = true;
    }

    /** The cached count of the rows of a table of a dataset matching {@code filter}, or null. */
    Filtered filtered(TableKind kind, long dataset, String filter) {
        return state.counts.get(new Key(kind, dataset, filter));
    }

    void putFiltered(TableKind kind, long dataset, String filter, Filtered filtered) {
        state.counts.put(new Key(kind, dataset, filter), filtered);
    }

    /** The count and id range of a table of a dataset, from the cache or read (with its id samples) now. */
    IdRange range(TableKind kind, long dataset) throws SQLException {
        Key key = new Key(kind, dataset, "");
        IdRange cached = state.ranges.get(key);
        if (cached != null) {
            return cached;
        }
        String table = TableSql.shape(kind).table();
        long count;
        long min;
        long max;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(id), max(id) FROM " + table
                + " WHERE dataset_id = ?")) {
            ps.setLong(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
                min = rs.getLong(2);
                max = rs.getLong(3);
            }
        }
        long[] samples = null;
        if (count > 0 && max - min + 1 != count) {
            samples = new long[(int) ((count + SAMPLE_EVERY - 1) / SAMPLE_EVERY)];
            // From the first id, hop SAMPLE_EVERY rows at a time: one pass over the dataset's rows, in SQLite.
            try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE s(id) AS (SELECT ? UNION ALL"
                    + " SELECT (SELECT t.id FROM " + table + " t WHERE +t.dataset_id = ? AND t.id > s.id"
                    + " ORDER BY t.id LIMIT 1 OFFSET ?) FROM s WHERE s.id IS NOT NULL)"
                    + " SELECT id FROM s WHERE id IS NOT NULL")) {
                ps.setLong(1, min);
                ps.setLong(2, dataset);
                ps.setInt(3, SAMPLE_EVERY - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    int k = 0;
                    while (rs.next() && k < samples.length) {
                        samples[k++] = rs.getLong(1);
                    }
                    if (k != samples.length) { // cannot happen within one snapshot
                        throw new SQLException("found " + k + " id samples of " + table + ", expected " + samples.length);
                    }
                }
            }
        }
        IdRange range = new IdRange(count, min, max, samples);
        state.ranges.put(key, range);
        return range;
    }

    /**
     * The statement reading the {@code n} rows from position {@code first} (in ascending id order) of a table of a
     * dataset: one primary-key range read when the ids are contiguous, else from the nearest sampled id.
     */
    static Sql keyset(Shape shape, long dataset, IdRange range, long first, int n) {
        SqlBuilder b = new SqlBuilder().sql("SELECT " + shape.selectList() + " FROM " + shape.from()
                // unary +: read by primary key, never through an index on dataset_id
                + " WHERE +" + shape.alias() + ".dataset_id = ?").param(dataset);
        if (range.samples() == null) {
            b.sql(" AND " + shape.alias() + ".id BETWEEN ? AND ?").param(range.min() + first)
                    .param(range.min() + first + n - 1)
                    .sql(" ORDER BY " + shape.alias() + ".id LIMIT ?").param(n);
        } else {
            b.sql(" AND " + shape.alias() + ".id >= ?").param(range.samples()[(int) (first / SAMPLE_EVERY)])
                    .sql(" ORDER BY " + shape.alias() + ".id LIMIT ? OFFSET ?").param(n)
                    .param(first % SAMPLE_EVERY);
        }
        return b.build();
    }
}
