package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;

import java.util.Arrays;

/**
 * A {@link CosineIndex}'s own copy of a {@link VectorMatrix}: the rows L2-normalised (a zero row stays zero, so its
 * cosine to everything is 0), with entity id → row lookup.
 */
final class NormalisedRows {
    private final int n;
    private final int dims;
    private final float[] data;      // row-major n × dims, rows L2-normalised
    private final long[] ids;        // entity id of each row
    private final long[] sortedIds;  // ids sorted, for entity → row
    private final int[] sortedRows;  // row of sortedIds[i]; null when the ids were sorted already

    /** @throws IllegalArgumentException when a value is NaN or infinite */
    NormalisedRows(VectorMatrix m) {
        this.n = m.size();
        this.dims = m.dims();
        this.ids = m.entityIds().clone();
        this.data = normalisedCopy(m);
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = ids[i - 1] <= ids[i];
        }
        if (sorted) {
            sortedIds = ids;
            sortedRows = null;
        } else {
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
            sortedIds = new long[n];
            sortedRows = new int[n];
            for (int i = 0; i < n; i++) {
                sortedRows[i] = order[i];
                sortedIds[i] = ids[order[i]];
            }
        }
    }

    private static float[] normalisedCopy(VectorMatrix m) {
        int n = m.size();
        int d = m.dims();
        float[] src = m.data();
        float[] out = new float[n * d];
        for (int r = 0; r < n; r++) {
            int off = r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                float v = src[off + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("the vector of entity " + m.entityIds()[r] + " holds " + v);
                }
                sum += (double) v * v;
            }
            if (sum > 0) {
                double inv = 1.0 / Math.sqrt(sum);
                for (int j = 0; j < d; j++) {
                    out[off + j] = (float) (src[off + j] * inv);
                }
            }
        }
        return out;
    }

    int size() {
        return n;
    }

    int dims() {
        return dims;
    }

    /** The normalised rows, row-major; shared, not copied: read only. */
    float[] data() {
        return data;
    }

    /** The entity id of each row; shared, not copied: read only. */
    long[] ids() {
        return ids;
    }

    /** The row of an entity, or -1. */
    int rowOf(long entityId) {
        int i = Arrays.binarySearch(sortedIds, entityId);
        if (i < 0) {
            return -1;
        }
        return sortedRows == null ? i : sortedRows[i];
    }
}
