package dev.augur.core.rank;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row form: row {@code r} holds columns {@code indices[indptr[r] ..
 * indptr[r+1])}, sorted ascending and unique, with {@code values} alongside. Users × items for interactions.
 */
public record Csr(int rows, int cols, int[] indptr, int[] indices, float[] values) {

    public Csr {
        if (indptr.length != rows + 1 || indices.length != values.length || indptr[rows] != indices.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
    }

    /** An empty {@code rows × cols} matrix. */
    public static Csr empty(int rows, int cols) {
        return new Csr(rows, cols, new int[rows + 1], new int[0], new float[0]);
    }

    /**
     * Builds from coordinate triples; a repeated (row, col) keeps the value of its last occurrence.
     * {@code keep} (may be null) selects which triples to use.
     */
    public static Csr of(int rows, int cols, int[] r, int[] c, float[] v, boolean[] keep) {
        int n = r.length;
        int[] count = new int[rows + 1];
        for (int i = 0; i < n; i++) {
            if (keep == null || keep[i]) {
                count[r[i] + 1]++;
            }
        }
        for (int i = 0; i < rows; i++) {
            count[i + 1] += count[i];
        }
        int total = count[rows];
        int[] idx = new int[total];
        float[] val = new float[total];
        int[] order = new int[total];
        int[] fill = Arrays.copyOf(count, rows);
        for (int i = 0; i < n; i++) {
            if (keep == null || keep[i]) {
                order[fill[r[i]]++] = i;
            }
        }
        // sort each row by column, stable, so "last occurrence" is the highest original index
        int[] ptr = new int[rows + 1];
        int w = 0;
        long[] keys = new long[0];
        for (int row = 0; row < rows; row++) {
            int from = count[row];
            int to = count[row + 1];
            int len = to - from;
            if (keys.length < len) {
                keys = new long[Math.max(len, keys.length * 2)];
            }
            for (int k = 0; k < len; k++) {
                int i = order[from + k];
                keys[k] = ((long) c[i] << 32) | i;
            }
            Arrays.sort(keys, 0, len);
            ptr[row] = w;
            for (int k = 0; k < len; k++) {
                int col = (int) (keys[k] >>> 32);
                int i = (int) keys[k];
                if (k + 1 < len && (int) (keys[k + 1] >>> 32) == col) {
                    continue; // a later duplicate follows
                }
                idx[w] = col;
                val[w] = v[i];
                w++;
            }
        }
        ptr[rows] = w;
        return new Csr(rows, cols, ptr, Arrays.copyOf(idx, w), Arrays.copyOf(val, w));
    }

    public int nnz() {
        return indices.length;
    }

    public int rowLength(int row) {
        return indptr[row + 1] - indptr[row];
    }

    public boolean contains(int row, int col) {
        return Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col) >= 0;
    }

    /** The columns of {@code row} (a copy). */
    public int[] row(int row) {
        return Arrays.copyOfRange(indices, indptr[row], indptr[row + 1]);
    }

    /** The transpose (items × users for an interaction matrix). */
    public Csr transpose() {
        int[] count = new int[cols + 1];
        for (int k : indices) {
            count[k + 1]++;
        }
        for (int i = 0; i < cols; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, cols);
        int[] idx = new int[indices.length];
        float[] val = new float[indices.length];
        for (int r = 0; r < rows; r++) {
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                int at = fill[indices[k]]++;
                idx[at] = r;
                val[at] = values[k];
            }
        }
        return new Csr(cols, rows, count, idx, val);
    }

    /** Entries per column (item popularity for an interaction matrix). */
    public int[] columnCounts() {
        int[] out = new int[cols];
        for (int k : indices) {
            out[k]++;
        }
        return out;
    }
}
