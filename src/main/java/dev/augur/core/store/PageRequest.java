package dev.augur.core.store;

import java.util.Objects;

/**
 * One page of a table of a dataset.
 *
 * @param dataset   the dataset's name
 * @param filter    case-insensitive "contains" over the id and text columns of {@code kind} (see
 *                  {@link WorkspaceReader#page}); {@code null} or blank means all rows; surrounding blanks are ignored
 * @param sortKey   a column key of {@code kind} ({@link TableKind#columns()}), or {@code null} (or blank) for the
 *                  order the rows were imported in (internal id), which pages fastest
 * @param ascending the direction of the sort; ties are broken by internal id in the same direction
 * @param offset    the first row, counted from 0
 * @param limit     at most this many rows, 0 to {@value #MAX_LIMIT}
 */
public record PageRequest(String dataset, TableKind kind, String filter, String sortKey, boolean ascending,
                          long offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(kind, "kind");
        filter = filter == null ? "" : filter.strip();
        sortKey = sortKey == null || sortKey.isBlank() ? null : sortKey;
        if (sortKey != null && kind.columnIndex(sortKey) < 0) {
            throw new IllegalArgumentException("no column '" + sortKey + "' in " + kind + "; sort by one of "
                    + kind.columns().stream().map(TableColumnSpec::key).toList());
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** All rows of {@code kind} in import order, from {@code offset}. */
    public static PageRequest of(String dataset, TableKind kind, long offset, int limit) {
        return new PageRequest(dataset, kind, "", null, true, offset, limit);
    }

    public PageRequest withOffset(long newOffset) {
        return new PageRequest(dataset, kind, filter, sortKey, ascending, newOffset, limit);
    }
}
