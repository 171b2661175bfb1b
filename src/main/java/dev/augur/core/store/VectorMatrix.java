package dev.augur.core.store;

import java.util.Arrays;

/**
 * The vectors of one set as one row-major {@code n × dims} matrix: row {@code i} is
 * {@code data[i*dims .. (i+1)*dims)} and belongs to {@code entityIds[i]}; rows are ordered by entity id.
 * The arrays are shared, not copied: treat them as read-only.
 */
public record VectorMatrix(long[] entityIds, int dims, float[] data) {
    public VectorMatrix {
        if (dims < 0 || (long) entityIds.length * dims != data.length) {
            throw new IllegalArgumentException("a " + entityIds.length + " × " + dims + " matrix needs "
                    + (long) entityIds.length * dims + " values, not " + data.length);
        }
    }

    /** The number of rows. */
    public int size() {
        return entityIds.length;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        return Arrays.copyOfRange(data, i * dims, (i + 1) * dims);
    }
}
