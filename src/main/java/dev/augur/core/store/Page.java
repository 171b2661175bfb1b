package dev.augur.core.store;

import java.util.List;

/**
 * Rows {@code offset ..} of a table, each a list of values in the order of {@link TableKind#columns()}:
 * {@link String}, {@link Long} (counts), {@link Double} (values, ratings) or {@code null}.
 *
 * @param totalRows all rows matching the request's filter, from the same snapshot as {@code rows}
 */
public record Page(long totalRows, long offset, List<List<Object>> rows) {
    public Page {
        rows = List.copyOf(rows); // the rows themselves are unmodifiable lists that may hold nulls
    }
}
