package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the tables {@link TablePager} pages: per {@link TableKind} the table, its joins, the SQL of each column
 * and its sort expression, and the filter terms; with the statement builder, the filter text and the decoding of a
 * column's value. Every value is a bound parameter; sort keys map to fixed SQL through the column lists below.
 */
final class TableSql {
    private TableSql() {
    }

    /** A statement and its parameters. */
    record Sql(String text, List<Object> params) {
    }

    // ---- the tables ------------------------------------------------------------------------------------

    enum Type { TEXT, LONG, REAL, TIME }

    record Col(String sql, Type type, String sortSql) {
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

    record Shape(String table, String alias, String from, List<Col> cols) {
        Col col(String key, TableKind kind) {
            return cols.get(kind.columnIndex(key));
        }

        /** The internal id, then the columns' SQL in the order of {@link TableKind#columns()}. */
        String selectList() {
            StringBuilder sb = new StringBuilder(alias).append(".id");
            for (Col col : cols) {
                sb.append(", ").append(col.sql());
            }
            return sb.toString();
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

    static Shape shape(TableKind kind) {
        return SHAPES.get(kind);
    }

    /**
     * The filter terms of each table, {@code AND}ed to {@code <alias>.dataset_id = ?}; no joins needed.
     * @param byIndex for interactions: find the rows of the matching users and items through the interaction
     *                indexes (fast when few match) rather than test every row of the dataset (fast when many do)
     */
    static void filter(TableKind kind, SqlBuilder b, long dataset, Needle n, boolean byIndex) {
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

    /** The value of a column of a row as a {@link Page} holds it. */
    static Object value(ResultSet rs, int column, Type type) throws SQLException {
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

    /** {@code sql} prepared on {@code c} with its parameters bound. */
    static PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
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
