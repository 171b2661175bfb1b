package dev.augur.core.store;

import dev.augur.core.store.IdRanges.Filtered;
import dev.augur.core.store.IdRanges.IdRange;
import dev.augur.core.store.TableSql.Col;
import dev.augur.core.store.TableSql.Needle;
import dev.augur.core.store.TableSql.Shape;
import dev.augur.core.store.TableSql.Sql;
import dev.augur.core.store.TableSql.SqlBuilder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of the Users, Items, Interactions and Reviews tables of a dataset, for views over millions of rows.
 *
 * <p><b>Default order (internal id), no filter:</b> keyset paging. A dataset's rows are written with consecutive
 * ids (see {@link DatasetWriter}), so when {@code count == max(id) - min(id) + 1} the row at offset {@code k} is
 * the one with id {@code min + k} and a page is one primary-key range read. When rows were deleted or another
 * dataset's rows lie in between, an id lookup table with the id of every {@value IdRanges#SAMPLE_EVERY}th row
 * serves instead: a page reads from the nearest sampled id and skips fewer than {@value IdRanges#SAMPLE_EVERY}
 * rows (see {@link IdRanges}).
 *
 * <p><b>Any other sort or a filter:</b> {@code ORDER BY .. LIMIT .. OFFSET} over the ids only, then the page's
 * rows by id, so that the per-row counts and joins are computed for the page alone.
 *
 * <p>The count and id range of a table (and filtered counts) are cached per read connection until another
 * connection commits (SQLite's {@code PRAGMA data_version}); each call reads in one transaction, so the rows, the
 * total and the cached numbers all come from one snapshot. Every value is a bound parameter; sort keys map to
 * fixed SQL through the column lists of {@link TableSql}.
 */
final class TablePager {
    enum Strategy { EMPTY, KEYSET_CONTIGUOUS, KEYSET_SAMPLED, OFFSET }

    /** A page with how it was read: for tests and diagnostics. */
    record Result(Page page, Strategy strategy, List<Sql> statements) {
    }

    private final Connection c;
    private final Path file;
    private final IdRanges ranges;

    TablePager(Connection c, Path file) {
        this.c = c;
        this.file = file;
        this.ranges = new IdRanges(c);
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
            Shape shape = TableSql.shape(r.kind());
            Filtered filtered = needle == null ? null : filtered(r.kind(), dataset, needle);
            long total = filtered == null ? ranges.range(r.kind(), dataset).count() : filtered.count();
            List<Sql> ran = new ArrayList<>();
            if (r.limit() == 0 || r.offset() >= total) {
                return new Result(new Page(total, r.offset(), List.of()), Strategy.EMPTY, ran);
            }
            int n = (int) Math.min(r.limit(), total - r.offset());
            if (needle == null && r.sortKey() == null && !forceOffset) {
                IdRange range = ranges.range(r.kind(), dataset);
                long first = r.ascending() ? r.offset() : total - r.offset() - n; // position in ascending order
                Strategy strategy = range.samples() == null ? Strategy.KEYSET_CONTIGUOUS : Strategy.KEYSET_SAMPLED;
                Sql sql = IdRanges.keyset(shape, dataset, range, first, n);
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
                TableSql.filter(r.kind(), ids, dataset, needle, filtered.byIndex());
            }
            List<Long> pageIds = new ArrayList<>(n);
            if (total >= ORDER_CACHE_FROM) {
                // Large sorted or filtered tables: sort once, keep the ids in order, and slice them per page, so
                // scrolling deep costs a slice instead of re-sorting a million rows for every page.
                OrderKey key = new OrderKey(dataset, r.kind(), r.filter(), r.sortKey(), r.ascending(), dataVersion());
                Ordered cached = ORDERS.get(c);
                long[] ordered = cached != null && cached.key().equals(key) ? cached.ids() : null;
                if (ordered == null) {
                    ids.sql(" ORDER BY " + order + shape.alias() + ".id" + dir);
                    Sql all = ids.build();
                    ran.add(all);
                    ordered = readIds(all, total);
                    ORDERS.put(c, new Ordered(key, ordered));
                }
                for (long k = r.offset(); k < Math.min(ordered.length, r.offset() + n); k++) {
                    pageIds.add(ordered[(int) k]);
                }
            } else {
                ids.sql(" ORDER BY " + order + shape.alias() + ".id" + dir + " LIMIT ? OFFSET ?").param(n).param(r.offset());
                Sql idSql = ids.build();
                ran.add(idSql);
                try (PreparedStatement ps = TableSql.prepare(c, idSql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pageIds.add(rs.getLong(1));
                    }
                }
            }
            StringBuilder json = new StringBuilder("[");
            for (long id : pageIds) {
                json.append(json.length() > 1 ? "," : "").append(id);
            }
            // ...then those rows with all their columns.
            Sql rowSql = new SqlBuilder().sql("SELECT " + shape.selectList() + " FROM " + shape.from() + " WHERE "
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

    /** Below this many matching rows OFFSET is fast enough and nothing is cached. */
    static final long ORDER_CACHE_FROM = 50_000;

    private record OrderKey(long dataset, TableKind kind, String filter, String sortKey, boolean ascending, long version) {
    }

    private record Ordered(OrderKey key, long[] ids) {
    }

    /** The last sorted or filtered id order per read connection (8 bytes a row; one order per connection). */
    private static final Map<Connection, Ordered> ORDERS = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private long dataVersion() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA data_version"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private long[] readIds(Sql sql, long expected) throws SQLException {
        long[] out = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected))];
        int n = 0;
        try (PreparedStatement ps = TableSql.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = rs.getLong(1);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** SQLite's plan for a statement, one line per step (for tests). */
    List<String> explain(Sql sql) {
        synchronized (c) {
            registerContains(); // the statement may call it
            try (PreparedStatement ps = TableSql.prepare(c, new Sql("EXPLAIN QUERY PLAN " + sql.text(), sql.params()));
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

    private long total(TableKind kind, long dataset, Needle needle) throws SQLException {
        return needle == null ? ranges.range(kind, dataset).count() : filtered(kind, dataset, needle).count();
    }

    private Filtered filtered(TableKind kind, long dataset, Needle needle) throws SQLException {
        Filtered cached = ranges.filtered(kind, dataset, needle.text());
        if (cached != null) {
            return cached;
        }
        boolean byIndex = kind == TableKind.INTERACTIONS && fewMatch(dataset, needle);
        Shape shape = TableSql.shape(kind);
        SqlBuilder b = new SqlBuilder().sql("SELECT count(*) FROM " + shape.table() + " " + shape.alias()
                + " WHERE " + shape.alias() + ".dataset_id = ?").param(dataset);
        TableSql.filter(kind, b, dataset, needle, byIndex);
        Filtered out = new Filtered(scalar(b.build()), byIndex);
        ranges.putFiltered(kind, dataset, needle.text(), out);
        return out;
    }

    /**
     * True when a filter matches so few users and items that their interactions are best read through the
     * interaction indexes: below a tenth of either, the rows to look up are about as many as a scan would test.
     */
    private boolean fewMatch(long dataset, Needle needle) throws SQLException {
        double users = Math.max(1, ranges.range(TableKind.USERS, dataset).count());
        double items = Math.max(1, ranges.range(TableKind.ITEMS, dataset).count());
        long matchedUsers = scalar(new SqlBuilder().sql("SELECT count(*) FROM users fu WHERE fu.dataset_id = ?")
                .param(dataset).sql(" AND ").match(needle, "fu.external_id").build());
        long matchedItems = scalar(new SqlBuilder().sql("SELECT count(*) FROM items fi WHERE fi.dataset_id = ?")
                .param(dataset).sql(" AND (").match(needle, "fi.external_id").sql(" OR ").match(needle, "fi.title")
                .sql(")").build());
        return matchedUsers / users + matchedItems / items < 0.1;
    }

    private long scalar(Sql sql) throws SQLException {
        try (PreparedStatement ps = TableSql.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Rows by internal id, in the order the statement returns them. */
    private Map<Long, List<Object>> rows(Sql sql, Shape shape) throws SQLException {
        Map<Long, List<Object>> out = new LinkedHashMap<>();
        List<Col> cols = shape.cols();
        try (PreparedStatement ps = TableSql.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] values = new Object[cols.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = TableSql.value(rs, k + 2, cols.get(k).type());
                }
                out.put(rs.getLong(1), Collections.unmodifiableList(Arrays.asList(values)));
            }
        }
        return out;
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
                    ranges.dropIfStale();
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
        if (!ranges.containsFunction()) {
            try {
                org.sqlite.Function.create(c, Needle.FUNCTION, new ContainsIgnoreCase(), 2, org.sqlite.Function.FLAG_DETERMINISTIC);
            } catch (SQLException e) {
                throw fail("registering " + Needle.FUNCTION, e);
            }
            ranges.markContainsFunction();
        }
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
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
}
