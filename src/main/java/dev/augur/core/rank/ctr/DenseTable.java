package dev.augur.core.rank.ctr;

import dev.augur.core.projection.Pca;
import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Row-major dense vectors aligned with dense user or item indices: row {@code r} is {@code values[r*dims ..
 * (r+1)*dims)}; {@code present[r]} is false where the entity has no vector (its row is ignored). Arrays are
 * shared: read-only.
 */
public record DenseTable(int rows, int dims, float[] values, boolean[] present) {

    public DenseTable {
        if (dims <= 0) {
            throw new IllegalArgumentException("a dense feature needs at least one dimension, not " + dims);
        }
        if ((long) rows * dims != values.length || present.length != rows) {
            throw new IllegalArgumentException("a " + rows + " × " + dims + " table needs " + (long) rows * dims
                    + " values and " + rows + " presence flags, not " + values.length + " and " + present.length);
        }
    }

    /** A table where every row is present. */
    public static DenseTable of(int rows, int dims, float[] values) {
        boolean[] all = new boolean[rows];
        Arrays.fill(all, true);
        return new DenseTable(rows, dims, values, all);
    }

    /**
     * Aligns vectors stored by workspace entity id ({@code entityIds} ascending, row-major {@code data}, as a
     * vector store loads them) with dense indices whose workspace ids are {@code denseIds} (ascending, e.g.
     * {@code Interactions.itemIds()}); entities without a vector are absent.
     */
    public static DenseTable aligned(long[] denseIds, long[] entityIds, int dims, float[] data) {
        if ((long) entityIds.length * dims != data.length) {
            throw new IllegalArgumentException(entityIds.length + " vectors of " + dims + " dimensions need "
                    + (long) entityIds.length * dims + " values, not " + data.length);
        }
        float[] out = new float[denseIds.length * dims];
        boolean[] present = new boolean[denseIds.length];
        for (int r = 0; r < entityIds.length; r++) {
            int at = Arrays.binarySearch(denseIds, entityIds[r]);
            if (at >= 0) {
                System.arraycopy(data, r * dims, out, at * dims, dims);
                present[at] = true;
            }
        }
        return new DenseTable(denseIds.length, dims, out, present);
    }

    public int presentCount() {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /**
     * The vectors cut to {@code width} dimensions: by PCA fitted on the present rows (deterministic; up to
     * {@value Pca#MAX_DIMS} input dimensions), or by a seeded Gaussian random projection beyond that. An FM pays
     * O(dims × factors) per sample for a dense field: 384 raw dimensions made a MovieLens epoch ~10× slower than 32
     * principal ones and gained no more AUC (measured 32/64/128/384). This table unchanged
     * when it is already at most {@code width} wide or {@code width ≤ 0}.
     */
    public DenseTable reduced(int width, long seed) {
        if (width <= 0 || dims <= width) {
            return this;
        }
        int n = presentCount();
        float[] packed = new float[n * dims];
        int w = 0;
        for (int r = 0; r < rows; r++) {
            if (present[r]) {
                System.arraycopy(values, r * dims, packed, w++ * dims, dims);
            }
        }
        float[] projected;
        if (dims <= Pca.MAX_DIMS) {
            projected = Pca.fit(packed, n, dims, width, 1, TaskMonitor.NONE).transform(packed, n, 1, TaskMonitor.NONE);
        } else {
            SplittableRandom rnd = new SplittableRandom(seed);
            float[] basis = new float[width * dims];
            for (int k = 0; k < basis.length; k++) {
                basis[k] = (float) rnd.nextGaussian();
            }
            projected = new float[n * width];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < width; c++) {
                    double dot = 0;
                    for (int d = 0; d < dims; d++) {
                        dot += basis[c * dims + d] * packed[r * dims + d];
                    }
                    projected[r * width + c] = (float) dot;
                }
            }
        }
        float[] out = new float[rows * width];
        w = 0;
        for (int r = 0; r < rows; r++) {
            if (present[r]) {
                System.arraycopy(projected, w++ * width, out, r * width, width);
            }
        }
        return new DenseTable(rows, width, out, present);
    }

    /**
     * Each dimension centred over the present rows, then the whole table scaled by one factor so a row has mean
     * squared norm 1: raw sentence embeddings have tiny coordinates, and an unscaled wide field would swamp the
     * one-hot fields in the first Adagrad steps. One factor rather than one per dimension keeps the principal
     * components' order of importance (whitening them amplified the noisy trailing ones and did no better on
     * MovieLens). Absent rows stay zero, i.e. at the mean.
     */
    public DenseTable normalized() {
        double[] mean = new double[dims];
        double[] sq = new double[dims];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (!present[r]) {
                continue;
            }
            n++;
            for (int d = 0; d < dims; d++) {
                double x = values[r * dims + d];
                mean[d] += x;
                sq[d] += x * x;
            }
        }
        float[] out = new float[values.length];
        double total = 0; // summed variance: the mean squared norm of a centred row
        for (int d = 0; d < dims && n > 0; d++) {
            mean[d] /= n;
            total += Math.max(0, sq[d] / n - mean[d] * mean[d]);
        }
        if (total <= 1e-24) {
            return new DenseTable(rows, dims, out, present); // every row the same: the field carries nothing
        }
        double mul = 1 / Math.sqrt(total);
        for (int r = 0; r < rows; r++) {
            if (present[r]) {
                for (int d = 0; d < dims; d++) {
                    out[r * dims + d] = (float) ((values[r * dims + d] - mean[d]) * mul);
                }
            }
        }
        return new DenseTable(rows, dims, out, present);
    }
}
