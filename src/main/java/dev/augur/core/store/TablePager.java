package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Pages of the Users, Items, Interactions and Reviews tables of a dataset, for views over millions of rows.
 *
 * <p><b>Default order (internal id), no filter:</b> keyset paging. A dataset's rows are written with consecutive
 * ids (see {@link DatasetWriter}), so when {@code count == max(id) - min(id) + 1} the row at offset {@code k} is
 * the one with id {@code min + k} and a page is one primary-key range read. When rows were deleted or another
 * dataset's rows lie in between, an id lookup table with the id of every {@value #SAMPLE_EVERY}th row serves
 * instead: a page reads from the nearest sampled id and skips fewer than {@value #SAMPLE_EVERY} rows.
 *
 * <p><b>Any other sort or a filter:</b> {@code ORDER BY .. LIMIT .. OFFSET} over the ids only, then the page's
 * rows by id, so that the per-row counts and joins are computed for the page alone.
 *
 * <p>The count and id range of a table (and filtered counts) are cached per read connection until another
 * connection commits (SQLite's {@code PRAGMA data_version}); each call reads in one transaction, so the rows, the
 * total and the cached numbers all come from one snapshot. Every value is a bound parameter; sort keys map to
 * fixed SQL through the column lists below.
 */
final class TablePager {
    static final int SAMPLE_EVERY = 1024;

    enum Strategy { EMPTY, KEYSET_CONTIGUOUS, KEYSET_SAMPLED, OFFSET }

    /** A statement and its parameters. */
    record Sql(String text, List<Object> params) {
    }

    /** A page with how it was read: for tests and diagnostics. */
    record Result(Page page, Strategy strategy, List<Sql> statements) {
    }

    // ---- the tables ------------------------------------------------------------------------------------

    private enum Type { TEXT, LONG, REAL, TIME }

    private record Col(String sql, Type type, String sortSql) {
    }

    /**
     * Observed interactions of a user: all of them (index interactions_by_user) minus the synthetic ones (partial
     * index of V002, named because the planner would as soon take interactions_by_user and read every row).
     */
    private static final String USER_INTERACTIONS = "((SELECT count(*) FROM interactions ua WHERE ua.user_id = u.id)"
            + " - (SELECT count(*) FROM interactions us INDEXED BY interactions_synthetic_by_user"
            + " WHERE us.user_id = u.id AND us.source <> 'observed'))";
    private static final String ITEM_INTERACTIONS = "((SELECT count(*) FROM interactions ia WHERE ia.item_id = i.id)"
            + " - (SELECT count(*) FROM interactions ist INDEXED BY interactions_synthetic_by_item"
            + " WHERE ist.item_id = i.id AND ist.source <> 'observed'))";
    /** The categories array as "a, b, c"; text that is not a JSON array as it is. */
    private static final String CATEGORIES = "CASE WHEN json_valid(i.categories) AND json_type(i.categories) = 'array'"
            + " THEN coalesce((SELECT group_concat(c.value, ', ') FROM json_each(i.categories) c), '')"
            + " ELSE i.categories END";

    private record Shape(String table, String alias, String from, List<Col> cols) {
        Col col(String key, TableKind kind) {
            return cols.get(kind.columnIndex(key));
        }
    }

    private static final Map<TableKind, Shape> SHAPES = Map.of(
            TableKind.USERS, new Shape("users", "u", "users u", List.of(
                    new Col("u.external_id", Type.TEXT, "u.external_id"),
                    new Col(USER_INTERACTIONS, Type.LONG, USER_INTERACTIONS),
                    new Col("u.attributes", Type.TEXT, "u.attributes"))),
            TableKind.ITEMS, new Shape("items", "i", "items i", List.of(
                    new Col("i.external_id", Type.TEXT, "i.external_id"),
                    new Col("i.title", Type.TEXT, "i.title COLLATE NOCASE"), // index items_by_title (V002)
                    new Col(CATEGORIES, Type.TEXT, "i.categories"),
                    new Col(ITEM_INTERACTIONS, Type.LONG, ITEM_INTERACTIONS),
                    new Col("i.description", Type.TEXT, "i.description COLLATE NOCASE"))),
            TableKind.INTERACTIONS, new Shape("interactions", "x",
                    "interactions x LEFT JOIN users u ON u.id = x.user_id LEFT JOIN items i ON i.id = x.item_id", List.of(
                    new Col("u.external_id", Type.TEXT, "u.external_id"),
                    new Col("i.external_id", Type.TEXT, "i.external_id"),
                    new Col("i.title", Type.TEXT, "i.title COLLATE NOCASE"),
                    new Col("x.value", Type.REAL, "x.value"),
                    new Col("x.ts", Type.TIME, "x.ts"),
                    new Col("x.source", Type.TEXT, "x.source"),
                    new Col("x.status", Type.TEXT, "x.status"))),
            TableKind.REVIEWS, new Shape("reviews", "r",
                    "reviews r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN items i ON i.id = r.item_id", List.of(
                    new Col("u.external_id", Type.TEXT, "u.external_id"),
                    new Col("i.external_id", Type.TEXT, "i.external_id"),
                    new Col("r.rating", Type.REAL, "r.rating"),
                    new Col("r.ts", Type.TIME, "r.ts"),
                    new Col("r.summary", Type.TEXT, "r.summary COLLATE NOCASE"),
                    new Col("r.text", Type.TEXT, "r.text COLLATE NOCASE"))));

    static {
        for (TableKind kind : TableKind.values()) {
            if (SHAPES.get(kind).cols().size() != kind.columns().size()) {
                throw new IllegalStateException("columns of " + kind + " and their SQL differ");
            }
        }
    }

    /**
     * The filter terms of each table, {@code AND}ed to {@code <alias>.dataset_id = ?}; no joins needed.
     * @param byIndex for interactions: find the rows of the matching users and items through the interaction
     *                indexes (fast when few match) rather than test every row of the dataset (fast when many do)
     */
    private static void filter(TableKind kind, SqlBuilder b, long dataset, Needle n, boolean byIndex) {
        String plus = byIndex ? "" : "+"; // unary plus: no index for this term
        switch (kind) {
            case USERS -> b.sql(" AND ").match(n, "u.external_id");
            case ITEMS -> b.sql(" AND (").match(n, "i.external_id").sql(" OR ").match(n, "i.title")
                    .sql(" OR ").match(n, "i.description").sql(")");
            case INTERACTIONS -> b.sql(" AND (" + plus + "x.user_id IN (SELECT fu.id FROM users fu WHERE fu.dataset_id = ?")
                    .param(dataset).sql(" AND ").match(n, "fu.external_id")
                    .sql(") OR " + plus + "x.item_id IN (SELECT fi.id FROM items fi WHERE fi.dataset_id = ?").param(dataset)
                    .sql(" AND (").match(n, "fi.external_id").sql(" OR ").match(n, "fi.title").sql(")))");
            case REVIEWS -> b.sql(" AND (r.user_id IN (SELECT fu.id FROM users fu WHERE fu.dataset_id = ?")
                    .param(dataset).sql(" AND ").match(n, "fu.external_id")
                    .sql(") OR r.item_id IN (SELECT fi.id FROM items fi WHERE fi.dataset_id = ?").param(dataset)
                    .sql(" AND ").match(n, "fi.external_id")
                    .sql(") OR ").match(n, "r.summary").sql(" OR ").match(n, "r.text").sql(")");
        }
    }

    // ---- per-connection cache --------------------------------------------------------------------------

    private record Key(TableKind kind, long dataset, String filter) {
    }

    /** Rows of one table of one dataset: their number and ids; {@code samples} is null when the ids are contiguous. */
    private record IdRange(long count, long min, long max, long[] samples) {
    }

    /** Rows matching a filter, and whether they are found through indexes (see {@link #filter}). */
    private record Filtered(long count, boolean byIndex) {
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

    // ---- paging ----------------------------------------------------------------------------------------

    private final Connection c;
    private final Path file;
    private final State state;

    TablePager(Connection c, Path file) {
        this.c = c;
        this.file = file;
        this.state = STATES.computeIfAbsent(c, k -> new State());
    }

    long count(PageRequest r) {
        return read("counting " + r.kind() + " of '" + r.dataset() + "'",
                () -> total(r.kind(), datasetId(r.dataset()), Needle.of(r.filter())));
    }

    /** @param forceOffset read with {@code LIMIT .. OFFSET} even where keyset paging applies (for tests) */
    Result page(PageRequest r, boolean forceOffset) {
        return read("paging " + r.kind() + " of '" + r.dataset() + "'", () -> {
            long dataset = datasetId(r.dataset());
            Needle needle = Needle.of(r.filter());
            Shape shape = SHAPES.get(r.kind());
            Filtered filtered = needle == null ? null : filtered(r.kind(), dataset, needle);
            long total = filtered == null ? range(r.kind(), dataset).count() : filtered.count();
            List<Sql> ran = new ArrayList<>();
            if (r.limit() == 0 || r.offset() >= total) {
                return new Result(new Page(total, r.offset(), List.of()), Strategy.EMPTY, ran);
            }
            int n = (int) Math.min(r.limit(), total - r.offset());
            if (needle == null && r.sortKey() == null && !forceOffset) {
                IdRange range = range(r.kind(), dataset);
                long first = r.ascending() ? r.offset() : total - r.offset() - n; // position in ascending order
                SqlBuilder b = new SqlBuilder().sql("SELECT " + selectList(shape) + " FROM " + shape.from()
                        // unary +: read by primary key, never through an index on dataset_id
                        + " WHERE +" + shape.alias() + ".dataset_id = ?").param(dataset);
                Strategy strategy;
                if (range.samples() == null) {
                    strategy = Strategy.KEYSET_CONTIGUOUS;
                    b.sql(" AND " + shape.alias() + ".id BETWEEN ? AND ?").param(range.min() + first)
                            .param(range.min() + first + n - 1)
                            .sql(" ORDER BY " + shape.alias() + ".id LIMIT ?").param(n);
                } else {
                    strategy = Strategy.KEYSET_SAMPLED;
                    b.sql(" AND " + shape.alias() + ".id >= ?").param(range.samples()[(int) (first / SAMPLE_EVERY)])
                            .sql(" ORDER BY " + shape.alias() + ".id LIMIT ? OFFSET ?").param(n)
                            .param(first % SAMPLE_EVERY);
                }
                Sql sql = b.build();
                ran.add(sql);
                List<List<Object>> rows = new ArrayList<>(rows(sql, shape).values());
                if (!r.ascending()) {
                    Collections.reverse(rows);
                }
                return new Result(new Page(total, r.offset(), rows), strategy, ran);
            }
            // Ids of the page first, with only what the order and the filter need...
            String dir = r.ascending() ? " ASC" : " DESC";
            String order = r.sortKey() == null ? "" : shape.col(r.sortKey(), r.kind()).sortSql() + dir + ", ";
            SqlBuilder ids = new SqlBuilder().sql("SELECT " + shape.alias() + ".id FROM " + shape.from()
                    + " WHERE " + shape.alias() + ".dataset_id = ?").param(dataset);
            if (needle != null) {
                filter(r.kind(), ids, dataset, needle, filtered.byIndex());
            }
            ids.sql(" ORDER BY " + order + shape.alias() + ".id" + dir + " LIMIT ? OFFSET ?").param(n).param(r.offset());
            Sql idSql = ids.build();
            ran.add(idSql);
            StringBuilder json = new StringBuilder("[");
            List<Long> pageIds = new ArrayList<>(n);
            try (PreparedStatement ps = prepare(idSql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    pageIds.add(id);
                    json.append(json.length() > 1 ? "," : "").append(id);
                }
            }
            // ...then those rows with all their columns.
            Sql rowSql = new SqlBuilder().sql("SELECT " + selectList(shape) + " FROM " + shape.from() + " WHERE "
                    + shape.alias() + ".id IN (SELECT value FROM json_each(?))").param(json.append(']').toString()).build();
            ran.add(rowSql);
            Map<Long, List<Object>> byId = rows(rowSql, shape);
            List<List<Object>> rows = new ArrayList<>(pageIds.size());
            for (long id : pageIds) {
                List<Object> row = byId.get(id);
                if (row != null) {
                    rows.add(row);
                }
            }
            return new Result(new Page(total, r.offset(), rows), Strategy.OFFSET, ran);
        });
    }

    /** SQLite's plan for a statement, one line per step (for tests). */
    List<String> explain(Sql sql) {
        synchronized (c) {
            registerContains(); // the statement may call it
            try (PreparedStatement ps = prepare(new Sql("EXPLAIN QUERY PLAN " + sql.text(), sql.params()));
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString("detail"));
                }
                return out;
            } catch (SQLException e) {
                throw fail("explaining a query", e);
            }
        }
    }

    private static String selectList(Shape shape) {
        StringBuilder sb = new StringBuilder(shape.alias()).append(".id");
        for (Col col : shape.cols()) {
            sb.append(", ").append(col.sql());
        }
        return sb.toString();
    }

    private long total(TableKind kind, long dataset, Needle needle) throws SQLException {
        return needle == null ? range(kind, dataset).count() : filtered(kind, dataset, needle).count();
    }

    private Filtered filtered(TableKind kind, long dataset, Needle needle) throws SQLException {
        Key key = new Key(kind, dataset, needle.text());
        Filtered cached = state.counts.get(key);
        if (cached != null) {
            return cached;
        }
        boolean byIndex = kind == TableKind.INTERACTIONS && fewMatch(dataset, needle);
        Shape shape = SHAPES.get(kind);
        SqlBuilder b = new SqlBuilder().sql("SELECT count(*) FROM " + shape.table() + " " + shape.alias()
                + " WHERE " + shape.alias() + ".dataset_id = ?").param(dataset);
        filter(kind, b, dataset, needle, byIndex);
        Filtered out = new Filtered(scalar(b.build()), byIndex);
        state.counts.put(key, out);
        return out;
    }

    /**
     * True when a filter matches so few users and items that their interactions are best read through the
     * interaction indexes: below a tenth of either, the rows to look up are about as many as a scan would test.
     */
    private boolean fewMatch(long dataset, Needle needle) throws SQLException {
        double users = Math.max(1, range(TableKind.USERS, dataset).count());
        double items = Math.max(1, range(TableKind.ITEMS, dataset).count());
        long matchedUsers = scalar(new SqlBuilder().sql("SELECT count(*) FROM users fu WHERE fu.dataset_id = ?")
                .param(dataset).sql(" AND ").match(needle, "fu.external_id").build());
        long matchedItems = scalar(new SqlBuilder().sql("SELECT count(*) FROM items fi WHERE fi.dataset_id = ?")
                .param(dataset).sql(" AND (").match(needle, "fi.external_id").sql(" OR ").match(needle, "fi.title")
                .sql(")").build());
        return matchedUsers / users + matchedItems / items < 0.1;
    }

    private long scalar(Sql sql) throws SQLException {
        try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private IdRange range(TableKind kind, long dataset) throws SQLException {
        Key key = new Key(kind, dataset, "");
        IdRange cached = state.ranges.get(key);
        if (cached != null) {
            return cached;
        }
        String table = SHAPES.get(kind).table();
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

    /** Rows by internal id, in the order the statement returns them. */
    private Map<Long, List<Object>> rows(Sql sql, Shape shape) throws SQLException {
        Map<Long, List<Object>> out = new LinkedHashMap<>();
        List<Col> cols = shape.cols();
        try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] values = new Object[cols.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = value(rs, k + 2, cols.get(k).type());
                }
                out.put(rs.getLong(1), Collections.unmodifiableList(Arrays.asList(values)));
            }
        }
        return out;
    }

    private static Object value(ResultSet rs, int column, Type type) throws SQLException {
        switch (type) {
            case LONG -> {
                long v = rs.getLong(column);
                return rs.wasNull() ? null : v;
            }
            case REAL -> {
                double v = rs.getDouble(column);
                return rs.wasNull() ? null : v;
            }
            case TIME -> {
                long v = rs.getLong(column);
                if (rs.wasNull()) {
                    return null;
                }
                try {
                    return Instant.ofEpochSecond(v).toString();
                } catch (DateTimeException e) {
                    return Long.toString(v);
                }
            }
            default -> {
                return rs.getString(column);
            }
        }
    }

    private long datasetId(String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkspaceException("no dataset named '" + name + "' in " + file);
                }
                return rs.getLong(1);
            }
        }
    }

    private PreparedStatement prepare(Sql sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text());
        try {
            for (int k = 0; k < sql.params().size(); k++) {
                ps.setObject(k + 1, sql.params().get(k));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one read transaction (one snapshot), after dropping cached numbers that went stale. */
    private <T> T read(String what, Work<T> work) {
        synchronized (c) {
            try {
                boolean auto = c.getAutoCommit();
                if (auto) {
                    c.setAutoCommit(false);
                }
                try {
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
                    registerContains();
                    T result = work.run();
                    if (auto) {
                        c.commit();
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (auto) {
                        c.rollback();
                    }
                    throw e;
                } finally {
                    if (auto) {
                        c.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw fail(what, e);
            }
        }
    }

    private void registerContains() {
        if (!state.containsFunction) {
            try {
                org.sqlite.Function.create(c, Needle.FUNCTION, new ContainsIgnoreCase(), 2, org.sqlite.Function.FLAG_DETERMINISTIC);
            } catch (SQLException e) {
                throw fail("registering " + Needle.FUNCTION, e);
            }
            state.containsFunction = true;
        }
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }

    // ---- filtering -------------------------------------------------------------------------------------

    /**
     * A filter's text. ASCII text goes to SQLite's LIKE (case-insensitive for ASCII, native speed) with its
     * wildcards escaped; other text to a Java function that ignores case in every script.
     */
    record Needle(String text, boolean ascii) {
        static final String FUNCTION = "augur_contains_ignore_case";

        static Needle of(String filter) {
            return filter == null || filter.isEmpty() ? null : new Needle(filter, filter.chars().allMatch(ch -> ch < 128));
        }

        void appendTo(SqlBuilder b, String column) {
            if (ascii) {
                b.sql(column + " LIKE ? ESCAPE '\\'").param("%" + text.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
            } else {
                b.sql(FUNCTION + "(" + column + ", ?)").param(text);
            }
        }
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        int n = needle.length();
        for (int i = 0, last = haystack.length() - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static final class ContainsIgnoreCase extends org.sqlite.Function {
        @Override
        protected void xFunc() throws SQLException {
            String haystack = value_text(0);
            String needle = value_text(1);
            result(haystack != null && needle != null && containsIgnoreCase(haystack, needle) ? 1 : 0);
        }
    }

    static final class SqlBuilder {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        SqlBuilder sql(String s) {
            text.append(s);
            return this;
        }

        SqlBuilder param(Object value) {
            params.add(value);
            return this;
        }

        SqlBuilder match(Needle needle, String column) {
            needle.appendTo(this, column);
            return this;
        }

        Sql build() {
            return new Sql(text.toString(), List.copyOf(params));
        }
    }
}
