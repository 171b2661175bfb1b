package dev.augur.core.store;

/**
 * The interactions of one dataset as parallel columns, in (user, ts, id) order: workspace user and item ids,
 * value (rating, click label or 1), time in epoch seconds ({@link #NO_TIME} when the source has none) and whether
 * the row is an accepted synthetic interaction rather than an observed one. The arrays are shared: read-only.
 */
public record InteractionColumns(long datasetId, long[] users, long[] items, float[] values, long[] ts,
                                 boolean[] synthetic) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public InteractionColumns {
        int n = users.length;
        if (items.length != n || values.length != n || ts.length != n || synthetic.length != n) {
            throw new IllegalArgumentException("interaction columns differ in length");
        }
    }

    public int size() {
        return users.length;
    }
}
